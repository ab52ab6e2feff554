import type { HallConfigInput } from '@yichuang/protocol';
import type { Harness } from './hub-harness.ts';
import { testHallConfig } from './test-hall.ts';

const KIOSK = 'kiosk-1-secret';

/**
 * The test hall, open every day, with time limits short enough to see cases due soon and overdue:
 * 无犯罪记录证明 1 working day, 居民身份证换领 3; due soon within 1 working day.
 */
export function caseHall(): HallConfigInput {
  const config = testHallConfig({ windows: 2 });
  config.services = config.services.map((s) => ({ ...s, timeLimitDays: s.id === 'cert' ? 1 : 3 }));
  config.cases = { defaultTimeLimitDays: 20, dueSoonWorkingDays: 1 };
  return config;
}

let serial = 0;

/** A ticket of `serviceId` taken, called, started and finished at `windowId` with the finish fields. */
export async function finishVisit(
  x: Harness,
  token: string,
  windowId: string,
  serviceId: string,
  finish: Record<string, unknown>,
): Promise<void> {
  const n = ++serial;
  const t = await x.api('POST', '/api/tickets', { requestId: `seed-k${n}`, serviceId }, KIOSK);
  if (t.status !== 201) throw new Error(`ticket: ${JSON.stringify(t.body)}`);
  const steps: [string, unknown][] = [
    ['call-next', { requestId: `seed-c${n}` }],
    ['start', {}],
    ['finish', { requestId: `seed-f${n}`, ...finish }],
  ];
  for (const [step, body] of steps) {
    const res = await x.api('POST', `/api/windows/${windowId}/${step}`, body, token);
    if (res.status !== 200) throw new Error(`${step}: ${JSON.stringify(res.body)}`);
  }
}

/** The hall's open cases by 受理编号, for ids in updates. */
export async function caseIds(x: Harness, token: string): Promise<Map<string, string>> {
  const res = await x.api('GET', '/api/cases?status=all', undefined, token);
  return new Map((res.body as { cases: { no: string; id: string }[] }).cases.map((c) => [c.no, c.id]));
}
