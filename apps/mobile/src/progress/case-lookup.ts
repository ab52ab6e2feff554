import { z } from 'zod';
import { caseProgressSchema, type CaseProgress } from '@yichuang/protocol';
import { hubCall, type HubResult } from '../api/hub-call.ts';

const answer = z.object({ case: caseProgressSchema });

/** 受理编号 as the hub takes it: SL, the day, a serial. */
export const CASE_NO = /^[Ss][Ll]\d{8}-\d{3,4}$/;

/** Tidy what was typed: spaces out, full-width letters and dashes (from Chinese keyboards) made plain. */
export function tidyCaseNo(typed: string): string {
  return typed
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[—–－]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** The progress of a case by its number and the applicant's mobile. */
export async function lookupCase(no: string, phone: string): Promise<HubResult<CaseProgress>> {
  const r = await hubCall('POST', '/api/public/cases/lookup', answer, { no, phone });
  return r.ok ? { ok: true, data: r.data.case } : r;
}
