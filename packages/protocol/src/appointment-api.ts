import { z } from 'zod';
import { clockTime } from './clock-time.ts';
import { isoDay } from './entities.ts';
import { isValidIdCard } from './id-card.ts';

/** A mainland mobile number: 11 digits from 13… to 19…. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写11位手机号码 / enter an 11-digit mobile number');
/** The same rule under the name the phone pages use. */
export const mobilePhoneSchema = phoneNumberSchema;
const citizenName = z
  .string()
  .trim()
  .min(1, '请填写姓名 / enter your name')
  .max(20, '姓名不超过20个字 / name of at most 20 characters');
const code = z
  .string()
  .trim()
  .min(4)
  .max(32)
  .regex(/^[A-Za-z0-9]+$/, '预约码为字母和数字 / letters and digits');
const requestId = z.string().min(1).max(100);
const id = z.string().min(1).max(64);

/** 张三 → 张*, 欧阳娜娜 → 欧***: a name as screens and answers show it. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export const appointmentStatuses = ['booked', 'checked-in', 'cancelled', 'no-show'] as const;
export const appointmentStatusSchema = z.enum(appointmentStatuses);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

/** An appointment as its holder (and the phone pages) see it: the name and phone masked. */
export const publicAppointmentSchema = z.object({
  code: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  day: isoDay,
  start: clockTime,
  end: clockTime,
  status: appointmentStatusSchema,
  name: z.string(),
  phone: z.string(),
});
export type PublicAppointment = z.infer<typeof publicAppointmentSchema>;

/** The answer of book, lookup, cancel and reschedule. */
export const appointmentResultSchema = z.object({ appointment: publicAppointmentSchema });
export type AppointmentResult = z.infer<typeof appointmentResultSchema>;

export const appointmentDaysSchema = z.object({
  serviceId: z.string(),
  days: z.array(z.object({ day: isoDay, remaining: z.number().int() })),
});
export type AppointmentDays = z.infer<typeof appointmentDaysSchema>;

export const appointmentSlotSchema = z.object({
  start: clockTime,
  end: clockTime,
  capacity: z.number().int(),
  remaining: z.number().int(),
});
export const appointmentSlotsSchema = z.object({
  serviceId: z.string(),
  day: isoDay,
  slots: z.array(appointmentSlotSchema),
});
export type AppointmentSlots = z.infer<typeof appointmentSlotsSchema>;

export const appointmentDaysQuerySchema = z.strictObject({ serviceId: id });
export const appointmentSlotsQuerySchema = z.strictObject({ serviceId: id, day: isoDay });

export const bookAppointmentBodySchema = z.strictObject({
  requestId,
  serviceId: id,
  day: isoDay,
  start: clockTime,
  name: citizenName,
  phone: phoneNumberSchema,
  idCard: z.string().trim().refine(isValidIdCard, '身份证号码无效 / invalid ID-card number').optional(),
});
export type BookAppointmentBody = z.infer<typeof bookAppointmentBodySchema>;

export const lookupAppointmentBodySchema = z.strictObject({ code, phone: phoneNumberSchema });
export type LookupAppointmentBody = z.infer<typeof lookupAppointmentBodySchema>;
/** The phone proves the appointment is the caller's; staff (signed in) may leave it out. */
export const cancelAppointmentBodySchema = z.strictObject({ phone: phoneNumberSchema.optional() });
export const rescheduleAppointmentBodySchema = z.strictObject({
  requestId,
  phone: phoneNumberSchema.optional(),
  day: isoDay,
  start: clockTime,
});
export type RescheduleAppointmentBody = z.infer<typeof rescheduleAppointmentBodySchema>;

/** One appointment of the provincial booking platform's batch (预约数据导入). */
export const importedAppointmentSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{4,32}$/, '4 to 32 letters or digits'),
  serviceId: id,
  day: isoDay,
  start: clockTime,
  end: clockTime.optional(),
  name: citizenName.optional(),
  phone: phoneNumberSchema.optional(),
  idCard: z.string().trim().refine(isValidIdCard, '身份证号码无效 / invalid ID-card number').optional(),
});
export type ImportedAppointment = z.infer<typeof importedAppointmentSchema>;

/** What an import did with each row: taken, already there (the same code), or refused and why. */
export const importReportSchema = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  refused: z.array(z.object({ row: z.number().int(), code: z.string().nullable(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** One appointment on the staff list (GET /api/appointments?day=): the name in clear, the phone masked. */
export const staffAppointmentSchema = publicAppointmentSchema.extend({
  source: z.enum(['staff', 'online', 'phone', 'import']),
  queueId: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  bookedAt: z.number().nullable(),
});
export type StaffAppointment = z.infer<typeof staffAppointmentSchema>;

export const appointmentDaySchema = z.object({
  day: isoDay,
  appointments: z.array(staffAppointmentSchema),
  slots: z.array(
    appointmentSlotSchema.extend({ queueId: z.string(), booked: z.number().int(), arrived: z.number().int() }),
  ),
  totals: z.object({
    booked: z.number().int(),
    arrived: z.number().int(),
    noShow: z.number().int(),
    cancelled: z.number().int(),
    capacity: z.number().int(),
    /** Booked places over offered places (0–1); null when no place was offered. */
    fillRate: z.number().nullable(),
  }),
});
export type AppointmentDay = z.infer<typeof appointmentDaySchema>;
