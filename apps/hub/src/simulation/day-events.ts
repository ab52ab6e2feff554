import { addDays, localToEpoch } from '@yichuang/engine';
import type { StoredEvent } from '@yichuang/simulator';
import { stmt, type Db } from '../store/open-db.ts';

/**
 * The `ticket:issued` and `ticket:finished` events of one business day, read by `at` between the
 * day's local midnights (the (type, at) index serves it). Payloads stay JSON text: the simulator
 * parses and checks them itself, on its own thread for a run.
 */
export function readDayEvents(db: Db, day: string, timezone: string): StoredEvent[] {
  const from = localToEpoch(day, '00:00', timezone);
  const to = localToEpoch(addDays(day, 1), '00:00', timezone);
  return stmt(
    db,
    `SELECT at, type, payload FROM events WHERE type IN ('ticket:issued', 'ticket:finished')
     AND at >= ? AND at < ? ORDER BY seq`,
  ).all(from, to) as StoredEvent[];
}

/** Days that have tickets, newest first, with how many were issued (the tickets table keeps every day). */
export function daysWithTickets(db: Db, limit: number): { day: string; tickets: number }[] {
  return stmt(db, 'SELECT day, COUNT(*) AS tickets FROM tickets GROUP BY day ORDER BY day DESC LIMIT ?').all(limit) as {
    day: string;
    tickets: number;
  }[];
}
