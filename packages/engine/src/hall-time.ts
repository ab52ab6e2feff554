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

function intlParts(at: number, tz: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
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

/**
 * Time-zone offsets change only at transitions on quarter-hour boundaries (UTC), so one Intl lookup per
 * zone and 15-minute bucket serves every instant in it. Intl is ~20 µs a call and the engine asks the
 * hall's phase several times per command: this memo is the difference between 0.25 and ~0.1 ms a ticket.
 */
const BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, number>();

function offsetAt(at: number, tz: string): number {
  const bucket = Math.floor(at / BUCKET_MS) * BUCKET_MS;
  const key = `${tz}\u0000${bucket}`;
  let o = offsets.get(key);
  if (o === undefined) {
    if (offsets.size >= 4096) offsets.clear(); // a hall's clock moves forward: old buckets are not asked again
    const p = intlParts(bucket, tz);
    o = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - bucket;
    offsets.set(key, o);
  }
  return o;
}

function parts(at: number, tz: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const t = new Date(at + offsetAt(at, tz));
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
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

/** Whole days from `from` to `to` (negative when `to` is earlier): computed on numbers, never on string order. */
export function daysBetween(from: string, to: string): number {
  const at = (day: string): number => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((at(to) - at(from)) / 86_400_000);
}

/**
 * Every day from `from` to `to` inclusive, counted by number so that a year past 9999 cannot turn the
 * loop endless; refuses to list more than `max` days.
 */
export function dayRange(from: string, to: string, max: number): string[] {
  const n = daysBetween(from, to);
  if (n > max) throw new RangeError(`day range ${from}…${to} is longer than ${max} days`);
  const days: string[] = [];
  for (let i = 0; i <= n; i++) days.push(addDays(from, i));
  return days;
}

/** "HH:MM" of minutes since midnight. */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes since midnight of an "HH:MM". */
export function clockMinutes(text: string): number {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The epoch ms of a local wall-clock time ("HH:MM") on a day in the time zone. */
export function localToEpoch(day: string, hhmm: string, tz: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, h, mi);
  let at = guess - offsetAt(guess, tz);
  at = guess - offsetAt(at, tz); // second pass settles DST edges
  return at;
}

export interface DayHours {
  open: number;
  close: number;
  /** close + extended-service minutes. */
  serviceEnd: number;
  openText: string;
  closeText: string;
}

/** Per hall object (a config change makes a new one) and day: asked on every command. */
const hoursCache = new WeakMap<HallConfig['hall'], Map<string, DayHours | null>>();

/** Opening hours of a business day, or null when the hall is closed that day. */
export function hoursOn(hall: HallConfig['hall'], day: string): DayHours | null {
  let byDay = hoursCache.get(hall);
  if (byDay === undefined) {
    byDay = new Map();
    hoursCache.set(hall, byDay);
  }
  const known = byDay.get(day);
  if (known !== undefined) return known;
  if (byDay.size >= 64) byDay.clear();
  const h = computeHours(hall, day);
  byDay.set(day, h);
  return h;
}

function computeHours(hall: HallConfig['hall'], day: string): DayHours | null {
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
