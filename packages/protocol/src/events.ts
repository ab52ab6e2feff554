import { z } from 'zod';
import { noticeSchema, ratingSchema } from './notices.ts';
import { caseSchema, caseStatusSchema, matterRecordSchema, refusalSchema, slipKindSchema } from './outcomes.ts';
import {
  appointmentSchema,
  greenReasonSchema,
  isoDay,
  pauseReasonSchema,
  rosterRoleSchema,
  ticketSchema,
} from './entities.ts';
import { complaintSchema, followUpSchema } from './complaints.ts';

const s = z.string();
const n = z.number().int().nonnegative();

/** Every event's payload, by type. The event log stores exactly these. */
export const eventPayloadSchemas = {
  'ticket:issued': z.object({ ticket: ticketSchema }),
  'ticket:called': z.object({
    ticketId: s,
    windowId: s,
    officerId: s,
    mode: z.enum(['next', 'named']),
    /** The window's priority streak after this call (see call-rules.ts). */
    streak: n,
  }),
  'ticket:recalled': z.object({ ticketId: s, windowId: s, recalls: n }),
  'ticket:no-show': z.object({ ticketId: s, windowId: s, officerId: s, auto: z.boolean() }),
  'ticket:started': z.object({ ticketId: s, windowId: s, officerId: s }),
  'ticket:finished': z.object({
    ticketId: s,
    windowId: s,
    officerId: s,
    serviceS: n,
    /** Each matter handled and its outcome (older logs: absent, meaning the ticket's own matter was done). */
    matters: z.array(matterRecordSchema).default([]),
  }),
  /** A matter accepted at a finish (受理/容缺受理) becomes a case with a due day. */
  'case:opened': z.object({ case: caseSchema }),
  /** A case's materials came in or it was finished. */
  'case:updated': z.object({ caseId: s, status: caseStatusSchema, officerId: s, note: z.string() }),
  /** A matter refused at a finish (不予受理), with the reason in writing. */
  'refusal:issued': z.object({ refusal: refusalSchema }),
  /** A receipt or refusal notice came out of the window printer (or did not). */
  'slip:printed': z.object({ kind: slipKindSchema, slipId: s, printerId: s, reprint: z.boolean() }),
  'slip:print-failed': z.object({
    kind: slipKindSchema,
    slipId: s,
    printerId: s.nullable(),
    status: s,
    error: z.string(),
    reprint: z.boolean(),
  }),
  'ticket:transferred': z.object({
    ticketId: s,
    officerId: s,
    fromQueueId: s,
    fromWindowId: s.nullable(),
    toQueueId: s,
    toWindowId: s.nullable(),
    note: z.string(),
  }),
  'ticket:carried-over': z.object({ ticketId: s, toWindowId: s, toDay: isoDay }),
  'ticket:expired': z.object({ ticketId: s, status: s }),
  'ticket:printed': z.object({ ticketId: s, printerId: s }),
  'ticket:print-failed': z.object({ ticketId: s, printerId: s, status: s, error: z.string() }),
  /**
   * Written at start for a ticket issued on a kiosk with a printer whose print outcome was never logged
   * (the hub stopped while printing it): the slip may or may not have come out.
   */
  'ticket:print-unknown': z.object({ ticketId: s, printerId: s }),
  'printer:status-changed': z.object({ printerId: s, status: s, previous: s }),
  /** A serial device (window screen, caller keypad, rating pad) went away or came back. */
  'device:status-changed': z.object({
    deviceId: s,
    kind: s,
    windowId: s,
    status: z.enum(['connected', 'disconnected']),
  }),
  'window:signed-in': z.object({
    windowId: s,
    officerId: s,
    role: rosterRoleSchema,
    /** Minutes before opening (negative: late) on the officer's first sign-in of the day; null after. */
    earlyMinutes: z.number().int().nullable(),
    /** 带班领导帮办: a manager at a window outside the roster; role is then not an A/B role (older logs: absent). */
    leader: z.boolean().default(false),
  }),
  'window:signed-out': z.object({
    windowId: s,
    officerId: s,
    /** handover: the partner took the post over. */
    handover: z.boolean(),
    /** Length of the pause this sign-out ended, if any. */
    pausedS: n.nullable(),
  }),
  'window:paused': z.object({ windowId: s, officerId: s, reason: pauseReasonSchema, note: z.string() }),
  'window:resumed': z.object({ windowId: s, officerId: s, pausedS: n }),
  'roster:cover-requested': z.object({
    windowId: s,
    fromOfficerId: s,
    toOfficerId: s,
    reason: z.union([pauseReasonSchema, z.literal('signed-out')]),
  }),
  'window:empty-post-started': z.object({ windowId: s }),
  'window:empty-post-ended': z.object({ windowId: s, durationS: n }),
  'hall:day-started': z.object({ day: isoDay, previousDay: isoDay }),
  'appointment:booked': z.object({ appointment: appointmentSchema }),
  'appointment:cancelled': z.object({ code: s }),
  /** A remote ticket's holder confirmed in the hall (kiosk or counter). */
  'ticket:arrived': z.object({ ticketId: s }),
  /** 过号重排: a no-show ticket back in line, at the end of its line or at its original place. */
  'ticket:reactivated': z.object({ ticketId: s, place: z.enum(['end', 'original']) }),
  'appointment:rescheduled': z.object({ code: s, day: isoDay, slotStart: n, slotEnd: n }),
  'notice:issued': z.object({ notice: noticeSchema }),
  'notice:printed': z.object({ noticeId: s, printerId: s, reprint: z.boolean() }),
  'notice:print-failed': z.object({
    noticeId: s,
    printerId: s.nullable(),
    status: s,
    error: z.string(),
    reprint: z.boolean(),
  }),
  'ticket:rated': z.object({ rating: ratingSchema }),
  /** The hall config changed (a console edit, or a changed file at start); the config is in config_versions. */
  'config:changed': z.object({
    version: n,
    source: z.enum(['file', 'console']),
    /** Top-level sections that differ: services, windows, officers … */
    sections: z.array(s),
    /** What changed, in words (never a PIN): 新增事项 xxx, 3号窗口 办理范围 … */
    changes: z.array(s),
  }),
  'alert:acknowledged': z.object({ alertId: s, kind: s, subject: s }),
  // ── 导办 guide (issue 17) ──
  /** 绿色通道 granted to a waiting ticket at the entrance (by a guide or a manager). */
  'ticket:green-granted': z.object({ ticketId: s, reason: greenReasonSchema, officerId: s }),
  /** 暂缓: the ticket keeps its place but is not called until released. */
  'ticket:held': z.object({ ticketId: s, officerId: s, note: z.string() }),
  'ticket:released': z.object({ ticketId: s, officerId: s }),
  // --- complaints, follow-ups, duty leader (issue 17) ---
  'complaint:recorded': z.object({ complaint: complaintSchema }),
  'complaint:assigned': z.object({ complaintId: s, officerId: s, by: s }),
  'complaint:closed': z.object({ complaintId: s, result: z.string(), by: s }),
  /** Opened with a rating of 2 or less (in the same command as its ticket:rated). */
  'followup:opened': z.object({ followUp: followUpSchema }),
  'followup:closed': z.object({ followUpId: s, action: z.string(), by: s }),
  /** 请求帮办: cleared when a manager acknowledges the alert or signs in at the window. */
  'window:help-requested': z.object({ windowId: s, officerId: s, ticketId: s.nullable(), note: z.string() }),
  // --- end issue 17 complaints block ---
} as const;

export type EventType = keyof typeof eventPayloadSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;
export const eventTypes = Object.keys(eventPayloadSchemas) as EventType[];

/** An event as the engine makes it, before the store numbers it. */
export type DomainEvent = { [T in EventType]: { type: T; at: number; payload: EventPayload<T> } }[EventType];

/** An event as stored and sent: `seq` is the hall's monotonically increasing number. */
export type EventEnvelope = DomainEvent & { seq: number; actor: string };

export const eventEnvelopeSchema = z.object({
  seq: z.number().int().positive(),
  at: n,
  actor: s,
  type: z.enum(Object.keys(eventPayloadSchemas) as [EventType, ...EventType[]]),
  payload: z.unknown(),
});
