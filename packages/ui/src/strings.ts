import type { GreenReason, PauseReason, TicketStatus, WindowStateName } from '@yichuang/protocol';
import { en } from './strings-en.ts';
import { zh, type StringKey } from './strings-zh.ts';

export type Lang = 'zh' | 'en';
export type { StringKey };

export const strings: Record<Lang, Record<StringKey, string>> = { zh, en };

/** A string in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const greenReasonLabel = (lang: Lang, r: GreenReason): string => t(lang, `green.${r}`);
export const ticketStatusLabel = (lang: Lang, s: TicketStatus): string => t(lang, `status.${s}`);
export const windowStateLabel = (lang: Lang, s: WindowStateName): string => t(lang, `window.${s}`);
export const pauseReasonLabel = (lang: Lang, r: PauseReason): string => t(lang, `pause.${r}`);
export const windowLabel = (lang: Lang, n: number): string => t(lang, 'window.name', { n });

/** The hub's messages read "中文 / English": keep the half in the screen's language. */
export function hubMessage(message: string, lang: Lang): string {
  const cut = message.indexOf(' / ');
  if (cut < 0) return message;
  return lang === 'zh' ? message.slice(0, cut) : message.slice(cut + 3);
}

/** "周一至周五 09:00–17:00"; days are ISO weekdays (1 Monday … 7 Sunday, 0 also Sunday). */
export function weekdaysLabel(lang: Lang, days: number[]): string {
  const sorted = [...new Set(days.map((d) => (d === 0 ? 7 : d)))].sort((a, b) => a - b);
  const day = (d: number): string => t(lang, `weekday.${d}` as StringKey);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const from = sorted[i]!;
    const to = sorted[j]!;
    runs.push(
      j - i >= 2
        ? t(lang, 'weekday.range', { from: day(from), to: day(to) })
        : sorted
            .slice(i, j + 1)
            .map(day)
            .join('、'),
    );
    i = j + 1;
  }
  return runs.join(lang === 'zh' ? '、' : ', ');
}

const CATEGORY_EN: Record<string, string> = {
  户政: 'Household',
  出入境: 'Exit & entry',
  车驾管: 'Vehicles & licences',
  证明开具: 'Certificates',
  查询: 'Enquiries',
  治安: 'Public order',
};

/** Catalogue categories are Chinese; in English the known ones get a translation (others stay as they are). */
export function categoryLabel(lang: Lang, category: string): string {
  return lang === 'en' ? (CATEGORY_EN[category] ?? category) : category;
}
