import type { Appointment, HallConfig } from '@yichuang/protocol';
import { addDays, businessDay, clockMinutes, clockText, hoursOn, localTime, localToEpoch } from './hall-time.ts';
import type { HallState } from './hall-state.ts';

const MINUTE = 60_000;

/** How one matter is booked: its queue's places per slot, slot length and horizon. */
export interface BookingRule {
  queueId: string;
  capacity: number;
  slotMinutes: number;
  daysAhead: number;
}

/** A bookable slot of a day, with what is left of it. */
export interface Slot {
  start: string;
  end: string;
  startAt: number;
  endAt: number;
  capacity: number;
  remaining: number;
}

/** The rule of a matter that citizens and staff may book, or null (booking off, or not a bookable matter). */
export function bookingRule(config: HallConfig, serviceId: string): BookingRule | null {
  const b = config.booking;
  if (!b.enabled) return null;
  const service = config.services.find((s) => s.id === serviceId);
  if (service === undefined) return null;
  const q = b.queues.find((x) => x.queueId === service.queue);
  if (q === undefined || (q.serviceIds !== undefined && !q.serviceIds.includes(serviceId))) return null;
  return {
    queueId: q.queueId,
    capacity: q.capacity ?? b.capacity,
    slotMinutes: q.slotMinutes ?? b.slotMinutes,
    daysAhead: q.daysAhead ?? b.daysAhead,
  };
}

/** Places taken in each slot (by its start) of a queue on a day: every booked appointment, checked in or not. */
function takenBySlot(state: HallState, queueId: string, day: string): Map<number, number> {
  const taken = new Map<number, number>();
  for (const a of state.appointments.values()) {
    if (a.day !== day || a.status === 'cancelled') continue;
    if (state.model.services.get(a.serviceId)?.queue !== queueId) continue;
    taken.set(a.slotStart, (taken.get(a.slotStart) ?? 0) + 1);
  }
  return taken;
}

/** Whether a day can be booked now: within the horizon, the newest day only from the release time on. */
export function dayOpenForBooking(config: HallConfig, rule: BookingRule, day: string, now: number): boolean {
  const tz = config.hall.timezone;
  const today = businessDay(now, tz);
  if (day < today || day > addDays(today, rule.daysAhead)) return false;
  if (day === addDays(today, rule.daysAhead) && rule.daysAhead > 0)
    return localTime(now, tz).minutes >= clockMinutes(config.booking.releaseTime);
  return hoursOn(config.hall, day) !== null;
}

/** Every slot of a day's opening hours for a rule, with the places taken (staff lists, reports). */
export function daySlots(state: HallState, rule: BookingRule, day: string): Slot[] {
  const { config } = state.model;
  const hours = hoursOn(config.hall, day);
  if (hours === null) return [];
  const tz = config.hall.timezone;
  const taken = takenBySlot(state, rule.queueId, day);
  const close = clockMinutes(hours.closeText);
  const slots: Slot[] = [];
  for (let m = clockMinutes(hours.openText); m + rule.slotMinutes <= close; m += rule.slotMinutes) {
    const startAt = localToEpoch(day, clockText(m), tz);
    slots.push({
      start: clockText(m),
      end: clockText(m + rule.slotMinutes),
      startAt,
      endAt: localToEpoch(day, clockText(m + rule.slotMinutes), tz),
      capacity: rule.capacity,
      remaining: Math.max(0, rule.capacity - (taken.get(startAt) ?? 0)),
    });
  }
  return slots;
}

/**
 * The slots of a day a matter can be booked in now: its opening hours cut into slot lengths (the last
 * one ends by closing time), without those that start too soon. Empty when the day cannot be booked.
 */
export function slotsOn(state: HallState, rule: BookingRule, day: string, now: number): Slot[] {
  const { config } = state.model;
  if (!dayOpenForBooking(config, rule, day, now)) return [];
  const closesBefore = config.booking.closeMinutesBefore * MINUTE;
  return daySlots(state, rule, day).filter((s) => s.startAt - closesBefore >= now);
}

/** The days a matter can be booked on now, with the places left on each. */
export function bookableDays(state: HallState, rule: BookingRule, now: number): { day: string; remaining: number }[] {
  const today = businessDay(now, state.model.config.hall.timezone);
  const days: { day: string; remaining: number }[] = [];
  for (let i = 0; i <= rule.daysAhead; i++) {
    const day = addDays(today, i);
    const slots = slotsOn(state, rule, day, now);
    if (slots.length > 0) days.push({ day, remaining: slots.reduce((n, s) => n + s.remaining, 0) });
  }
  return days;
}

/** Live (not cancelled) appointments of a day held by the same person, by phone or ID hash. */
export function heldBy(
  state: HallState,
  day: string,
  key: 'phoneHash' | 'idHash',
  hash: string,
  except?: string,
): number {
  let n = 0;
  for (const a of state.appointments.values())
    if (a.day === day && a.status !== 'cancelled' && a[key] === hash && a.code !== except) n++;
  return n;
}

/** An appointment's slot as "HH:MM" texts in the hall's time zone. */
export function slotTexts(a: Appointment, tz: string): { start: string; end: string } {
  return { start: clockText(localTime(a.slotStart, tz).minutes), end: clockText(localTime(a.slotEnd, tz).minutes) };
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 6-character code (no 0/O or 1/I) derived from a fresh id: the engine makes no randomness of its own. */
export function appointmentCodeFrom(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  // murmur3's finaliser: every output bit depends on every input bit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  let out = '';
  for (let i = 0; i < 6; i++) out += ALPHABET[(h >>> (5 * i)) & 31];
  return out;
}
