import type { Lang } from '@yichuang/ui';
import { en } from './en.ts';
import { zh, type CounterStringKey } from './zh.ts';

export type { CounterStringKey, Lang };

const table: Record<Lang, Record<CounterStringKey, string>> = { zh, en };

/** A counter string in `lang`, `{name}` placeholders filled from `vars`. */
export function ct(lang: Lang, key: CounterStringKey, vars: Record<string, string | number> = {}): string {
  return table[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** "45 秒", "12 分钟", "3 分 20 秒" (under 10 minutes the seconds matter), "1 小时 5 分". */
export function duration(lang: Lang, seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return ct(lang, 'dur.s', { s });
  const m = Math.floor(s / 60);
  if (m < 10) return ct(lang, 'dur.ms', { m, s: s % 60 });
  if (m < 60) return ct(lang, 'dur.m', { m });
  return ct(lang, 'dur.h', { h: Math.floor(m / 60), m: m % 60 });
}

/** "10:24" in the hall's time zone. */
export function clockTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}

/** "A角" / "B role". */
export function roleName(lang: Lang, role: 'A' | 'B'): string {
  return ct(lang, role === 'A' ? 'pick.roleA' : 'pick.roleB');
}
