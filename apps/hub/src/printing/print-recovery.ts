import type { Ticket } from '@yichuang/protocol';
import type { Db } from '../store/open-db.ts';

/** Slack for a clock set back a little between a ticket's issue and its print outcome. */
const CLOCK_SLACK_MS = 10 * 60_000;

/**
 * Of `candidates` (kiosk tickets not printed), those with no print outcome in the log: neither
 * `ticket:printed`, `ticket:print-failed` nor an earlier `ticket:print-unknown`. The hub logs an outcome
 * for every print it starts, so such a ticket was being printed when the hub stopped (SIGKILL, power):
 * its slip may or may not have come out. Reads only outcomes since the oldest candidate was issued,
 * through the (type, at) index.
 */
export function ticketsWithoutPrintOutcome(db: Db, candidates: readonly Ticket[]): Ticket[] {
  if (candidates.length === 0) return [];
  const since = candidates.reduce((min, t) => Math.min(min, t.issuedAt), Infinity) - CLOCK_SLACK_MS;
  const rows = db
    .prepare(
      `SELECT json_extract(payload, '$.ticketId') AS id FROM events
       WHERE type IN ('ticket:printed', 'ticket:print-failed', 'ticket:print-unknown') AND at >= ?`,
    )
    .all(since) as { id: string }[];
  const logged = new Set(rows.map((r) => r.id));
  return candidates.filter((t) => !logged.has(t.id));
}
