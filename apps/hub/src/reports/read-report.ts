import type {
  Appointment,
  BookingTotals,
  CaseTotals,
  DomainEvent,
  EventType,
  HallConfig,
  HallReport,
} from '@yichuang/protocol';
import { businessDay, checkInWindow, localToEpoch } from '@yichuang/engine';
import { stmt, type Db } from '../store/open-db.ts';
import { CARRY_IN_EVENT_TYPES, CARRY_IN_MS, REPORT_EVENT_TYPES, ReportFold } from './report-fold.ts';
import type { ReportPeriod } from './report-period.ts';
import { complaintTotals } from './complaint-totals.ts';

/**
 * The report of a period from the event log. Thin: it reads rows and hands them to ReportFold.
 * A day at a time, in seq order, so a 92-day range never sits in memory (SQLite sorts each day),
 * and the hub answers calls between days: a full quarter of a busy hall takes seconds.
 */
export async function readHallReport(
  db: Db,
  config: HallConfig,
  period: ReportPeriod,
  now: number,
): Promise<HallReport> {
  const queueOf = stmt(db, 'SELECT queue_id FROM tickets WHERE id = ?');
  const serviceOf = stmt(db, 'SELECT service_id FROM tickets WHERE id = ?');
  const fold = new ReportFold({
    config,
    period,
    until: Math.max(period.start, Math.min(period.end, now)),
    generatedAt: now,
    queueOf: (id) => (queueOf.get(id) as { queue_id: string } | undefined)?.queue_id,
    serviceOf: (id) => (serviceOf.get(id) as { service_id: string } | undefined)?.service_id,
  });
  for (const e of eventsBetween(db, CARRY_IN_EVENT_TYPES, period.start - CARRY_IN_MS, period.start)) fold.add(e);
  const bounds = [...period.days.map((d) => localToEpoch(d, '00:00', config.hall.timezone)), period.end];
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const e of eventsBetween(db, REPORT_EVENT_TYPES, bounds[i]!, bounds[i + 1]!)) fold.add(e);
  }
  const first = period.days[0];
  const last = period.days[period.days.length - 1];
  return {
    ...fold.result(),
    bookings: bookingTotals(db, config, period, now),
    ...(first === undefined || last === undefined ? {} : { complaints: complaintTotals(db, first, last) }),
    cases: caseTotals(db, period, businessDay(now, config.hall.timezone)),
  };
}

/** The appointments of the range's days, from their rows (a no-show once its check-in window has closed). */
function bookingTotals(db: Db, config: HallConfig, period: ReportPeriod, now: number): BookingTotals {
  const t: BookingTotals = {
    booked: 0,
    arrived: 0,
    noShow: 0,
    cancelled: 0,
    bySource: { online: 0, phone: 0, import: 0, staff: 0 },
  };
  const from = period.days[0];
  const to = period.days[period.days.length - 1];
  if (from === undefined || to === undefined) return t;
  const rows = stmt(db, 'SELECT data FROM appointments WHERE day >= ? AND day <= ?').iterate(
    from,
    to,
  ) as IterableIterator<{
    data: string;
  }>;
  for (const r of rows) {
    const a = JSON.parse(r.data) as Appointment;
    if (a.status === 'cancelled') {
      t.cancelled++;
      continue;
    }
    t.booked++;
    t.bySource[a.source ?? 'staff']++;
    if (a.ticketId !== null) t.arrived++;
    else if (now > checkInWindow(a, config.callRules).until) t.noShow++;
  }
  return t;
}

/** Cases of the range's days from their table: opened, finished (late: after the due day), open and overdue now. */
function caseTotals(db: Db, period: ReportPeriod, today: string): CaseTotals {
  const from = period.days[0] ?? today;
  const to = period.days[period.days.length - 1] ?? today;
  const c = stmt(
    db,
    `SELECT
       SUM(day >= @from AND day <= @to) AS opened,
       SUM(done_day >= @from AND done_day <= @to) AS finished,
       SUM(done_day >= @from AND done_day <= @to AND done_day > due_day) AS finishedLate,
       SUM(status != 'done') AS openNow,
       SUM(status != 'done' AND due_day < @today) AS overdueNow
     FROM cases`,
  ).get({ from, to, today }) as Record<
    'opened' | 'finished' | 'finishedLate' | 'openNow' | 'overdueNow',
    number | null
  >;
  const refusalsByReason: Record<string, number> = {};
  for (const r of stmt(
    db,
    'SELECT reason, COUNT(*) AS n FROM refusals WHERE day >= ? AND day <= ? GROUP BY reason ORDER BY reason',
  ).all(from, to) as { reason: string; n: number }[])
    refusalsByReason[r.reason] = r.n;
  return {
    opened: c.opened ?? 0,
    finished: c.finished ?? 0,
    finishedLate: c.finishedLate ?? 0,
    openNow: c.openNow ?? 0,
    overdueNow: c.overdueNow ?? 0,
    refusalsByReason,
  };
}

/** Events of some types with `at` in [from, to), by seq: the (type, at) index serves it. */
function* eventsBetween(db: Db, types: readonly EventType[], from: number, to: number): Generator<DomainEvent> {
  const sql = `SELECT at, type, payload FROM events WHERE type IN (${types.map(() => '?').join(', ')})
    AND at >= ? AND at < ? ORDER BY seq`;
  for (const r of stmt(db, sql).iterate(...types, from, to) as IterableIterator<{
    at: number;
    type: EventType;
    payload: string;
  }>)
    yield { at: r.at, type: r.type, payload: JSON.parse(r.payload) as unknown } as DomainEvent;
}
