import type { HallProfile } from '@yichuang/protocol';
import type { Queryable } from '../city-db.ts';
import { hallNow, linkDown, readHallRows, type HallRow } from '../console/hall-figures.ts';
import { openNow } from '../console/hall-hours.ts';

/** When a queue has no finished ticket today to learn from: minutes per ticket at one window. */
const DEFAULT_SERVICE_MIN = 5;

/** A hall that handles a 全城通办 matter, with what a citizen choosing where to go needs. */
export interface CatalogueHall {
  hallId: string;
  name: string;
  address: string | null;
  phone: string | null;
  open: boolean;
  today: { open: string; close: string } | null;
  /** People waiting now in the queue the matter goes to. */
  waiting: number;
  /** Minutes a ticket taken now would wait (null: closed, or nobody at a window of that queue). */
  estimatedWaitMin: number | null;
  staffedWindows: number;
  /** The city has not heard from the hall lately: its figures may be old. */
  stale: boolean;
}

export interface CatalogueMatter {
  serviceId: string;
  name: string;
  nameEn: string | null;
  category: string | null;
  halls: CatalogueHall[];
}

export interface CityCatalogue {
  city: string;
  at: number;
  matters: CatalogueMatter[];
}

/**
 * 全城通办: every matter that at least one hall handles for the whole city, with the halls that do,
 * open now or not, their queue and an estimate of the wait (waiting × today's mean service time at
 * that queue ÷ windows staffed for it, not paused). Counts only: nothing about a ticket or a person.
 */
export async function cityCatalogue(db: Queryable, cityName: string, cityNow: number): Promise<CityCatalogue> {
  const halls = (await readHallRows(db, null)).filter((h) => h.profile !== null);
  const [waiting, service, windows] = await Promise.all([
    db.query<{ hall_id: string; queue_id: string; n: number }>(
      `SELECT hall_id, queue_id, count(*)::int AS n FROM city_tickets WHERE status = 'waiting' GROUP BY hall_id, queue_id`,
    ),
    db.query<{ hall_id: string; queue_id: string; mean_s: number }>(
      `SELECT t.hall_id, t.queue_id, avg(t.service_s)::float8 AS mean_s
         FROM city_tickets t JOIN city_hall_live l ON l.hall_id = t.hall_id AND l.day = t.day
        WHERE t.status = 'done' AND t.service_s IS NOT NULL GROUP BY t.hall_id, t.queue_id`,
    ),
    db.query<{ hall_id: string; window_id: string }>(
      `SELECT hall_id, window_id FROM city_windows WHERE officer_id IS NOT NULL AND NOT paused`,
    ),
  ]);
  const byService = new Map<string, CatalogueMatter>();
  for (const h of halls) {
    const p = h.profile as HallProfile;
    for (const s of p.services) {
      if (!s.cityWide) continue;
      const matter = byService.get(s.id) ?? {
        serviceId: s.id,
        name: s.name,
        nameEn: s.nameEn ?? null,
        category: s.category ?? null,
        halls: [],
      };
      byService.set(s.id, matter);
      matter.halls.push(hallEntry(h, p, s.queueId, cityNow, waiting, service, windows));
    }
  }
  const matters = [...byService.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const m of matters) m.halls.sort(byWait);
  return { city: cityName, at: cityNow, matters };
}

function hallEntry(
  h: HallRow,
  p: HallProfile,
  queueId: string,
  cityNow: number,
  waiting: readonly { hall_id: string; queue_id: string; n: number }[],
  service: readonly { hall_id: string; queue_id: string; mean_s: number }[],
  windows: readonly { hall_id: string; window_id: string }[],
): CatalogueHall {
  const hours = openNow(p, hallNow(h, cityNow));
  const n = waiting.find((w) => w.hall_id === h.hallId && w.queue_id === queueId)?.n ?? 0;
  const meanMin =
    (service.find((s) => s.hall_id === h.hallId && s.queue_id === queueId)?.mean_s ?? DEFAULT_SERVICE_MIN * 60) / 60;
  const serving = new Set(p.windows.filter((w) => w.open && w.queues.includes(queueId)).map((w) => w.id));
  const staffed = windows.filter((w) => w.hall_id === h.hallId && serving.has(w.window_id)).length;
  return {
    hallId: h.hallId,
    name: p.name,
    address: p.address ?? null,
    phone: p.phone ?? null,
    open: hours.open,
    today: hours.today,
    waiting: n,
    estimatedWaitMin: !hours.open || staffed === 0 ? null : Math.round((n * meanMin) / staffed),
    staffedWindows: staffed,
    stale: linkDown(h, cityNow),
  };
}

/** Open halls first, then by the estimated wait (unknown last), then by name. */
function byWait(a: CatalogueHall, b: CatalogueHall): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  const wa = a.estimatedWaitMin ?? Number.POSITIVE_INFINITY;
  const wb = b.estimatedWaitMin ?? Number.POSITIVE_INFINITY;
  return wa !== wb ? wa - wb : a.name.localeCompare(b.name, 'zh-CN');
}
