import { addDays, businessDay, isoWeekday } from '@yichuang/engine';

/** The days a report covers, both included, as YYYY-MM-DD in the hall's time zone. */
export interface Period {
  from: string;
  to: string;
}

export const quickPicks = ['today', 'yesterday', 'thisWeek', 'thisMonth', 'lastMonth'] as const;
export type QuickPick = (typeof quickPicks)[number];

/**
 * The period a quick pick stands for, "today" being the hall's day at `at` (the hub's time, not the PC's).
 * A week starts on Monday, as Chinese calendars and duty rosters count it. This week and this month run
 * to today: days still to come would only add empty rows to the per-day table.
 */
export function quickPeriod(pick: QuickPick, at: number, timeZone: string): Period {
  const today = businessDay(at, timeZone);
  switch (pick) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const d = addDays(today, -1);
      return { from: d, to: d };
    }
    case 'thisWeek':
      return { from: addDays(today, 1 - isoWeekday(today)), to: today };
    case 'thisMonth':
      return { from: monthStart(today), to: today };
    case 'lastMonth': {
      const lastDay = addDays(monthStart(today), -1);
      return { from: monthStart(lastDay), to: lastDay };
    }
  }
}

/** The quick pick a period equals (to light its button), or null for a hand-picked period. */
export function matchingPick(p: Period, at: number, timeZone: string): QuickPick | null {
  return quickPicks.find((q) => samePeriod(quickPeriod(q, at, timeZone), p)) ?? null;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

export function isSingleDay(p: Period): boolean {
  return p.from === p.to;
}

/** The number of days from `from` to `to`, both counted (0 or less when `from` is after `to`). */
export function periodDays(p: Period): number {
  return Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
}

/** The day before or after a single-day period (the ‹ › buttons beside the date). */
export function shiftDay(p: Period, days: number): Period {
  const d = addDays(p.from, days);
  return { from: d, to: d };
}

/**
 * The hub's address for a period's report: the daily report for one day, the range report otherwise.
 * The hub checks the dates itself (order, at most 92 days) and says what is wrong, in both languages.
 */
export function reportPath(p: Period, format?: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams(isSingleDay(p) ? { date: p.from } : { from: p.from, to: p.to });
  if (format !== undefined) q.set('format', format);
  return `/api/reports/${isSingleDay(p) ? 'daily' : 'range'}?${q.toString()}`;
}

/** The name the hub gives a download, used when a proxy drops its Content-Disposition header. */
export function exportName(hallId: string, p: Period, ext: 'csv' | 'xlsx'): string {
  return `report-${hallId}-${isSingleDay(p) ? p.from : `${p.from}_${p.to}`}.${ext}`;
}

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}
