import type { Lang } from '@yichuang/ui';
import { clockTime, duration } from '../../manager/src/shell/make-strings.ts';

export { clockTime, duration };

/** "10:24" today, "12-05 10:24" another day (hall-local). */
export function when(at: number, timeZone: string, now: number): string {
  const day = (t: number): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(t);
  return day(at) === day(now) ? clockTime(at, timeZone) : `${day(at).slice(5)} ${clockTime(at, timeZone)}`;
}

export const waitText = (lang: Lang, s: number | null): string => (s === null ? '—' : duration(lang, s));

/** A wait in a tile's small box: "45 秒", "12 分钟", "1 时 5 分" (whole minutes past the first). */
export function shortWait(lang: Lang, s: number | null): string {
  if (s === null) return '—';
  const m = Math.floor(s / 60);
  if (m < 1) return lang === 'zh' ? `${Math.round(s)} 秒` : `${Math.round(s)} s`;
  if (m < 60) return lang === 'zh' ? `${m} 分钟` : `${m} min`;
  return lang === 'zh' ? `${Math.floor(m / 60)} 时 ${m % 60} 分` : `${Math.floor(m / 60)} h ${m % 60} m`;
}
