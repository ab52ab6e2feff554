import type { Queryable } from '../city-db.ts';
import { hallAlerts, type CityAlert } from './hall-alerts.ts';
import { hallNow, linkDown, printerFault, readHallRows, type HallRow } from './hall-figures.ts';
import { openNow } from './hall-hours.ts';

export interface WindowRow {
  hallId: string;
  windowId: string;
  officerId: string | null;
  role: string | null;
  since: number | null;
  ticketNumber: string | null;
  ticketStatus: string | null;
  paused: boolean;
  pauseReason: string | null;
  pausedSince: number | null;
  emptySince: number | null;
}

export interface PrinterRow {
  hallId: string;
  printerId: string;
  status: string;
  since: number;
}

/** One hall on the city grid. */
export interface HallTile {
  hallId: string;
  name: string;
  /** Open now by its hours (null: the hall has not sent its profile yet). */
  open: boolean | null;
  today: { open: string; close: string } | null;
  hallNow: number;
  lastHeardAt: number | null;
  linkDown: boolean;
  day: string | null;
  waiting: number;
  longestWaitS: number | null;
  issuedToday: number;
  servedToday: number;
  windowsConfigured: number | null;
  windowsStaffed: number;
  windowsPaused: number;
  emptyPosts: number;
  printerFaults: number;
  alerts: CityAlert[];
}

export async function readWindows(db: Queryable, hallId: string | null): Promise<WindowRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT w.hall_id, w.window_id, w.officer_id, w.role, w.since, t.number, t.status AS ticket_status, w.paused,
            w.pause_reason, w.paused_since, w.empty_since
       FROM city_windows w LEFT JOIN city_tickets t ON t.hall_id = w.hall_id AND t.ticket_id = w.ticket_id
      WHERE $1::text IS NULL OR w.hall_id = $1
      ORDER BY w.hall_id, w.window_id`,
    [hallId],
  );
  return rows.map((r) => ({
    hallId: r.hall_id as string,
    windowId: r.window_id as string,
    officerId: (r.officer_id as string | null) ?? null,
    role: (r.role as string | null) ?? null,
    since: (r.since as number | null) ?? null,
    ticketNumber: (r.number as string | null) ?? null,
    ticketStatus: (r.ticket_status as string | null) ?? null,
    paused: r.paused === true,
    pauseReason: (r.pause_reason as string | null) ?? null,
    pausedSince: (r.paused_since as number | null) ?? null,
    emptySince: (r.empty_since as number | null) ?? null,
  }));
}

export async function readPrinters(db: Queryable, hallId: string | null): Promise<PrinterRow[]> {
  const rows = await db.query<{ hall_id: string; printer_id: string; status: string; since: number }>(
    'SELECT hall_id, printer_id, status, since FROM city_printers WHERE $1::text IS NULL OR hall_id = $1',
    [hallId],
  );
  return rows.map((r) => ({ hallId: r.hall_id, printerId: r.printer_id, status: r.status, since: r.since }));
}

/** The grid of halls: one tile each, from a handful of queries whatever the number of halls. */
export async function cityOverview(db: Queryable, hallId: string | null, cityNow: number): Promise<HallTile[]> {
  const [halls, windows, printers, today] = await Promise.all([
    readHallRows(db, hallId),
    readWindows(db, hallId),
    readPrinters(db, hallId),
    db.query<{ hall_id: string; issued: number; served: number }>(
      `SELECT t.hall_id, count(*)::int AS issued, count(*) FILTER (WHERE t.status = 'done')::int AS served
         FROM city_tickets t JOIN city_hall_live l ON l.hall_id = t.hall_id AND l.day = t.day
        WHERE $1::text IS NULL OR t.hall_id = $1
        GROUP BY t.hall_id`,
      [hallId],
    ),
  ]);
  return halls.map((h) => tile(h, cityNow, windows, printers, today));
}

function tile(
  h: HallRow,
  cityNow: number,
  allWindows: readonly WindowRow[],
  allPrinters: readonly PrinterRow[],
  today: readonly { hall_id: string; issued: number; served: number }[],
): HallTile {
  const windows = allWindows.filter((w) => w.hallId === h.hallId);
  const printers = allPrinters.filter((p) => p.hallId === h.hallId);
  const now = hallNow(h, cityNow);
  const hours = h.profile === null ? null : openNow(h.profile, now);
  const counts = today.find((t) => t.hall_id === h.hallId);
  return {
    hallId: h.hallId,
    name: h.profile?.name ?? h.name,
    open: hours?.open ?? null,
    today: hours?.today ?? null,
    hallNow: now,
    lastHeardAt: h.lastHeardAt,
    linkDown: linkDown(h, cityNow),
    day: h.day,
    waiting: h.waiting,
    longestWaitS: h.longestWaitSince === null ? null : Math.max(0, Math.round((now - h.longestWaitSince) / 1000)),
    issuedToday: counts?.issued ?? 0,
    servedToday: counts?.served ?? 0,
    windowsConfigured: h.profile === null ? null : h.profile.windows.filter((w) => w.open).length,
    windowsStaffed: windows.filter((w) => w.officerId !== null).length,
    windowsPaused: windows.filter((w) => w.paused).length,
    emptyPosts: windows.filter((w) => w.emptySince !== null).length,
    printerFaults: printers.filter((p) => printerFault(p.status)).length,
    alerts: hallAlerts(h, cityNow, windows, printers),
  };
}
