import type { HallConfig } from '@yichuang/protocol';

/** Time in the hall's time zone. Pure: `at` is always passed in. */
export interface LocalTime {
  day: string; // YYYY-MM-DD
  minutes: number; // minutes since local midnight
  isoWeekday: number; // 1 = Monday … 7 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

function parts(at: number, tz: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const out = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 };
  for (const p of formatter(tz).formatToParts(at)) {
    if (p.type === 'year') out.y = Number(p.value);
    else if (p.type === 'month') out.mo = Number(p.value);
    else if (p.type === 'day') out.d = Number(p.value);
    else if (p.type === 'hour') out.h = Number(p.value);
    else if (p.type === 'minute') out.mi = Number(p.value);
    else if (p.type === 'second') out.s = Number(p.value);
  }
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function localTime(at: number, tz: string): LocalTime {
  const p = parts(at, tz);
  const day = `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`;
  return { day, minutes: p.h * 60 + p.mi, isoWeekday: isoWeekday(day) };
}

export function businessDay(at: number, tz: string): string {
  return localTime(at, tz).day;
}

export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The epoch ms of a local wall-clock time ("HH:MM") on a day in the time zone. */
export function localToEpoch(day: string, hhmm: string, tz: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, h, mi);
  let at = guess - offsetMs(guess, tz);
  at = guess - offsetMs(at, tz); // second pass settles DST edges
  return at;
}

function offsetMs(at: number, tz: string): number {
  const p = parts(at, tz);
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return asUtc - Math.floor(at / 1000) * 1000;
}

export interface DayHours {
  open: number;
  close: number;
  /** close + extended-service minutes. */
  serviceEnd: number;
  openText: string;
  closeText: string;
}

/** Opening hours of a business day, or null when the hall is closed that day. */
export function hoursOn(hall: HallConfig['hall'], day: string): DayHours | null {
  if (hall.closedDates.includes(day)) return null;
  const wd = isoWeekday(day);
  const rule = hall.hours.find((h) => h.days.some((d) => d === wd || (d === 0 && wd === 7)));
  if (rule === undefined) return null;
  const open = localToEpoch(day, rule.open, hall.timezone);
  const close = localToEpoch(day, rule.close, hall.timezone);
  return {
    open,
    close,
    serviceEnd: close + hall.extendedServiceMinutes * 60_000,
    openText: rule.open,
    closeText: rule.close,
  };
}

export type HallPhase = 'before-open' | 'open' | 'extended' | 'closed';

/** open: tickets are issued; extended: waiting tickets are still served (延时服务); otherwise closed. */
export function hallPhase(hall: HallConfig['hall'], at: number): HallPhase {
  const h = hoursOn(hall, businessDay(at, hall.timezone));
  if (h === null) return 'closed';
  if (at < h.open) return 'before-open';
  if (at < h.close) return 'open';
  if (at < h.serviceEnd) return 'extended';
  return 'closed';
}

/** The first day after `day` on which the hall opens (searching two weeks ahead). */
export function nextOpenDay(hall: HallConfig['hall'], day: string): string {
  for (let i = 1; i <= 14; i++) {
    const d = addDays(day, i);
    if (hoursOn(hall, d) !== null) return d;
  }
  return addDays(day, 1);
}
