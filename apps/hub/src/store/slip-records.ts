import type { EventEnvelope, SlipKind } from '@yichuang/protocol';
import { stmt, type Db } from './open-db.ts';

/** One print (or failed print) of a receipt or refusal notice, as read back. */
export interface SlipPrint {
  at: number;
  /** Empty when the window had no printer. */
  printerId: string;
  ok: boolean;
  reprint: boolean;
  error: string | null;
}

/** The print history of the slips, written from `slip:printed` / `slip:print-failed` in the command's transaction. */
export function writeSlipPrints(db: Db, events: readonly EventEnvelope[]): void {
  for (const e of events) {
    if (e.type === 'slip:printed')
      stmt(db, INSERT).run(
        e.payload.kind,
        e.payload.slipId,
        e.at,
        e.payload.printerId,
        1,
        e.payload.reprint ? 1 : 0,
        null,
      );
    else if (e.type === 'slip:print-failed')
      stmt(db, INSERT).run(
        e.payload.kind,
        e.payload.slipId,
        e.at,
        e.payload.printerId,
        0,
        e.payload.reprint ? 1 : 0,
        `${e.payload.status}: ${e.payload.error}`,
      );
  }
}

export function slipPrints(db: Db, kind: SlipKind, slipId: string): SlipPrint[] {
  return (
    stmt(
      db,
      'SELECT at, printer_id, ok, reprint, error FROM slip_prints WHERE kind = ? AND slip_id = ? ORDER BY rowid',
    ).all(kind, slipId) as {
      at: number;
      printer_id: string | null;
      ok: number;
      reprint: number;
      error: string | null;
    }[]
  ).map((p) => ({ at: p.at, printerId: p.printer_id ?? '', ok: p.ok === 1, reprint: p.reprint === 1, error: p.error }));
}

const INSERT =
  'INSERT INTO slip_prints (kind, slip_id, at, printer_id, ok, reprint, error) VALUES (?, ?, ?, ?, ?, ?, ?)';
