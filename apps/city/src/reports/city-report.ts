import type { DomainEvent, HallReport, Stat } from '@yichuang/protocol';
// The hall's own report fold (pure: events in, report out), so that a city report of a hall and day is
// the hall's daily report of that day, to the ticket and the second.
import {
  CARRY_IN_EVENT_TYPES,
  CARRY_IN_MS,
  REPORT_EVENT_TYPES,
  ReportFold,
} from '../../../hub/src/reports/report-fold.ts';
import { reportPeriod } from '../../../hub/src/reports/report-period.ts';
import type { Queryable } from '../city-db.ts';
import { readProfile } from '../routes/profile-routes.ts';
import { configFromProfile } from './profile-config.ts';

export interface CityReportHall {
  hallId: string;
  name: string;
  /** null: the hall has not sent its profile yet (no time zone, no queues to report by). */
  report: HallReport | null;
}

export interface CityReport {
  from: string;
  to: string;
  generatedAt: number;
  halls: CityReportHall[];
  /** Sums over the halls; waits and service times as the mean over every sample (no percentiles across halls). */
  totals: {
    halls: number;
    issued: number;
    served: number;
    noShow: number;
    transferred: number;
    carriedOver: number;
    green: number;
    wait: { count: number; meanS: number };
    service: { count: number; meanS: number };
    ratings: { count: number; levels: Record<'1' | '2' | '3' | '4' | '5', number>; low: number };
    pauseMinutes: number;
    emptyPostMinutes: number;
  };
}

async function events(db: Queryable, hallId: string, types: readonly string[], from: number, to: number) {
  const rows = await db.query<{ seq: number; at: number; type: string; payload: unknown }>(
    `SELECT seq, at, type, payload FROM hall_events
      WHERE hall_id = $1 AND at >= $2 AND at < $3 AND type = ANY($4::text[]) ORDER BY seq`,
    [hallId, from, to, types],
  );
  return rows.map((r) => ({ type: r.type, at: r.at, payload: r.payload }) as DomainEvent);
}

/** One hall's report over the days, folded from its log as the city holds it. */
export async function hallReport(
  db: Queryable,
  hallId: string,
  from: string,
  to: string,
  now: number,
): Promise<HallReport | null> {
  const profile = await readProfile(db, hallId);
  if (profile === null) return null;
  const config = configFromProfile(hallId, profile);
  const period = reportPeriod(profile.timezone, from, to);
  const tickets = new Map(
    (
      await db.query<{ ticket_id: string; queue_id: string; service_id: string }>(
        `SELECT ticket_id, queue_id, service_id FROM city_tickets WHERE hall_id = $1 AND day < $2`,
        [hallId, from],
      )
    ).map((t) => [t.ticket_id, t]),
  );
  const fold = new ReportFold({
    config,
    period,
    until: Math.max(period.start, Math.min(period.end, now)),
    generatedAt: now,
    queueOf: (id) => tickets.get(id)?.queue_id,
    serviceOf: (id) => tickets.get(id)?.service_id,
  });
  for (const e of await events(db, hallId, CARRY_IN_EVENT_TYPES, period.start - CARRY_IN_MS, period.start)) fold.add(e);
  for (const e of await events(db, hallId, REPORT_EVENT_TYPES, period.start, period.end)) fold.add(e);
  return { ...fold.result(), hall: { id: hallId, name: profile.name } };
}

const weighted = (stats: Stat[]): { count: number; meanS: number } => {
  const count = stats.reduce((n, s) => n + s.count, 0);
  return { count, meanS: count === 0 ? 0 : stats.reduce((n, s) => n + s.meanS * s.count, 0) / count };
};

/** Every hall's report over the days (a hall manager: their hall), and the city's sums. */
export async function cityReport(
  db: Queryable,
  halls: { hallId: string; name: string; clockOffset: number | null }[],
  from: string,
  to: string,
  now: number,
): Promise<CityReport> {
  const out: CityReportHall[] = [];
  // Spells still open (a pause, an empty post) count up to the hall's own now, as in its own report.
  for (const h of halls)
    out.push({
      hallId: h.hallId,
      name: h.name,
      report: await hallReport(db, h.hallId, from, to, now + (h.clockOffset ?? 0)),
    });
  const reports = out.flatMap((h) => (h.report === null ? [] : [h.report]));
  const sum = (f: (r: HallReport) => number): number => reports.reduce((n, r) => n + f(r), 0);
  const level = (l: '1' | '2' | '3' | '4' | '5'): number => sum((r) => r.ratings.levels[l]);
  return {
    from,
    to,
    generatedAt: now,
    halls: out,
    totals: {
      halls: reports.length,
      issued: sum((r) => r.totals.issued),
      served: sum((r) => r.totals.served),
      noShow: sum((r) => r.totals.noShow),
      transferred: sum((r) => r.totals.transferred),
      carriedOver: sum((r) => r.totals.carriedOver),
      green: sum((r) => r.totals.green),
      wait: weighted(reports.map((r) => r.totals.wait)),
      service: weighted(reports.map((r) => r.totals.service)),
      ratings: {
        count: sum((r) => r.ratings.count),
        levels: { '1': level('1'), '2': level('2'), '3': level('3'), '4': level('4'), '5': level('5') },
        low: sum((r) => r.ratings.low.length),
      },
      pauseMinutes: sum((r) => r.windows.reduce((n, w) => n + pauseTotal(w.pauseMinutes), 0)),
      emptyPostMinutes: sum((r) => r.windows.reduce((n, w) => n + w.emptyPostMinutes, 0)),
    },
  };
}

const pauseTotal = (p: { away: number; meeting: number; meal: number; other: number }): number =>
  p.away + p.meeting + p.meal + p.other;
