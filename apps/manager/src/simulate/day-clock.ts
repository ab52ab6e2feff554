import type { Lang } from '../shell/make-strings.ts';

/**
 * A time of the simulated day as the hub sends it ("HH:MM" counted from that day's midnight) in words:
 * past midnight "24:29" reads 次日 00:29 ("00:29 next day"); "24:00" stays, the end of the day.
 */
export function dayClock(lang: Lang, text: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (m === null || text <= '24:00') return text;
  const next = `${String(Number(m[1]) - 24).padStart(2, '0')}:${m[2]}`;
  return lang === 'zh' ? `次日 ${next}` : `${next} next day`;
}
