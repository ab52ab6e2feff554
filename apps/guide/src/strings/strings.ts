import type { Lang } from '@yichuang/ui';
import { en } from './en.ts';
import { zh, type GuideStringKey } from './zh.ts';

export type { GuideStringKey, Lang };

const table: Record<Lang, Record<GuideStringKey, string>> = { zh, en };

/** A guide-page string in `lang`, `{name}` placeholders filled from `vars`. */
export function gt(lang: Lang, key: GuideStringKey, vars: Record<string, string | number> = {}): string {
  return table[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** "45 秒", "12 分钟", "1 小时 5 分". */
export function duration(lang: Lang, seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return gt(lang, 'dur.s', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return gt(lang, 'dur.m', { m });
  return gt(lang, 'dur.h', { h: Math.floor(m / 60), m: m % 60 });
}

/** "10:24" in the hall's time zone. */
export function clockTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}
