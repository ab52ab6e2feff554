import {
  fail,
  refusalReasonLabels,
  type Ack,
  type Case,
  type DomainEvent,
  type ErrorCode,
  type EventEnvelope,
  type HallConfig,
  type Refusal,
  type SlipKind,
} from '@yichuang/protocol';
import { acceptanceReceiptLayout, refusalNoticeLayout, type PrintResult } from '@yichuang/printer';
import type { CommandBus } from '../command-bus.ts';
import { slipContactName } from '../store/case-contacts.ts';
import { findCase, findRefusal } from '../store/case-records.ts';
import type { Db } from '../store/open-db.ts';
import { slipPrints, type SlipPrint } from '../store/slip-records.ts';
import type { HubPrinter } from './ticket-printing.ts';

export interface SlipPrintingOptions {
  bus: CommandBus;
  db: Db;
  printers: Map<string, HubPrinter>;
  /** The hall's public address (no trailing slash): the receipt's QR code opens its progress page there. */
  publicUrl: () => string;
  clock: () => number;
  log: (line: string) => void;
}

/** A slip to print: the case of an acceptance receipt, or a refusal. */
export type Slip = { kind: 'receipt'; slip: Case } | { kind: 'refusal'; slip: Refusal };

/** What a reprint answers: the slip's number and its whole print history, this print last. */
export interface SlipReprint {
  kind: SlipKind;
  slipId: string;
  no: string;
  printerId: string;
  prints: SlipPrint[];
}

type NoPrinter = { ok: false; status: 'no-printer'; error: string };

const UNKNOWN: Record<SlipKind, [ErrorCode, string]> = {
  receipt: ['UNKNOWN_CASE', '没有该受理记录 / unknown case'],
  refusal: ['UNKNOWN_REFUSAL', '没有该不予受理记录 / unknown refusal'],
};

/** The progress page of a case (进度查询), as its receipt's QR code opens it. */
export function progressUrl(publicUrl: string, caseNo: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/m/progress?no=${encodeURIComponent(caseNo)}`;
}

/**
 * The reason as the notice prints it: the label from the list and the officer's note; for `other` the
 * officer's words are the reason (其他原因 alone says nothing).
 */
export function refusalReasonWords(r: Pick<Refusal, 'reason' | 'note'>): { reasonLabel: string; note: string } {
  if (r.reason === 'other' && r.note.trim() !== '') return { reasonLabel: r.note.trim(), note: '' };
  return { reasonLabel: refusalReasonLabels[r.reason].zh, note: r.note };
}

/**
 * Prints the acceptance receipt (受理回执) of each case opened and the refusal notice (不予受理告知书) of
 * each refusal, stub + applicant's part, on the printer of the window that handled the matter, after the
 * finish is committed; records each outcome as `slip:printed` or `slip:print-failed`. A reprint goes to
 * the printer of the window the asking officer holds, else the original window's.
 */
export class SlipPrinting {
  private readonly o: SlipPrintingOptions;

  constructor(o: SlipPrintingOptions) {
    this.o = o;
  }

  onEvents(events: EventEnvelope[]): void {
    for (const e of events) {
      if (e.type === 'case:opened')
        void this.print({ kind: 'receipt', slip: e.payload.case }, e.payload.case.windowId, false);
      else if (e.type === 'refusal:issued')
        void this.print({ kind: 'refusal', slip: e.payload.refusal }, e.payload.refusal.windowId, false);
    }
  }

  /** The stored slip, or null. */
  find(kind: SlipKind, id: string): Slip | null {
    if (kind === 'receipt') {
      const c = findCase(this.o.db, id);
      return c === null ? null : { kind, slip: c };
    }
    const r = findRefusal(this.o.db, id);
    return r === null ? null : { kind, slip: r };
  }

  async reprint(kind: SlipKind, id: string, officerId: string): Promise<Ack<SlipReprint>> {
    const found = this.find(kind, id);
    if (found === null) {
      const [code, message] = UNKNOWN[kind];
      return { ok: false, error: fail(code, message) };
    }
    let windowId = found.slip.windowId;
    for (const w of this.o.bus.state.windows.values()) if (w.holder?.officerId === officerId) windowId = w.id;
    const result = await this.print(found, windowId, true);
    if (!result.ok)
      return {
        ok: false,
        error: fail(
          result.status === 'no-printer' ? 'NO_PRINTER' : 'PRINTER_FAULT',
          result.status === 'no-printer'
            ? '该窗口未配置打印机 / this window has no printer'
            : `打印失败：${result.error} / print failed: ${result.status}`,
        ),
      };
    const prints = slipPrints(this.o.db, kind, id);
    return {
      ok: true,
      data: { kind, slipId: id, no: found.slip.no, printerId: prints.at(-1)?.printerId ?? '', prints },
    };
  }

  private async print(s: Slip, windowId: string, reprint: boolean): Promise<PrintResult | NoPrinter> {
    const { config } = this.o.bus;
    const window = config.windows.find((w) => w.id === windowId);
    const printer = window?.printer === undefined ? undefined : this.o.printers.get(window.printer);
    if (printer === undefined) {
      const result: NoPrinter = { ok: false, status: 'no-printer', error: `window ${windowId} has no printer` };
      this.record(s.kind, s.slip.id, null, result, reprint);
      return result;
    }
    const printerConfig = config.printers.find((p) => p.id === printer.id);
    const layout = { paperWidthMm: printerConfig?.paperWidthMm ?? 80, columns: printerConfig?.columns } as const;
    let bytes: Buffer;
    try {
      bytes =
        s.kind === 'receipt'
          ? acceptanceReceiptLayout(this.receiptData(config, s.slip), layout)
          : refusalNoticeLayout(this.refusalData(config, s.slip), layout);
    } catch (err) {
      // A layout that cannot be made (e.g. a QR address too long) is a print failure, not a crash.
      const result: PrintResult = { ok: false, status: 'offline', error: (err as Error).message };
      this.record(s.kind, s.slip.id, printer.id, result, reprint);
      return result;
    }
    const result = await printer
      .print({ id: `${s.kind}-${s.slip.id}`, bytes })
      .catch((err: Error): PrintResult => ({ ok: false, status: 'offline', error: err.message }));
    this.record(s.kind, s.slip.id, printer.id, result, reprint);
    return result;
  }

  /** The clear name from the contacts table, else the masked one the case carries. */
  private applicant(slipId: string, masked: string): string {
    return slipContactName(this.o.db, slipId) ?? masked;
  }

  /** What both slips print of the hall, the matter, the window and the applicant. */
  private common(config: HallConfig, s: Case | Refusal) {
    return {
      organization: config.hall.organization ?? config.hall.name,
      applicantName: this.applicant(s.id, s.contactName),
      serviceName: config.services.find((x) => x.id === s.serviceId)?.name ?? s.serviceId,
      timezone: config.hall.timezone,
      windowName: config.windows.find((w) => w.id === s.windowId)?.name ?? s.windowId,
      officerName: config.officers.find((o) => o.id === s.officerId)?.name ?? s.officerId,
      ticketNumber: s.ticketNumber,
      phones: config.hall.phones,
    };
  }

  private receiptData(config: HallConfig, c: Case): Parameters<typeof acceptanceReceiptLayout>[0] {
    const service = config.services.find((x) => x.id === c.serviceId);
    return {
      ...this.common(config, c),
      caseNo: c.no,
      pending: c.kind === 'accepted-pending',
      pendingMaterials: c.pendingMaterials,
      acceptedAt: c.acceptedAt,
      timeLimitDays: c.timeLimitDays,
      dueDay: c.dueDay,
      collect: service?.collect,
      fee: service?.fee,
      progressUrl: progressUrl(this.o.publicUrl(), c.no),
    };
  }

  private refusalData(config: HallConfig, r: Refusal): Parameters<typeof refusalNoticeLayout>[0] {
    return {
      ...this.common(config, r),
      refusalNo: r.no,
      ...refusalReasonWords(r),
      basis: r.basis,
      at: r.at,
    };
  }

  private record(
    kind: SlipKind,
    slipId: string,
    printerId: string | null,
    result: PrintResult | NoPrinter,
    reprint: boolean,
  ): void {
    const at = this.o.clock();
    const e: DomainEvent = result.ok
      ? { type: 'slip:printed', at, payload: { kind, slipId, printerId: printerId ?? '', reprint } }
      : {
          type: 'slip:print-failed',
          at,
          payload: { kind, slipId, printerId, status: result.status, error: result.error, reprint },
        };
    // The slip's id only: the applicant's name never goes to the log.
    if (!result.ok) this.o.log(`print of ${kind} ${slipId} failed: ${result.status}`);
    this.o.bus.recordSystem([e]);
  }
}
