import type { ComplaintChannel, ComplaintTotals } from '@yichuang/protocol';
import { stmt, type Db } from '../store/open-db.ts';

/** Complaints and follow-ups of the days from..to (by the day received or opened), from their tables. */
export function complaintTotals(db: Db, from: string, to: string): ComplaintTotals {
  const t: ComplaintTotals = {
    received: 0,
    closed: 0,
    open: 0,
    byChannel: { onsite: 0, phone: 0, hotline: 0, letter: 0, online: 0, other: 0 },
    byWindow: [],
    byOfficer: [],
    followUps: { opened: 0, closed: 0, open: 0 },
  };
  for (const r of stmt(
    db,
    'SELECT channel, status, COUNT(*) AS n FROM complaints WHERE day >= ? AND day <= ? GROUP BY channel, status',
  ).all(from, to) as { channel: ComplaintChannel; status: 'open' | 'closed'; n: number }[]) {
    t.received += r.n;
    t[r.status] += r.n;
    t.byChannel[r.channel] += r.n;
  }
  const by = (column: 'window_id' | 'officer_id'): { id: string; count: number }[] =>
    (
      stmt(
        db,
        `SELECT ${column} AS id, COUNT(*) AS count FROM complaints
         WHERE day >= ? AND day <= ? AND ${column} IS NOT NULL GROUP BY ${column} ORDER BY count DESC, id`,
      ).all(from, to) as { id: string; count: number }[]
    ).map((r) => ({ id: r.id, count: r.count }));
  t.byWindow = by('window_id');
  t.byOfficer = by('officer_id');
  for (const r of stmt(
    db,
    'SELECT status, COUNT(*) AS n FROM followups WHERE day >= ? AND day <= ? GROUP BY status',
  ).all(from, to) as { status: 'open' | 'closed'; n: number }[]) {
    t.followUps.opened += r.n;
    t.followUps[r.status] += r.n;
  }
  return t;
}
