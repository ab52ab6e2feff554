import {
  maskPhone,
  renderMessage,
  type NotifyChannel,
  type NotifyMessage,
  type NotifyParams,
  type NotifyStatus,
  type NotifyTemplate,
} from '@yichuang/protocol';
import { stmt, type Db } from '../store/open-db.ts';

/** Queries of the notify outbox and the ticket contacts (db/migrations/007_notify.sql). Phones stay in here. */

export interface OutboxRow {
  id: number;
  dedupe_key: string;
  channel: NotifyChannel;
  phone: string;
  ticket_id: string | null;
  template: NotifyTemplate;
  params: string;
  status: NotifyStatus;
  attempts: number;
  next_at: number;
  created_at: number;
  sent_at: number | null;
  last_error: string | null;
}

export interface NewMessage {
  dedupeKey: string;
  channel: NotifyChannel;
  phone: string;
  ticketId: string | null;
  template: NotifyTemplate;
  params: NotifyParams;
}

export const DAILY_CAP_ERROR = '超过每号每日上限 / over the daily limit for this phone';

/**
 * Adds messages not seen before (by dedupe key), in one transaction. A phone that already got its
 * daily cap of messages since `dayStart` gets the new ones as `dead`. Returns how many were added queued.
 */
export function enqueueMessages(db: Db, messages: NewMessage[], now: number, dayStart: number, cap: number): number {
  if (messages.length === 0) return 0;
  const insert = stmt(
    db,
    `INSERT INTO notify_outbox (dedupe_key, channel, phone, ticket_id, template, params, status, attempts, next_at, created_at, last_error)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  const today = stmt(
    db,
    'SELECT COUNT(*) AS n FROM notify_outbox WHERE phone = ? AND created_at >= ? AND (last_error IS NULL OR last_error <> ?)',
  );
  let queued = 0;
  db.transaction(() => {
    for (const m of messages) {
      const n = (today.get(m.phone, dayStart, DAILY_CAP_ERROR) as { n: number }).n;
      const over = n >= cap;
      const r = insert.run(
        m.dedupeKey,
        m.channel,
        m.phone,
        m.ticketId,
        m.template,
        JSON.stringify(m.params),
        over ? 'dead' : 'queued',
        now,
        now,
        over ? DAILY_CAP_ERROR : null,
      );
      if (r.changes > 0 && !over) queued++;
    }
  }).immediate();
  return queued;
}

/** Messages due now (queued, or failed with their retry due), oldest first. */
export function dueMessages(db: Db, now: number, limit: number): OutboxRow[] {
  return stmt(
    db,
    "SELECT * FROM notify_outbox WHERE status IN ('queued', 'failed') AND next_at <= ? ORDER BY next_at, id LIMIT ?",
  ).all(now, limit) as OutboxRow[];
}

/** The next time anything is due, or null when nothing waits. */
export function nextDueAt(db: Db): number | null {
  const r = stmt(db, "SELECT MIN(next_at) AS at FROM notify_outbox WHERE status IN ('queued', 'failed')").get() as {
    at: number | null;
  };
  return r.at;
}

/** Counted before the send: a crash during it leaves the attempt on record (the message is sent again). */
export function markAttempt(db: Db, id: number): void {
  stmt(db, 'UPDATE notify_outbox SET attempts = attempts + 1 WHERE id = ?').run(id);
}

export function markSent(db: Db, id: number, at: number): void {
  stmt(db, "UPDATE notify_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?").run(at, id);
}

export function markFailed(db: Db, id: number, nextAt: number, error: string): void {
  stmt(db, "UPDATE notify_outbox SET status = 'failed', next_at = ?, last_error = ? WHERE id = ?").run(
    nextAt,
    error.slice(0, 300),
    id,
  );
}

export function markDead(db: Db, id: number, error: string): void {
  stmt(db, "UPDATE notify_outbox SET status = 'dead', last_error = ? WHERE id = ?").run(error.slice(0, 300), id);
}

/** A manager's retry: the message goes again now, with a fresh count of attempts. */
export function requeue(db: Db, id: number, now: number): boolean {
  return (
    stmt(
      db,
      "UPDATE notify_outbox SET status = 'queued', attempts = 0, next_at = ? WHERE id = ? AND status IN ('failed', 'dead')",
    ).run(now, id).changes > 0
  );
}

export function findMessage(db: Db, id: number): OutboxRow | undefined {
  return stmt(db, 'SELECT * FROM notify_outbox WHERE id = ?').get(id) as OutboxRow | undefined;
}

/** A page of one day's messages, newest first, and the day's counts by status. */
export function listMessages(
  db: Db,
  q: { from: number; to: number; status?: NotifyStatus; before?: number; limit: number },
): { rows: OutboxRow[]; counts: Record<NotifyStatus, number> } {
  const rows = stmt(
    db,
    `SELECT * FROM notify_outbox WHERE created_at >= ? AND created_at < ? AND (? IS NULL OR status = ?) AND id < ?
     ORDER BY id DESC LIMIT ?`,
  ).all(q.from, q.to, q.status ?? null, q.status ?? null, q.before ?? Number.MAX_SAFE_INTEGER, q.limit) as OutboxRow[];
  const counts: Record<NotifyStatus, number> = { queued: 0, sent: 0, failed: 0, dead: 0 };
  const byStatus = stmt(
    db,
    'SELECT status, COUNT(*) AS n FROM notify_outbox WHERE created_at >= ? AND created_at < ? GROUP BY status',
  ).all(q.from, q.to) as { status: NotifyStatus; n: number }[];
  for (const r of byStatus) counts[r.status] = r.n;
  return { rows, counts };
}

/** A row as the console sees it: the phone masked, the text rendered. */
export function messageView(r: OutboxRow): NotifyMessage {
  // A one-time code is a secret of its own: the console sees that one went, not which.
  const params = r.template === 'code' ? { code: '******' } : (JSON.parse(r.params) as NotifyParams);
  return {
    id: r.id,
    dedupeKey: r.dedupe_key,
    channel: r.channel,
    phone: maskPhone(r.phone),
    ticketId: r.ticket_id,
    template: r.template,
    params,
    text: renderMessage(r.template, params),
    status: r.status,
    attempts: r.attempts,
    nextAt: r.next_at,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    lastError: r.last_error,
  };
}

export function setContact(db: Db, ticketId: string, phone: string, channel: NotifyChannel, now: number): void {
  stmt(
    db,
    `INSERT INTO ticket_contacts (ticket_id, phone, channel, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (ticket_id) DO UPDATE SET phone = excluded.phone, channel = excluded.channel`,
  ).run(ticketId, phone, channel, now);
}

export function contactOf(db: Db, ticketId: string): { phone: string; channel: NotifyChannel } | null {
  const r = stmt(db, 'SELECT phone, channel FROM ticket_contacts WHERE ticket_id = ?').get(ticketId) as
    { phone: string; channel: NotifyChannel } | undefined;
  return r ?? null;
}

/** Ticket ids with a contact left since `since` (the live day's: the rules look only at waiting tickets). */
export function contactsSince(
  db: Db,
  since: number,
): { ticket_id: string; phone: string; channel: NotifyChannel; created_at: number }[] {
  return stmt(db, 'SELECT ticket_id, phone, channel, created_at FROM ticket_contacts WHERE created_at >= ?').all(
    since,
  ) as { ticket_id: string; phone: string; channel: NotifyChannel; created_at: number }[];
}

/** Deletes messages and contacts made before `before`; returns how many rows went. */
export function purgeBefore(db: Db, before: number): number {
  return db
    .transaction(
      () =>
        stmt(db, 'DELETE FROM notify_outbox WHERE created_at < ?').run(before).changes +
        stmt(db, 'DELETE FROM ticket_contacts WHERE created_at < ?').run(before).changes,
    )
    .immediate();
}
