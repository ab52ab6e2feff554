import type { HallConfig } from '@yichuang/protocol';
import { addDays, hoursOn } from './hall-time.ts';

/** Longest search for working days: a hall with no hours at all falls back to calendar days. */
const MAX_SEARCH_DAYS = 3 * 366;

/** A working day: the hall has hours that weekday and the day is not one of its closed dates. */
export function isWorkingDay(hall: HallConfig['hall'], day: string): boolean {
  return hoursOn(hall, day) !== null;
}

/**
 * 限时办结: the day by which a matter accepted on `from` must be finished, `n` working days later. The
 * day of acceptance does not count; weekends without hours and the hall's closed dates are skipped.
 * n = 0 is the same day (即办).
 */
export function addWorkingDays(hall: HallConfig['hall'], from: string, n: number): string {
  if (n <= 0) return from;
  let left = n;
  for (let i = 1; i <= MAX_SEARCH_DAYS; i++) {
    const day = addDays(from, i);
    if (isWorkingDay(hall, day) && --left === 0) return day;
  }
  return addDays(from, n);
}

/**
 * Working days from `today` to `due`: positive before the due day (working days after today up to and
 * including it), 0 on it, negative once past (minus the working days after it up to and including today).
 */
export function workingDaysUntil(hall: HallConfig['hall'], today: string, due: string): number {
  const [from, to, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let day = from, i = 0; day < to && i < MAX_SEARCH_DAYS; i++) {
    day = addDays(day, 1);
    if (isWorkingDay(hall, day)) count++;
  }
  return sign * count;
}
