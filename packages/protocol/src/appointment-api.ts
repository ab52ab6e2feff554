import { z } from 'zod';
import { clockTime } from './config.ts';
import { isValidIdCard } from './id-card.ts';

/**
 * The citizen's booking REST (预约), shared by the hub and the phone pages (`/m/`):
 *
 *   GET  /api/appointments/days?serviceId=S           → appointmentDaysSchema
 *   GET  /api/appointments/slots?serviceId=S&day=D    → appointmentSlotsSchema
 *   POST /api/appointments/book          bookAppointmentBodySchema       → { appointment }
 *   POST /api/appointments/lookup        lookupAppointmentBodySchema     → { appointment }
 *   POST /api/appointments/:code/cancel  cancelAppointmentBodySchema     → { appointment }
 *   POST /api/appointments/:code/reschedule rescheduleAppointmentBodySchema → { appointment }
 *
 * Codes are case-insensitive. An appointment goes out with the citizen's name and phone masked.
 */

const day = z.iso.date();
const requestId = z.string().min(1).max(100);
/** A mainland mobile number: 11 digits starting 13–19. */
export const mobilePhoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号码 / an 11-digit mobile number');
const code = z.string().min(1).max(32);

export const appointmentStatuses = ['booked', 'checked-in', 'cancelled', 'no-show'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const publicAppointmentSchema = z.object({
  code: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  day,
  start: clockTime,
  end: clockTime,
  status: z.enum(appointmentStatuses),
  /** Masked: 张* */
  name: z.string(),
  /** Masked: 138****5678 */
  phone: z.string(),
});
export type PublicAppointment = z.infer<typeof publicAppointmentSchema>;

/** The answer of book, lookup, cancel and reschedule. */
export const appointmentResultSchema = z.object({ appointment: publicAppointmentSchema });
export type AppointmentResult = z.infer<typeof appointmentResultSchema>;

export const appointmentDaysSchema = z.object({
  serviceId: z.string(),
  days: z.array(z.object({ day, remaining: z.number().int().nonnegative() })),
});
export type AppointmentDays = z.infer<typeof appointmentDaysSchema>;

export const appointmentSlotsSchema = z.object({
  serviceId: z.string(),
  day,
  slots: z.array(
    z.object({
      start: clockTime,
      end: clockTime,
      capacity: z.number().int().nonnegative(),
      remaining: z.number().int().nonnegative(),
    }),
  ),
});
export type AppointmentSlots = z.infer<typeof appointmentSlotsSchema>;

export const bookAppointmentBodySchema = z.strictObject({
  requestId,
  serviceId: z.string().min(1).max(64),
  day,
  start: clockTime,
  name: z.string().trim().min(1).max(20),
  phone: mobilePhoneSchema,
  idCard: z.string().refine(isValidIdCard, '身份证号码有误 / not a valid resident ID number').optional(),
});
export type BookAppointmentBody = z.infer<typeof bookAppointmentBodySchema>;

export const lookupAppointmentBodySchema = z.strictObject({ code, phone: mobilePhoneSchema });
export type LookupAppointmentBody = z.infer<typeof lookupAppointmentBodySchema>;

export const cancelAppointmentBodySchema = z.strictObject({ phone: mobilePhoneSchema });
export type CancelAppointmentBody = z.infer<typeof cancelAppointmentBodySchema>;

export const rescheduleAppointmentBodySchema = z.strictObject({
  requestId,
  phone: mobilePhoneSchema,
  day,
  start: clockTime,
});
export type RescheduleAppointmentBody = z.infer<typeof rescheduleAppointmentBodySchema>;
