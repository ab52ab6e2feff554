import {
  fail,
  type Ack,
  type DomainEvent,
  type EventEnvelope,
  type Notice,
  type NoticeRecord,
} from '@yichuang/protocol';
import { noticeLayout, type PrintResult } from '@yichuang/printer';
import type { CommandBus } from '../command-bus.ts';
import { findNotice } from '../store/records.ts';
import type { Db } from '../store/open-db.ts';
import type { HubPrinter } from './ticket-printing.ts';

export interface NoticePrintingOptions {
  bus: CommandBus;
  db: Db;
  printers: Map<string, HubPrinter>;
  clock: () => number;
  log: (line: string) => void;
}

/**
 * Prints each notice slip (stub + notice, cut apart) on the printer of the window that issued it,
 * after it is committed, and records the outcome: `notice:printed` or `notice:print-failed`.
 * A reprint goes to the printer of the window the asking officer holds, else the original window's.
 */
export class NoticePrinting {
  private readonly o: NoticePrintingOptions;

  constructor(o: NoticePrintingOptions) {
    this.o = o;
  }

  onEvents(events: EventEnvelope[]): void {
    for (const e of events)
      if (e.type === 'notice:issued') void this.print(e.payload.notice, e.payload.notice.windowId, false);
  }

  async reprint(id: string, officerId: string): Promise<Ack<{ notice: NoticeRecord; printed: boolean }>> {
    const notice = findNotice(this.o.db, id);
    if (notice === null) return { ok: false, error: fail('UNKNOWN_NOTICE', '没有该告知单 / unknown notice') };
    let windowId = notice.windowId;
    for (const w of this.o.bus.state.windows.values()) if (w.holder?.officerId === officerId) windowId = w.id;
    const result = await this.print(notice, windowId, true);
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
    return { ok: true, data: { notice: findNotice(this.o.db, id) ?? notice, printed: true } };
  }

  private async print(notice: Notice, windowId: string, reprint: boolean): Promise<PrintResult | NoPrinter> {
    const { config } = this.o.bus;
    const window = config.windows.find((w) => w.id === windowId);
    const printer = window?.printer === undefined ? undefined : this.o.printers.get(window.printer);
    if (printer === undefined) {
      this.record(
        notice.id,
        null,
        { ok: false, status: 'no-printer', error: `window ${windowId} has no printer` },
        reprint,
      );
      return { ok: false, status: 'no-printer', error: 'no printer' };
    }
    const printerConfig = config.printers.find((p) => p.id === printer.id);
    const bytes = noticeLayout(
      {
        hallName: config.hall.organization ?? config.hall.name,
        noticeNo: notice.no,
        citizenName: notice.citizenName,
        serviceName: config.services.find((s) => s.id === notice.serviceId)?.name ?? notice.serviceId,
        missing: notice.missing,
        officerName: config.officers.find((o) => o.id === notice.officerId)?.name ?? notice.officerId,
        windowName: config.windows.find((w) => w.id === notice.windowId)?.name ?? notice.windowId,
        createdAt: notice.createdAt,
        timezone: config.hall.timezone,
        phones: config.hall.phones,
      },
      { paperWidthMm: printerConfig?.paperWidthMm ?? 80, columns: printerConfig?.columns },
    );
    const result = await printer
      .print({ id: `notice-${notice.id}`, bytes })
      .catch((err: Error): PrintResult => ({ ok: false, status: 'offline', error: err.message }));
    this.record(notice.id, printer.id, result, reprint);
    return result;
  }

  private record(noticeId: string, printerId: string | null, result: PrintResult | NoPrinter, reprint: boolean): void {
    const at = this.o.clock();
    const e: DomainEvent = result.ok
      ? { type: 'notice:printed', at, payload: { noticeId, printerId: printerId ?? '', reprint } }
      : {
          type: 'notice:print-failed',
          at,
          payload: { noticeId, printerId, status: result.status, error: result.error, reprint },
        };
    // The notice id only: the citizen's name never goes to the log.
    if (!result.ok) this.o.log(`print of notice ${noticeId} failed: ${result.status}`);
    this.o.bus.recordSystem([e]);
  }
}

interface NoPrinter {
  ok: false;
  status: 'no-printer';
  error: string;
}
