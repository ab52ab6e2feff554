import type { HallProfile } from '@yichuang/protocol';
import type { Queryable } from '../city-db.ts';

/** A hall whose last push (or heartbeat, every 30 s) is older than this is shown as unreachable. */
export const LINK_DOWN_AFTER_MS = 90_000;
const DEFAULT_MAX_WAIT_MIN = 60;

/** What the city holds of one hall, read in a few queries for every hall at once. */
export interface HallRow {
  hallId: string;
  name: string;
  ackedSeq: number;
  lastHeardAt: number | null;
  lastEventAt: number | null;
  clockOffset: number | null;
  day: string | null;
  waiting: number;
  longestWaitSince: number | null;
  profile: HallProfile | null;
}

export async function readHallRows(db: Queryable, hallId: string | null): Promise<HallRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT h.hall_id, h.name, h.acked_seq, h.last_heard_at, h.last_at, h.clock_offset, l.day, l.waiting,
            l.longest_wait_since, p.profile
       FROM halls h LEFT JOIN city_hall_live l ON l.hall_id = h.hall_id
       LEFT JOIN city_hall_profiles p ON p.hall_id = h.hall_id
      WHERE $1::text IS NULL OR h.hall_id = $1
      ORDER BY h.hall_id`,
    [hallId],
  );
  return rows.map((r) => ({
    hallId: r.hall_id as string,
    name: r.name as string,
    ackedSeq: r.acked_seq as number,
    lastHeardAt: (r.last_heard_at as number | null) ?? null,
    lastEventAt: (r.last_at as number | null) ?? null,
    clockOffset: (r.clock_offset as number | null) ?? null,
    day: (r.day as string | null) ?? null,
    waiting: (r.waiting as number | null) ?? 0,
    longestWaitSince: (r.longest_wait_since as number | null) ?? null,
    profile: (r.profile as HallProfile | null) ?? null,
  }));
}

/** The hall's clock now (city clock + the offset the hall last sent), for waits and opening hours. */
export const hallNow = (row: HallRow, cityNow: number): number => cityNow + (row.clockOffset ?? 0);

export const linkDown = (row: HallRow, cityNow: number): boolean =>
  row.lastHeardAt === null || cityNow - row.lastHeardAt > LINK_DOWN_AFTER_MS;

export const maxWaitMs = (row: HallRow): number => (row.profile?.maxWaitMinutes ?? DEFAULT_MAX_WAIT_MIN) * 60_000;

/** A printer status that stops printing (paper low still prints). */
export const printerFault = (status: string): boolean => !['ok', 'paper-low', 'unknown'].includes(status);
