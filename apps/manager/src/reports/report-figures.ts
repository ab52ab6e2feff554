import type { HallConfig, HourReport, OfficerReport, WindowReport } from '@yichuang/protocol';
import { MAX_REPORT_DAYS } from '@yichuang/protocol';
import { dayRange, hoursOn } from '@yichuang/engine';
import type { Period } from './date-range.ts';
import { signInKind } from './report-format.ts';

/**
 * Seconds of promised opening hours (open to close) in a period, up to `until`: what a window's busy
 * time is a share of. Closed days and dates count nothing; today counts up to the report's moment.
 */
export function promisedSeconds(hall: HallConfig['hall'], p: Period, until: number): number {
  let total = 0;
  for (const d of dayRange(p.from, p.to, MAX_REPORT_DAYS)) {
    const h = hoursOn(hall, d);
    if (h === null) continue;
    total += Math.max(0, Math.min(h.close, until) - h.open);
  }
  return total / 1000;
}

/** How a window's load compares with the hall's mean: 忙闲不均 shows as busy and idle bars. */
export type LoadLevel = 'busy' | 'even' | 'idle';

export interface WindowLoad {
  id: string;
  name: string;
  busyMinutes: number;
  served: number;
  level: LoadLevel;
}

export interface LoadBalance {
  rows: WindowLoad[];
  /** The mean busy minutes of the windows that worked at all. */
  meanMinutes: number;
  busiest: WindowLoad | null;
  idlest: WindowLoad | null;
  /** Busiest over idlest among the windows that worked, or null with fewer than two. */
  ratio: number | null;
  /** The busiest window carries half as much again as the idlest. */
  uneven: boolean;
}

/** A window a quarter above or below the mean is marked: enough to see, not every minute of drift. */
const BAND = 0.25;
const UNEVEN_RATIO = 1.5;

/**
 * Busy minutes per window against the mean. A window nobody worked at (no busy second) stays on the
 * chart but out of the mean and the ratio: that is an empty post, reported in its own column, not a
 * light load.
 */
export function loadBalance(windows: WindowReport[]): LoadBalance {
  const worked = windows.filter((w) => w.busyS > 0);
  const meanMinutes = worked.length === 0 ? 0 : worked.reduce((n, w) => n + w.busyS, 0) / worked.length / 60;
  const rows = windows.map((w): WindowLoad => {
    const busyMinutes = Math.round(w.busyS / 6) / 10;
    const level: LoadLevel =
      w.busyS === 0 || meanMinutes === 0
        ? 'idle'
        : busyMinutes > meanMinutes * (1 + BAND)
          ? 'busy'
          : busyMinutes < meanMinutes * (1 - BAND)
            ? 'idle'
            : 'even';
    return { id: w.id, name: w.name, busyMinutes, served: w.served, level };
  });
  const ranked = rows.filter((r) => r.busyMinutes > 0).sort((a, b) => b.busyMinutes - a.busyMinutes);
  const busiest = ranked[0] ?? null;
  const idlest = ranked.length > 1 ? ranked[ranked.length - 1]! : null;
  const ratio = busiest !== null && idlest !== null ? busiest.busyMinutes / idlest.busyMinutes : null;
  return {
    rows,
    meanMinutes: Math.round(meanMinutes * 10) / 10,
    busiest,
    idlest,
    ratio: ratio === null ? null : Math.round(ratio * 10) / 10,
    uneven: ratio !== null && ratio >= UNEVEN_RATIO,
  };
}

/** The first and last hour of the day the hall is open on any day of a period (09:00–17:00 is 9 to 16). */
export interface HourFrame {
  first: number;
  last: number;
}

export function openingFrame(hall: HallConfig['hall'], p: Period): HourFrame | null {
  let frame: HourFrame | null = null;
  for (const d of dayRange(p.from, p.to, MAX_REPORT_DAYS)) {
    const h = hoursOn(hall, d);
    if (h === null) continue;
    const [oh = 0] = h.openText.split(':').map(Number);
    const [ch = 0, cm = 0] = h.closeText.split(':').map(Number);
    const first = oh;
    const last = Math.max(first, Math.ceil(ch + cm / 60) - 1);
    frame =
      frame === null ? { first, last } : { first: Math.min(frame.first, first), last: Math.max(frame.last, last) };
  }
  return frame;
}

/**
 * The hours worth a bar: the opening hours, widened to any hour with a ticket issued or finished
 * (extended service after closing), so a hall open 09:00–17:00 is not drawn as 24 columns and a
 * morning's report still shows the whole day's frame. Without hours or tickets, the usual office day.
 */
export function hourSpan(hours: HourReport[], frame: HourFrame | null): HourReport[] {
  const active = hours.filter((h) => h.issued > 0 || h.served > 0).map((h) => h.hour);
  if (frame !== null) active.push(frame.first, frame.last);
  const first = active.length === 0 ? 9 : Math.min(...active);
  const last = active.length === 0 ? 16 : Math.max(...active);
  const byHour = new Map(hours.map((h) => [h.hour, h]));
  const out: HourReport[] = [];
  for (let hour = first; hour <= last; hour++)
    out.push(byHour.get(hour) ?? { hour, issued: 0, served: 0, meanWaitS: 0 });
  return out;
}

export interface SignInSummary {
  early: number;
  short: number;
  late: number;
}

/** An officer's sign-ins over the period by how they stand against 提前10分钟上岗. */
export function signInSummary(o: OfficerReport): SignInSummary {
  const out: SignInSummary = { early: 0, short: 0, late: 0 };
  for (const r of o.signIns) out[signInKind(r)]++;
  return out;
}

/** An officer with nothing in the period (not signed in, nothing served or rated): shown dimmed, last. */
export function idleOfficer(o: OfficerReport): boolean {
  return o.signIns.length === 0 && o.served === 0 && o.noShow === 0 && o.ratings.count === 0;
}
