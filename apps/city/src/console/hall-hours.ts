import type { HallProfile } from '@yichuang/protocol';

/** The hall's local date, ISO weekday (1 = Monday … 7 = Sunday) and HH:MM at `at`, in its time zone. */
export function localTime(at: number, timeZone: string): { day: string; weekday: number; hhmm: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { day: `${get('year')}-${get('month')}-${get('day')}`, weekday, hhmm: `${get('hour')}:${get('minute')}` };
}

/** Open now by the hall's hours, closed dates and extended service; and today's hours (null: closed all day). */
export function openNow(
  p: Pick<HallProfile, 'hours' | 'closedDates' | 'timezone' | 'extendedServiceMinutes'>,
  at: number,
): { open: boolean; today: { open: string; close: string } | null } {
  const t = localTime(at, p.timezone);
  if (p.closedDates.includes(t.day)) return { open: false, today: null };
  const rule = p.hours.find((h) => h.days.map((d) => (d === 0 ? 7 : d)).includes(t.weekday));
  if (rule === undefined) return { open: false, today: null };
  return { open: t.hhmm >= rule.open && t.hhmm < rule.close, today: { open: rule.open, close: rule.close } };
}
