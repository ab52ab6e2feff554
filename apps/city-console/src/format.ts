import type { Lang } from '@yichuang/ui';
import { clockTime, duration } from '../../manager/src/shell/make-strings.ts';

export { clockTime, duration };

/** "10:24" today, "12-05 10:24" another day (hall-local). */
export function when(at: number, timeZone: string, now: number): string {
  const day = (t: number): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(t);
  return day(at) === day(now) ? clockTime(at, timeZone) : `${day(at).slice(5)} ${clockTime(at, timeZone)}`;
}

export const waitText = (lang: Lang, s: number | null): string => (s === null ? '—' : duration(lang, s));
