import type { Lang } from '@yichuang/ui';

export type { Lang };

/**
 * A page's own string table, Chinese first: `en` must have the same keys (checked by the type).
 * Returns `(lang, key, vars)` filling `{name}` placeholders.
 */
export function makeStrings<K extends string>(
  zh: Record<K, string>,
  en: Record<K, string>,
): (lang: Lang, key: K, vars?: Record<string, string | number>) => string {
  const table: Record<Lang, Record<K, string>> = { zh, en };
  return (lang, key, vars = {}) =>
    table[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** "45 秒", "3 分 20 秒", "12 分钟", "1 小时 5 分" (and English). */
export function duration(lang: Lang, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  if (lang === 'en') {
    if (s < 60) return `${s} s`;
    if (m < 10) return `${m} min ${s % 60} s`;
    if (m < 60) return `${m} min`;
    return `${Math.floor(m / 60)} h ${m % 60} min`;
  }
  if (s < 60) return `${s} 秒`;
  if (m < 10) return `${m} 分 ${s % 60} 秒`;
  if (m < 60) return `${m} 分钟`;
  return `${Math.floor(m / 60)} 小时 ${m % 60} 分`;
}

/** "10:24" (or "10:24:05") in the hall's time zone. */
export function clockTime(at: number, timeZone: string, seconds = false): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).format(at);
}

/** "2026-11-23 10:24:05" in the hall's time zone. */
export function dateTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(at);
}
