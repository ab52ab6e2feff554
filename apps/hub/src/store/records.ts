import type { EventEnvelope, Notice, NoticeRecord, Rating } from '@yichuang/protocol';
import { stmt, type Db } from './open-db.ts';
import { writeCaseRecords } from './case-records.ts';
import { writeSlipPrints } from './slip-records.ts';
import { writeComplaintRecords } from './complaint-records.ts';

/**
 * Notices and ratings are written from their events, in the command's transaction: they are
 * records for audit and reports, not part of the engine's in-memory state.
 */
export function writeRecords(db: Db, events: readonly EventEnvelope[], day: string): void {
  writeSlipPrints(db, events);
  for (const e of events) {
    switch (e.type) {
      case 'notice:issued': {
        const n = e.payload.notice;
        stmt(db, SQL.insertNotice).run(
          n.id,
          n.no,
          n.day,
          n.ticketId,
          n.windowId,
          n.officerId,
          n.serviceId,
          n.createdAt,
          JSON.stringify(n),
        );
        break;
      }
      case 'notice:printed':
        stmt(db, SQL.insertPrint).run(
          e.payload.noticeId,
          e.at,
          e.payload.printerId,
          1,
          e.payload.reprint ? 1 : 0,
          null,
        );
        break;
      case 'notice:print-failed':
        stmt(db, SQL.insertPrint).run(
          e.payload.noticeId,
          e.at,
          e.payload.printerId,
          0,
          e.payload.reprint ? 1 : 0,
          `${e.payload.status}: ${e.payload.error}`,
        );
        break;
      case 'ticket:rated': {
        const r = e.payload.rating;
        stmt(db, SQL.insertRating).run(
          r.ticketId,
          day,
          r.ticketNumber,
          r.windowId,
          r.officerId,
          r.level,
          r.reason,
          r.via,
          r.at,
        );
        break;
      }
      default:
        writeCaseRecords(db, e, day);
        break;
    }
  }
  writeComplaintRecords(db, events);
}

export function findNotice(db: Db, id: string): NoticeRecord | null {
  const row = stmt(db, 'SELECT data FROM notices WHERE id = ?').get(id) as { data: string } | undefined;
  return row === undefined ? null : withPrints(db, JSON.parse(row.data) as Notice);
}

export function noticesOn(db: Db, day: string, windowId?: string): NoticeRecord[] {
  const rows = (
    windowId === undefined
      ? stmt(db, 'SELECT data FROM notices WHERE day = ? ORDER BY no').all(day)
      : stmt(db, 'SELECT data FROM notices WHERE day = ? AND window_id = ? ORDER BY no').all(day, windowId)
  ) as { data: string }[];
  return rows.map((r) => withPrints(db, JSON.parse(r.data) as Notice));
}

function withPrints(db: Db, n: Notice): NoticeRecord {
  const prints = (
    stmt(db, 'SELECT at, printer_id, ok, reprint, error FROM notice_prints WHERE notice_id = ? ORDER BY rowid').all(
      n.id,
    ) as { at: number; printer_id: string | null; ok: number; reprint: number; error: string | null }[]
  ).map((p) => ({ at: p.at, printerId: p.printer_id ?? '', ok: p.ok === 1, reprint: p.reprint === 1, error: p.error }));
  return { ...n, prints };
}

export function ratingsOn(db: Db, day: string): Rating[] {
  return (
    stmt(db, 'SELECT * FROM ratings WHERE day = ? ORDER BY at').all(day) as {
      ticket_id: string;
      ticket_number: string;
      window_id: string;
      officer_id: string;
      level: number;
      reason: string | null;
      via: Rating['via'];
      at: number;
    }[]
  ).map((r) => ({
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    windowId: r.window_id,
    officerId: r.officer_id,
    level: r.level,
    reason: r.reason,
    via: r.via,
    at: r.at,
  }));
}

/** One officer's day for the counter's "我的今日": from the tables, not the trimmed snapshot. */
export function officerDay(
  db: Db,
  officerId: string,
  day: string,
): { served: number; noShows: number; avgServiceS: number; ratings: Record<string, number>; ratedCount: number } {
  const t = stmt(
    db,
    `SELECT SUM(status = 'done') AS served, SUM(status = 'no-show') AS noShows,
       AVG(CASE WHEN status = 'done' AND called_at IS NOT NULL THEN (finished_at - COALESCE(started_at, called_at)) END) AS avgMs
     FROM tickets WHERE day = ? AND officer_id = ?`,
  ).get(day, officerId) as { served: number | null; noShows: number | null; avgMs: number | null };
  const ratings: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let ratedCount = 0;
  for (const r of stmt(
    db,
    'SELECT level, COUNT(*) AS n FROM ratings WHERE day = ? AND officer_id = ? GROUP BY level',
  ).all(day, officerId) as { level: number; n: number }[]) {
    ratings[String(r.level)] = r.n;
    ratedCount += r.n;
  }
  return {
    served: t.served ?? 0,
    noShows: t.noShows ?? 0,
    avgServiceS: t.avgMs === null ? 0 : Math.round(t.avgMs / 1000),
    ratings,
    ratedCount,
  };
}

const SQL = {
  insertNotice: `INSERT INTO notices (id, no, day, ticket_id, window_id, officer_id, service_id, created_at, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertPrint: 'INSERT INTO notice_prints (notice_id, at, printer_id, ok, reprint, error) VALUES (?, ?, ?, ?, ?, ?)',
  insertRating: `INSERT INTO ratings (ticket_id, day, ticket_number, window_id, officer_id, level, reason, via, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;
