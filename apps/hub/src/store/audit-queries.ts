import type { AuditPage, EventEnvelope, TicketRow } from '@yichuang/protocol';
import { addDays, localToEpoch } from '@yichuang/engine';
import type { Db } from './open-db.ts';

export interface AuditFilter {
  /** An event type, or a prefix of one (`ticket:`). */
  type?: string | undefined;
  actor?: string | undefined;
  windowId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Events older than this seq (the next page). */
  before?: number | undefined;
  limit: number;
}

/** A page of the event log for the audit view, newest first, filtered in SQL. */
export function auditPage(db: Db, timezone: string, f: AuditFilter): AuditPage {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.type !== undefined) {
    where.push(f.type.endsWith(':') ? 'type LIKE ?' : 'type = ?');
    args.push(f.type.endsWith(':') ? `${f.type}%` : f.type);
  }
  if (f.actor !== undefined) {
    where.push('actor = ?');
    args.push(f.actor);
  }
  if (f.windowId !== undefined) {
    where.push("json_extract(payload, '$.windowId') = ?");
    args.push(f.windowId);
  }
  if (f.from !== undefined) {
    where.push('at >= ?');
    args.push(localToEpoch(f.from, '00:00', timezone));
  }
  if (f.to !== undefined) {
    where.push('at < ?');
    args.push(localToEpoch(addDays(f.to, 1), '00:00', timezone));
  }
  if (f.before !== undefined) {
    where.push('seq < ?');
    args.push(f.before);
  }
  const sql = `SELECT seq, at, type, actor, payload FROM events ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY seq DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...args, f.limit + 1) as {
    seq: number;
    at: number;
    type: string;
    actor: string;
    payload: string;
  }[];
  const page = rows.slice(0, f.limit);
  return {
    events: page.map(
      (r) =>
        ({
          seq: r.seq,
          at: r.at,
          type: r.type,
          actor: r.actor,
          payload: JSON.parse(r.payload) as unknown,
        }) as EventEnvelope,
    ),
    nextBefore: rows.length > f.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

/** Tickets of a day whose number starts with `number` (all when empty), in issue order, at most 500. */
export function findTickets(db: Db, day: string, number: string): TicketRow[] {
  const rows = db
    .prepare(
      `SELECT id, day, number, queue_id, service_id, status, window_id, issued_at, finished_at,
         json_extract(data, '$.printed') AS printed,
         EXISTS (SELECT 1 FROM events e WHERE e.type = 'ticket:print-unknown' AND e.at >= tickets.issued_at
           AND json_extract(e.payload, '$.ticketId') = tickets.id) AS print_unknown
       FROM tickets WHERE day = ? AND number LIKE ? ORDER BY issued_at LIMIT 500`,
    )
    .all(day, `${number}%`) as {
    id: string;
    day: string;
    number: string;
    queue_id: string;
    service_id: string;
    status: string;
    window_id: string | null;
    issued_at: number;
    finished_at: number | null;
    printed: number | null;
    print_unknown: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    day: r.day,
    number: r.number,
    queueId: r.queue_id,
    serviceId: r.service_id,
    status: r.status,
    windowId: r.window_id,
    issuedAt: r.issued_at,
    finishedAt: r.finished_at,
    printed: r.printed === 1,
    printUnknown: r.print_unknown === 1 && r.printed !== 1,
  }));
}
