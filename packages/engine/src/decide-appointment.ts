import type { Appointment, DomainError, ImportReport } from '@yichuang/protocol';
import { fail, normalizeAppointmentCode } from '@yichuang/protocol';
import {
  appointmentCodeFrom,
  bookingRule,
  dayOpenForBooking,
  heldBy,
  slotsOn,
  type BookingRule,
  type Slot,
} from './booking-slots.ts';
import { event, type CommandContext, type Decided } from './decision.ts';
import type { HallState } from './hall-state.ts';
import { businessDay, localToEpoch } from './hall-time.ts';

/** A citizen's masked name and phone (张*, 138****5678) and the hashes of their phone and ID card. */
export interface BookerInput {
  phoneHash: string;
  idHash?: string;
  contact: { name: string; phone: string };
}

/** appointment:reserve as the engine sees it: the hub hashed the phone and ID card and masked the name. */
export interface ReserveInput extends BookerInput {
  requestId: string;
  serviceId: string;
  day: string;
  start: string;
}
export interface CancelInput {
  requestId: string;
  code: string;
  phoneHash?: string;
}
export interface RescheduleInput extends CancelInput {
  day: string;
  start: string;
}
/** One row of an import: the parsed appointment (personal data already hashed and masked), or why it was refused. */
export type ImportRow =
  | {
      row: number;
      code: string;
      serviceId: string;
      day: string;
      start: string;
      end?: string;
      phoneHash?: string;
      idHash?: string;
      contact?: { name: string; phone: string };
    }
  | { row: number; code: string | null; refused: string };
export interface ImportInput {
  requestId: string;
  rows: ImportRow[];
}

const MINUTE = 60_000;
const err = (e: DomainError): { error: DomainError } => ({ error: e });
const unknownAppointment = (): { error: DomainError } =>
  err(fail('UNKNOWN_APPOINTMENT', '预约码或手机号码不正确 / unknown appointment code or phone', 'code'));

/** The slot starting at `start` on `day`, or why it cannot be booked. */
function pickSlot(state: HallState, rule: BookingRule, day: string, start: string, now: number): Slot | DomainError {
  if (!dayOpenForBooking(state.model.config, rule, day, now))
    return fail('SLOT_CLOSED', '该日期暂不可预约 / that day cannot be booked', 'day');
  const slot = slotsOn(state, rule, day, now).find((s) => s.start === start);
  if (slot === undefined)
    return fail('SLOT_CLOSED', '该时段不可预约（已过或即将开始）/ that slot cannot be booked', 'start');
  if (slot.remaining <= 0) return fail('SLOT_FULL', '该时段已约满，请选择其他时段 / that slot is full', 'start');
  return slot;
}

function limitError(state: HallState, day: string, b: Partial<BookerInput>, except?: string): DomainError | null {
  const { booking } = state.model.config;
  if (b.phoneHash !== undefined && heldBy(state, day, 'phoneHash', b.phoneHash, except) >= booking.limitPerPhonePerDay)
    return fail(
      'LIMIT_REACHED',
      `该手机号当天已预约 ${booking.limitPerPhonePerDay} 次 / this phone already holds the most bookings for that day`,
      'phone',
    );
  if (b.idHash !== undefined && heldBy(state, day, 'idHash', b.idHash, except) >= booking.limitPerIdPerDay)
    return fail(
      'LIMIT_REACHED',
      `该身份证当天已预约 ${booking.limitPerIdPerDay} 次 / this ID card already holds the most bookings for that day`,
      'idCard',
    );
  return null;
}

function freshCode(state: HallState, ctx: CommandContext): string {
  for (;;) {
    const code = appointmentCodeFrom(ctx.newId());
    if (!state.appointments.has(code)) return code;
  }
}

export function decideReserve(state: HallState, p: ReserveInput, ctx: CommandContext): Decided<'appointment:reserve'> {
  if (!state.model.services.has(p.serviceId))
    return err(fail('UNKNOWN_SERVICE', '没有该办事事项 / unknown service', 'serviceId'));
  const rule = bookingRule(state.model.config, p.serviceId);
  if (rule === null) return err(fail('NOT_BOOKABLE', '该事项不接受预约 / this matter takes no appointments'));
  const slot = pickSlot(state, rule, p.day, p.start, ctx.now);
  if ('code' in slot) return err(slot);
  const limit = limitError(state, p.day, p);
  if (limit !== null) return err(limit);
  const appointment: Appointment = {
    code: freshCode(state, ctx),
    serviceId: p.serviceId,
    day: p.day,
    slotStart: slot.startAt,
    slotEnd: slot.endAt,
    ticketId: null,
    status: 'booked',
    source: ctx.actor.kind === 'public' ? 'online' : 'phone',
    bookedAt: ctx.now,
    phoneHash: p.phoneHash,
    idHash: p.idHash ?? null,
    contact: p.contact,
  };
  return { events: [event('appointment:booked', ctx.now, { appointment })], result: () => ({ appointment }) };
}

/** The appointment a caller may change: staff any, the public only with the phone it was booked with. */
function own(state: HallState, p: CancelInput, ctx: CommandContext): Appointment | { error: DomainError } {
  const a = state.appointments.get(normalizeAppointmentCode(p.code));
  if (a === undefined) return unknownAppointment();
  if (ctx.actor.kind !== 'officer' && (p.phoneHash === undefined || p.phoneHash !== a.phoneHash))
    return unknownAppointment();
  if (a.ticketId !== null)
    return err(fail('APPOINTMENT_USED', '该预约已签到 / this appointment is already checked in', 'code'));
  return a;
}

export function decideCancel(state: HallState, p: CancelInput, ctx: CommandContext): Decided<'appointment:cancel'> {
  const a = own(state, p, ctx);
  if ('error' in a) return a;
  const key = normalizeAppointmentCode(a.code);
  // Cancelling twice is one cancellation.
  if (a.status === 'cancelled') return { events: [], result: () => ({ appointment: a }) };
  return {
    events: [event('appointment:cancelled', ctx.now, { code: a.code })],
    result: (s) => ({ appointment: s.appointments.get(key)! }),
  };
}

export function decideReschedule(
  state: HallState,
  p: RescheduleInput,
  ctx: CommandContext,
): Decided<'appointment:reschedule'> {
  const a = own(state, p, ctx);
  if ('error' in a) return a;
  if (a.status === 'cancelled')
    return err(fail('APPOINTMENT_CANCELLED', '该预约已取消，请重新预约 / this appointment was cancelled', 'code'));
  const rule = bookingRule(state.model.config, a.serviceId);
  if (rule === null) return err(fail('NOT_BOOKABLE', '该事项不接受预约 / this matter takes no appointments'));
  const key = normalizeAppointmentCode(a.code);
  const same = (s: HallState) => ({ appointment: s.appointments.get(key)! });
  const slot = pickSlot(state, rule, p.day, p.start, ctx.now);
  if ('code' in slot) {
    if (
      slot.code === 'SLOT_FULL' &&
      a.day === p.day &&
      localToEpoch(p.day, p.start, state.model.config.hall.timezone) === a.slotStart
    )
      return { events: [], result: same };
    return err(slot);
  }
  if (slot.startAt === a.slotStart) return { events: [], result: same };
  const limit = limitError(
    state,
    p.day,
    { phoneHash: a.phoneHash ?? undefined, idHash: a.idHash ?? undefined },
    a.code,
  );
  if (limit !== null) return err(limit);
  return {
    events: [
      event('appointment:rescheduled', ctx.now, {
        code: a.code,
        day: p.day,
        slotStart: slot.startAt,
        slotEnd: slot.endAt,
      }),
    ],
    result: same,
  };
}

/**
 * A batch from the provincial platform. Each row stands alone: a code already here with the same matter and
 * slot is a duplicate (the batch was sent again), anything else wrong is refused with its reason. Imports do
 * not check capacity or limits: the platform that took the booking did.
 */
export function decideImport(state: HallState, p: ImportInput, ctx: CommandContext): Decided<'appointment:import'> {
  const { config } = state.model;
  const tz = config.hall.timezone;
  const today = businessDay(ctx.now, tz);
  const report: ImportReport = { imported: 0, duplicates: 0, refused: [] };
  const seen = new Map<string, Appointment>();
  const events = [];
  for (const row of p.rows) {
    if ('refused' in row) {
      report.refused.push({ row: row.row, code: row.code, reason: row.refused });
      continue;
    }
    const refuse = (reason: string): void => void report.refused.push({ row: row.row, code: row.code, reason });
    const service = state.model.services.get(row.serviceId);
    if (service === undefined) {
      refuse(`没有该办事事项 ${row.serviceId} / unknown service`);
      continue;
    }
    if (row.day < today) {
      refuse('预约日期已过 / the day has passed');
      continue;
    }
    const slotMinutes = bookingRule(config, row.serviceId)?.slotMinutes ?? config.booking.slotMinutes;
    const slotStart = localToEpoch(row.day, row.start, tz);
    const slotEnd = row.end === undefined ? slotStart + slotMinutes * MINUTE : localToEpoch(row.day, row.end, tz);
    if (slotEnd <= slotStart) {
      refuse('结束时间早于开始时间 / the slot ends before it starts');
      continue;
    }
    const code = normalizeAppointmentCode(row.code);
    const existing = seen.get(code) ?? state.appointments.get(code);
    if (existing !== undefined) {
      if (existing.serviceId === row.serviceId && existing.slotStart === slotStart) report.duplicates++;
      else refuse('预约码已被另一预约使用 / the code belongs to another appointment');
      continue;
    }
    const appointment: Appointment = {
      code,
      serviceId: row.serviceId,
      day: row.day,
      slotStart,
      slotEnd,
      ticketId: null,
      status: 'booked',
      source: 'import',
      bookedAt: ctx.now,
      phoneHash: row.phoneHash ?? null,
      idHash: row.idHash ?? null,
      contact: row.contact ?? null,
    };
    seen.set(code, appointment);
    events.push(event('appointment:booked', ctx.now, { appointment }));
    report.imported++;
  }
  return { events, result: () => ({ report }) };
}
