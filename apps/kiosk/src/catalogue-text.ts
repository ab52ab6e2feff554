import type { Catalogue } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';

type Service = Catalogue['services'][number];

export interface ServiceText {
  name: string;
  materials: string[];
  timeLimit: string | undefined;
  fee: string | undefined;
  department: string | undefined;
}

/** A matter's words in the screen's language: the hall's English where it gave some, its Chinese otherwise. */
export function serviceText(s: Service, lang: Lang): ServiceText {
  if (lang === 'zh')
    return { name: s.name, materials: s.materials, timeLimit: s.timeLimit, fee: s.fee, department: s.department };
  // English materials only when they pair one for one with the Chinese (the config checks it; old hubs may not).
  const materials = s.materialsEn?.length === s.materials.length ? s.materialsEn : s.materials;
  return {
    name: s.nameEn ?? s.name,
    materials,
    timeLimit: s.timeLimitEn ?? s.timeLimit,
    fee: s.feeEn ?? s.fee,
    department: s.departmentEn ?? s.department,
  };
}

export function queueName(q: { name: string; nameEn?: string }, lang: Lang): string {
  return lang === 'en' ? (q.nameEn ?? q.name) : q.name;
}

export function hallName(h: { name: string; nameEn?: string } | undefined, lang: Lang): string {
  if (h === undefined) return '';
  return lang === 'en' ? (h.nameEn ?? h.name) : h.name;
}

/** "10:00–10:30", and the day when it is not today: "11月24日（周二）" or "Tue 24 Nov". */
export function slotText(
  slot: { start: number; end: number },
  timeZone: string,
  today: string,
  lang: Lang,
): { day: string | null; time: string } {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
  const time = `${clock.format(slot.start)}–${clock.format(slot.end)}`;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(slot.start);
  if (day === today) return { day: null, time };
  if (lang === 'en') {
    const en = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
    return { day: en.format(slot.start), time };
  }
  const [, month, date] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Intl.DateTimeFormat('zh-CN', { timeZone, weekday: 'short' }).format(slot.start);
  return { day: `${month}月${date}日（${weekday}）`, time };
}
