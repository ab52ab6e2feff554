import type { Queryable } from '../city-db.ts';
import { cityOverview, readPrinters, readWindows, type HallTile } from './city-overview.ts';
import { hallNow, readHallRows } from './hall-figures.ts';

/** One window of the drill-down: its post as the hall last told the city. */
export interface WindowLive {
  id: string;
  number: number;
  name: string;
  /** Open in the hall's config (a closed window is neither staffed nor an empty post). */
  open: boolean;
  state: 'serving' | 'calling' | 'idle' | 'paused' | 'empty' | 'off' | 'closed';
  officerId: string | null;
  role: string | null;
  since: number | null;
  ticketNumber: string | null;
  pauseReason: string | null;
}

export interface HallDetail {
  hall: HallTile & { address: string | null; phone: string | null; timezone: string };
  windows: WindowLive[];
  queues: { id: string; prefix: string; name: string; waiting: number; longestWaitS: number | null }[];
  recentCalls: { number: string; windowId: string; windowName: string; calledAt: number; status: string }[];
  printers: { id: string; status: string; since: number | null }[];
}

/** The read-only live view of one hall (ticket numbers only: the city holds no names). */
export async function hallDetail(db: Queryable, hallId: string, cityNow: number): Promise<HallDetail | null> {
  const [row] = await readHallRows(db, hallId);
  if (row === undefined) return null;
  const [[tile], windows, printers, queues, calls] = await Promise.all([
    cityOverview(db, hallId, cityNow),
    readWindows(db, hallId),
    readPrinters(db, hallId),
    db.query<{ queue_id: string; waiting: number; since: number }>(
      `SELECT queue_id, count(*)::int AS waiting, min(issued_at) AS since FROM city_tickets
        WHERE hall_id = $1 AND status = 'waiting' GROUP BY queue_id`,
      [hallId],
    ),
    db.query<{ number: string; window_id: string; called_at: number; status: string }>(
      `SELECT number, window_id, called_at, status FROM city_tickets
        WHERE hall_id = $1 AND called_at IS NOT NULL ORDER BY called_at DESC LIMIT 12`,
      [hallId],
    ),
  ]);
  const now = hallNow(row, cityNow);
  const p = row.profile;
  const configured =
    p?.windows ?? windows.map((w, i) => ({ id: w.windowId, number: i + 1, name: w.windowId, open: true, queues: [] }));
  const windowName = new Map(configured.map((w) => [w.id, w.name]));
  const queueIds = p?.queues.map((q) => q.id) ?? queues.map((q) => q.queue_id);
  return {
    hall: { ...tile!, address: p?.address ?? null, phone: p?.phone ?? null, timezone: p?.timezone ?? 'Asia/Shanghai' },
    windows: configured.map((c) => {
      const w = windows.find((x) => x.windowId === c.id);
      // A paused post shows its pause (a 离岗 pause without cover is also an empty post: see the alerts).
      const state: WindowLive['state'] = !c.open
        ? 'closed'
        : w?.paused === true && w.officerId !== null
          ? 'paused'
          : w?.emptySince != null
            ? 'empty'
            : w?.officerId == null
              ? 'off'
              : w.ticketNumber !== null
                ? w.ticketStatus === 'called'
                  ? 'calling'
                  : 'serving'
                : 'idle';
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        open: c.open,
        state,
        officerId: w?.officerId ?? null,
        role: w?.role ?? null,
        since:
          state === 'paused'
            ? (w?.pausedSince ?? null)
            : state === 'empty'
              ? (w?.emptySince ?? null)
              : (w?.since ?? null),
        ticketNumber: w?.ticketNumber ?? null,
        pauseReason: state === 'paused' ? (w?.pauseReason ?? null) : null,
      };
    }),
    queues: queueIds.map((id) => {
      const q = queues.find((x) => x.queue_id === id);
      const meta = p?.queues.find((x) => x.id === id);
      return {
        id,
        prefix: meta?.prefix ?? '',
        name: meta?.name ?? id,
        waiting: q?.waiting ?? 0,
        longestWaitS: q === undefined ? null : Math.max(0, Math.round((now - q.since) / 1000)),
      };
    }),
    recentCalls: calls.map((c) => ({
      number: c.number,
      windowId: c.window_id,
      windowName: windowName.get(c.window_id) ?? c.window_id,
      calledAt: c.called_at,
      status: c.status,
    })),
    printers: (p?.printers.map((x) => x.id) ?? printers.map((x) => x.printerId)).map((id) => {
      const s = printers.find((x) => x.printerId === id);
      return { id, status: s?.status ?? 'unknown', since: s?.since ?? null };
    }),
  };
}
