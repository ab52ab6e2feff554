import { addDays, localToEpoch, type DayHours } from '@yichuang/engine';

/**
 * When a simulated day's service runs. The engine's business day ends at local midnight: there the
 * hub rolls the day over, tickets still waiting or in service expire and every officer is signed out.
 * So a day whose extended service (延时服务) would run past midnight, a hall closing late or one open
 * around the clock (the demo's `--always-open`: 00:00–23:59), is served until midnight, and what is
 * still waiting is carried over in the last moment before it, as a manager would do it.
 */
export interface ServiceSpan {
  open: number;
  close: number;
  /** When service ends: the end of extended service, or midnight when that comes first. */
  end: number;
  /** The end of extended service as configured, when midnight comes before it; else null. */
  configuredEnd: number | null;
  /** The day's turn: the next local midnight. */
  turn: number;
  /** When the tickets still waiting are carried over to the next open day. */
  carryAt: number;
}

export function serviceSpan(hours: DayHours, day: string, timezone: string): ServiceSpan {
  const turn = localToEpoch(addDays(day, 1), '00:00', timezone);
  const cut = hours.serviceEnd > turn;
  return {
    open: hours.open,
    close: hours.close,
    end: cut ? turn : hours.serviceEnd,
    configuredEnd: cut ? hours.serviceEnd : null,
    turn,
    // The carry-over needs the hall in extended service, which ends at the turn (close is 23:59 at the latest).
    carryAt: cut ? Math.max(hours.close, turn - 1) : hours.serviceEnd,
  };
}

/**
 * "HH:MM" of an instant counted from a day's local midnight: past that day it goes on counting, so
 * half past midnight of the next day reads "24:30" (screens show it as 次日 00:30) and midnight "24:00".
 */
export function clockText(at: number, midnight: number): string {
  const minutes = Math.floor((at - midnight) / 60_000);
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "24:29" → "次日 00:29" (and "00:29 next day" in English); "24:00" stays, the end of the day. */
export function dayClockText(text: string, lang: 'zh' | 'en' = 'zh'): string {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (m === null || text <= '24:00') return text;
  const next = `${String(Number(m[1]) - 24).padStart(2, '0')}:${m[2]}`;
  return lang === 'zh' ? `次日 ${next}` : `${next} next day`;
}
