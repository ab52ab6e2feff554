import { z } from 'zod';
import {
  appointmentDaysSchema,
  appointmentResultSchema,
  appointmentSlotsSchema,
  type AppointmentDays,
  type AppointmentSlots,
  type BookAppointmentBody,
  type PublicAppointment,
  type RescheduleAppointmentBody,
} from '@yichuang/protocol';
import { hubCall, type HubResult } from './hub-call.ts';

/** The booking REST (see packages/protocol/src/appointment-api.ts), one function a call. */

const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();
const appointmentOf = (r: HubResult<{ appointment: PublicAppointment }>): HubResult<PublicAppointment> =>
  r.ok ? { ok: true, data: r.data.appointment } : r;

export const bookableDays = (serviceId: string): Promise<HubResult<AppointmentDays>> =>
  hubCall('GET', `/api/appointments/days?${q({ serviceId })}`, appointmentDaysSchema);

export const slotsOn = (serviceId: string, day: string): Promise<HubResult<AppointmentSlots>> =>
  hubCall('GET', `/api/appointments/slots?${q({ serviceId, day })}`, appointmentSlotsSchema);

export const book = async (body: BookAppointmentBody): Promise<HubResult<PublicAppointment>> =>
  appointmentOf(await hubCall('POST', '/api/appointments/book', appointmentResultSchema, body));

export const lookup = async (code: string, phone: string): Promise<HubResult<PublicAppointment>> =>
  appointmentOf(await hubCall('POST', '/api/appointments/lookup', appointmentResultSchema, { code, phone }));

export const cancel = async (code: string, phone: string): Promise<HubResult<PublicAppointment>> =>
  appointmentOf(
    await hubCall('POST', `/api/appointments/${encodeURIComponent(code)}/cancel`, appointmentResultSchema, { phone }),
  );

export const reschedule = async (
  code: string,
  body: RescheduleAppointmentBody,
): Promise<HubResult<PublicAppointment>> =>
  appointmentOf(
    await hubCall('POST', `/api/appointments/${encodeURIComponent(code)}/reschedule`, appointmentResultSchema, body),
  );

/**
 * The appointments booked (or found) on this phone, as {code, phone}: newest first, at most 20, kept
 * in localStorage so 我的预约 can look each up live. The phone is the citizen's own, on their own phone.
 */
const KEY = 'yichuang.mobile.appointments';
export const MAX_KEPT = 20;
const keptSchema = z.array(z.object({ code: z.string().min(1).max(32), phone: z.string().regex(/^1[3-9]\d{9}$/) }));
export type KeptAppointment = z.infer<typeof keptSchema>[number];

export function keptAppointments(): KeptAppointment[] {
  try {
    const parsed = keptSchema.safeParse(JSON.parse(window.localStorage.getItem(KEY) ?? '[]'));
    return parsed.success ? parsed.data.slice(0, MAX_KEPT) : [];
  } catch {
    return [];
  }
}

function save(list: KeptAppointment[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX_KEPT)));
  } catch {
    // storage refused: the booking stands, only this phone's list is not kept
  }
}

const same = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/** Keep (or move to the top) one appointment; the oldest falls off past MAX_KEPT. */
export function keepAppointment(code: string, phone: string): void {
  save([{ code, phone }, ...keptAppointments().filter((k) => !same(k.code, code))]);
}

export function forgetAppointment(code: string): void {
  save(keptAppointments().filter((k) => !same(k.code, code)));
}

export function keptPhone(code: string): string | null {
  return keptAppointments().find((k) => same(k.code, code))?.phone ?? null;
}

/** The answers just received (book, reschedule), shown on the next page without asking again; bounded. */
const recent = new Map<string, PublicAppointment>();
export function rememberAnswer(a: PublicAppointment): void {
  recent.delete(a.code.toUpperCase());
  recent.set(a.code.toUpperCase(), a);
  while (recent.size > MAX_KEPT) recent.delete(recent.keys().next().value!);
}
export const recentAnswer = (code: string): PublicAppointment | null => recent.get(code.toUpperCase()) ?? null;
