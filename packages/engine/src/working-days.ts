import type { HallConfig } from '@yichuang/protocol';
import { addDays, isoWeekday } from './hall-time.ts';

/** Longest search for working days (a year and a half of closed dates would be a broken config). */
const MAX_SEARCH_DAYS = 3 * 366;

/** What decides a working day (工作日): the hall's closed dates and the official make-up working days. */
export interface WorkCalendar {
  closedDates: readonly string[];
  /** 调休上班日: weekend days that are official working days. */
  workingDates: readonly string[];
}

export const workCalendar = (config: HallConfig): WorkCalendar => ({
  closedDates: config.hall.closedDates,
  workingDates: config.cases.workingDates,
});

/**
 * A working day in the legal sense of 限时办结: Monday to Friday unless it is one of the hall's closed
 * dates (public holidays), or a weekend day the calendar names as a make-up working day. A hall open on
 * Saturdays does not make Saturday a working day.
 */
export function isWorkingDay(cal: WorkCalendar, day: string): boolean {
  if (cal.workingDates.includes(day)) return true;
  return isoWeekday(day) <= 5 && !cal.closedDates.includes(day);
}

/**
 * 限时办结: the day by which a matter accepted on `from` must be finished, `n` working days later. The
 * day of acceptance does not count. n = 0 is the same day (即办).
 */
export function addWorkingDays(cal: WorkCalendar, from: string, n: number): string {
  if (n <= 0) return from;
  let left = n;
  for (let i = 1; i <= MAX_SEARCH_DAYS; i++) {
    const day = addDays(from, i);
    if (isWorkingDay(cal, day) && --left === 0) return day;
  }
  return addDays(from, n);
}

/**
 * Working days from `today` to `due`: positive before the due day (working days after today up to and
 * including it), 0 on it, negative once past (minus the working days after it up to and including today).
 */
export function workingDaysUntil(cal: WorkCalendar, today: string, due: string): number {
  const [from, to, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let day = from, i = 0; day < to && i < MAX_SEARCH_DAYS; i++) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day)) count++;
  }
  return sign * count;
}
