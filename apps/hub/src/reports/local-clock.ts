import { localTime } from '@yichuang/engine';

const SLOT_MS = 15 * 60_000;

/**
 * The hall-local day and hour of an instant. Intl formatting costs microseconds and a range report
 * asks it for every ticket, so answers are kept per 15-minute slot of UTC: every time zone in use
 * is offset from UTC by a multiple of 15 minutes, so the local hour is constant within a slot.
 */
export class LocalClock {
  private readonly slots = new Map<number, { day: string; hour: number }>();

  constructor(private readonly timezone: string) {}

  at(at: number): { day: string; hour: number } {
    const slot = Math.floor(at / SLOT_MS);
    let local = this.slots.get(slot);
    if (local === undefined) {
      const t = localTime(slot * SLOT_MS, this.timezone);
      local = { day: t.day, hour: Math.floor(t.minutes / 60) };
      this.slots.set(slot, local);
    }
    return local;
  }
}
