import type { Lang } from '@yichuang/ui';
import type { MobileCatalogue, MobileService } from './api/catalogue.ts';
import { mt } from './mobile-strings.ts';

/** A matter's words in the page's language: the hall's English where it gave some, its Chinese otherwise. */
export function serviceText(s: MobileService, lang: Lang) {
  if (lang === 'zh')
    return { name: s.name, materials: s.materials, timeLimit: s.timeLimit, fee: s.fee, department: s.department };
  const materials = s.materialsEn?.length === s.materials.length ? s.materialsEn : s.materials;
  return {
    name: s.nameEn ?? s.name,
    materials,
    timeLimit: s.timeLimitEn ?? s.timeLimit,
    fee: s.feeEn ?? s.fee,
    department: s.departmentEn ?? s.department,
  };
}

export const nameIn = (x: { name: string; nameEn?: string | undefined }, lang: Lang): string =>
  lang === 'en' ? (x.nameEn ?? x.name) : x.name;

/**
 * Services matching what was typed: the Chinese name containing it first, then pinyin initials, then a
 * word of the English name starting with it. Empty input lists everything.
 */
export function searchServices(c: MobileCatalogue, query: string): MobileService[] {
  const q = query.trim().toLowerCase();
  if (q === '') return c.services;
  const score = (s: MobileService): number => {
    const at = s.name.toLowerCase().indexOf(q);
    if (at >= 0) return at;
    const py = s.pinyin?.toLowerCase().indexOf(q) ?? -1;
    if (py >= 0) return 100 + py;
    const en = (s.nameEn ?? '').toLowerCase();
    if (q.length >= 2 && en.includes(q)) return 200 + en.indexOf(q);
    return -1;
  };
  return c.services
    .map((s) => ({ s, r: score(s) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r)
    .map((x) => x.s);
}

/** "12月7日 周一" or "Mon 7 Dec", with 今天/明天 when it is (`today` is the hall's business day). */
export function dayLabel(day: string, today: string, lang: Lang): { main: string; sub: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { weekday: 'short', timeZone: 'UTC' })
    .format(date)
    .replace('星期', '周');
  const diff = Math.round((date.getTime() - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const main =
    lang === 'zh' ? `${m}月${d}日` : `${d} ${date.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })}`;
  const near = diff === 0 ? mt(lang, 'today') : diff === 1 ? mt(lang, 'tomorrow') : null;
  return { main, sub: near === null ? weekday : `${near} · ${weekday}` };
}

/** The day in one line: "11月24日 明天 · 周二" or "Tue 24 Nov (tomorrow)". */
export function dayText(day: string, today: string, lang: Lang): string {
  const l = dayLabel(day, today, lang);
  if (lang === 'zh') return `${l.main} ${l.sub}`;
  const [near, weekday] = l.sub.includes(' · ') ? l.sub.split(' · ') : [null, l.sub];
  return near === null ? `${weekday} ${l.main}` : `${weekday} ${l.main} (${near.toLowerCase()})`;
}

/** Numbers joined for one sentence: "2、3" or "2, 3". */
export const listOf = (items: (string | number)[], lang: Lang): string => items.join(lang === 'zh' ? '、' : ', ');
