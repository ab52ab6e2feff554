import { z } from 'zod';

export const PROTOCOL_VERSION = '1.0';

export const greenReasons = ['elderly', 'weak', 'sick', 'disabled', 'pregnant', 'military', 'exam', 'urgent'] as const;
export const greenReasonSchema = z.enum(greenReasons);
export type GreenReason = z.infer<typeof greenReasonSchema>;

/** 离岗 / 会议 / 用餐 mean the officer has left the post; 其他 (other) keeps them at the window. */
export const pauseReasons = ['away', 'meeting', 'meal', 'other'] as const;
export const pauseReasonSchema = z.enum(pauseReasons);
export type PauseReason = z.infer<typeof pauseReasonSchema>;
export const leavingPauseReasons: readonly PauseReason[] = ['away', 'meeting', 'meal'];

export const ticketStatuses = ['waiting', 'called', 'serving', 'done', 'no-show', 'carried', 'expired'] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const rosterRoleSchema = z.enum(['A', 'B']);
export type RosterRole = z.infer<typeof rosterRoleSchema>;

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, 'no such day');
const epochMs = z.number().int().nonnegative();
const nullableId = z.string().nullable();

export const transferRecordSchema = z.object({
  at: epochMs,
  officerId: z.string(),
  fromQueueId: z.string(),
  fromWindowId: nullableId,
  toQueueId: z.string(),
  toWindowId: nullableId,
  note: z.string(),
});
export type TransferRecord = z.infer<typeof transferRecordSchema>;

export const appointmentSchema = z.object({
  code: z.string(),
  serviceId: z.string(),
  day: isoDay,
  slotStart: epochMs,
  slotEnd: epochMs,
  ticketId: nullableId,
  /** Older logs have neither: booked, by staff. */
  status: z.enum(['booked', 'cancelled']).default('booked'),
  /** online: the citizen's phone pages; phone: staff for a caller (电话预约); import: the provincial platform. */
  source: z.enum(['staff', 'online', 'phone', 'import']).default('staff'),
  bookedAt: epochMs.nullable().default(null),
  /** Salted hashes (the hub's), for the limits per person and the kiosk check-in by phone or ID card. */
  phoneHash: z.string().nullable().default(null),
  idHash: z.string().nullable().default(null),
  /** Masked (张*, 138****5678): the clear name and phone live only in the hub's contacts table. */
  contact: z.object({ name: z.string(), phone: z.string() }).nullable().default(null),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/**
 * Appointment codes are case-insensitive: `xyz789` and `XYZ789` are one code. New codes are stored in
 * this form; lookups normalise too, so codes stored before (in lower case) keep working.
 */
export function normalizeAppointmentCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The person a guide issued a ticket for, as the engine and the log hold it: masked, never in clear. */
export const ticketPersonSchema = z.object({
  name: z.string(),
  phone: z.string(),
  phoneHash: z.string().nullable(),
});
export type TicketPerson = z.infer<typeof ticketPersonSchema>;

/** A ticket as the engine holds it and the event log records it. */
export const ticketSchema = z.object({
  id: z.string(),
  number: z.string(),
  queueId: z.string(),
  serviceId: z.string(),
  /** Business day (hall time zone) the ticket was issued on. */
  day: isoDay,
  issuedAt: epochMs,
  kioskId: nullableId,
  green: greenReasonSchema.nullable(),
  appointment: z.object({ code: z.string(), slotStart: epochMs, slotEnd: epochMs }).nullable(),
  status: ticketStatusSchema,
  windowId: nullableId,
  officerId: nullableId,
  /** 首问责任人: the first officer who called the ticket; kept across transfers. */
  firstOfficerId: nullableId,
  calledAt: epochMs.nullable(),
  startedAt: epochMs.nullable(),
  finishedAt: epochMs.nullable(),
  recalls: z.number().int().nonnegative(),
  /** Only this window may call it (a transfer to a window, or a carry-over promise). */
  targetWindowId: nullableId,
  /** Set on a ticket promised to a later day (延时服务): the day it is called first. */
  carriedToDay: isoDay.nullable(),
  carriedOver: z.boolean(),
  transfers: z.array(transferRecordSchema),
  printed: z.boolean(),
  /** Salted hash of the citizen's ID-card number when the hall asks for it; never the number. */
  idHash: z.string().nullable(),
  /** The citizen's 好差评 level (1–5) once given. */
  rating: z.number().int().min(1).max(5).nullable(),
  /** Put back after a no-show at the end of its line: its place in line counts from then (older logs: absent). */
  requeuedAt: epochMs.nullable().default(null),
  /** 线上取号: taken on the phone pages (the phone's salted hash); arrivedAt once confirmed in the hall. */
  remote: z.object({ phoneHash: z.string(), arrivedAt: epochMs.nullable() }).nullable().default(null),
  // ── 导办 guide (issue 17) ──
  /** Issued by this guide (or manager) for a citizen at the entrance, not at a kiosk (older logs: absent). */
  issuedBy: nullableId.default(null),
  /** The citizen a guide issued it for: name and phone masked (张*, 138****5678), the phone's salted hash. */
  person: ticketPersonSchema.nullable().default(null),
  /** 暂缓: on hold since then; still waiting and keeping its place, but not called until released. */
  heldAt: epochMs.nullable().default(null),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const windowStates = ['idle', 'calling', 'serving', 'paused', 'empty'] as const;
export type WindowStateName = (typeof windowStates)[number];

export const windowHolderSchema = z.object({
  officerId: z.string(),
  role: rosterRoleSchema,
  since: epochMs,
  /** 带班领导: a manager outside the roster; role carries no A/B meaning then (older records: absent). */
  leader: z.boolean().optional(),
});
export const windowPauseSchema = z.object({
  reason: pauseReasonSchema,
  note: z.string(),
  since: epochMs,
  officerId: z.string(),
});

/** A window as the engine holds it. */
export const windowRecordSchema = z.object({
  id: z.string(),
  holder: windowHolderSchema.nullable(),
  ticketId: nullableId,
  pause: windowPauseSchema.nullable(),
  /** Priority calls in a row while an ordinary ticket was eligible (anti-starvation). */
  priorityStreak: z.number().int().nonnegative(),
  /** Start of the current empty post during opening hours, or null. */
  emptySince: epochMs.nullable(),
  /** The partner told to cover this post (AB角), until someone active holds it again. */
  coverRequestedFor: nullableId,
});
export type WindowRecord = z.infer<typeof windowRecordSchema>;

/** A ticket as clients see it (REST and results). */
export const ticketViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  queueId: z.string(),
  serviceId: z.string(),
  green: z.boolean(),
  greenReason: greenReasonSchema.nullable(),
  appointmentCode: z.string().nullable(),
  /** The appointment's slot (start and end, epoch ms) when the ticket came from a check-in. */
  appointmentSlot: z.object({ start: epochMs, end: epochMs }).nullable().default(null),
  status: ticketStatusSchema,
  issuedAt: epochMs,
  ahead: z.number().int().nonnegative(),
  estimatedWaitS: z.number().int().nonnegative(),
  /** Waiting, and no staffed window serves its queue now: screens say 暂无窗口办理 (estimatedWaitS assumes one will). */
  unstaffed: z.boolean().default(false),
  windowId: nullableId,
  calledAt: epochMs.nullable(),
  recalls: z.number().int(),
  firstOfficerId: nullableId,
  targetWindowId: nullableId,
  carriedOver: z.boolean(),
  transfers: z.array(transferRecordSchema),
  printed: z.boolean(),
  finishedAt: epochMs.nullable(),
  rating: z.number().int().nullable(),
  /** 线上取号: arrived once confirmed at the kiosk or the counter (older hubs: absent). */
  remote: z.object({ arrived: z.boolean() }).nullable().default(null),
  // ── 导办 guide (issue 17) ──
  /** 暂缓: on hold, not called until released (older hubs: absent). */
  held: z.boolean().default(false),
  /** The guide who issued it at the entrance, or null (a kiosk, the phone pages). */
  issuedBy: nullableId.default(null),
  /** The citizen's name as a guide gave it, masked (张*); staff views only. */
  personName: z.string().nullable().default(null),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

export const windowViewSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  name: z.string(),
  state: z.enum(windowStates),
  queues: z.union([z.literal('all'), z.array(z.string())]),
  greenChannel: z.boolean(),
  open: z.boolean(),
  holder: z
    .object({
      officerId: z.string(),
      name: z.string(),
      role: rosterRoleSchema,
      since: epochMs,
      /** 带班领导 (issue 17; older hubs: absent). */
      leader: z.boolean().optional(),
    })
    .nullable(),
  pause: windowPauseSchema.nullable(),
  emptyPost: z.boolean(),
  emptySince: epochMs.nullable(),
  coverRequestedFor: nullableId,
  ticket: ticketViewSchema.nullable(),
});
export type WindowView = z.infer<typeof windowViewSchema>;

export const queueViewSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  name: z.string(),
  waiting: z.number().int().nonnegative(),
  longestWaitS: z.number().int().nonnegative(),
  /** The wait of a ticket taken now. */
  estimatedWaitS: z.number().int().nonnegative(),
  /** No staffed window serves the queue now: screens say 暂无窗口办理 (estimatedWaitS assumes one will). */
  unstaffed: z.boolean().default(false),
});
export type QueueView = z.infer<typeof queueViewSchema>;

export const printerStatuses = ['ok', 'paper-low', 'paper-out', 'cover-open', 'offline', 'unknown'] as const;
export const printerViewSchema = z.object({ id: z.string(), status: z.enum(printerStatuses) });
export type PrinterView = z.infer<typeof printerViewSchema>;

/** A serial device at a window (LED screen, caller keypad, rating pad) and whether its line is up. */
export const serialDeviceViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['window-screen', 'caller-keypad', 'rating-pad']),
  windowId: z.string(),
  status: z.enum(['connected', 'disconnected']),
});
export type SerialDeviceView = z.infer<typeof serialDeviceViewSchema>;
