import { z } from 'zod';
import { greenReasonSchema, isoDay, pauseReasonSchema } from './entities.ts';
import { clockTime } from './clock-time.ts';
import { bookAppointmentBodySchema, phoneNumberSchema } from './appointment-api.ts';
import { isValidIdCard } from './id-card.ts';
import { caseUpdateFields, finishFields } from './outcomes.ts';
import { LOW_RATING_MESSAGE, lowRatingNeedsReason, noticeCreateFields, ratingCreateFields } from './notices.ts';
import { complaintRecordFields } from './complaints.ts';

export const requestIdSchema = z.string().min(1).max(100);
const id = z.string().min(1).max(64);
const windowCmd = z.strictObject({ requestId: requestIdSchema, windowId: id });

/** Every command's wire payload, by name. Both the socket and REST adapters parse with these. */
export const commandSchemas = {
  'ticket:take': z
    .strictObject({
      requestId: requestIdSchema,
      /** May be left out when checking in an appointment: the appointment names its service. */
      serviceId: id.optional(),
      /** true asks for the green channel without saying why (recorded as "urgent"). */
      green: z.union([z.boolean(), greenReasonSchema]).optional(),
      appointmentCode: z.string().min(1).max(32).optional(),
      /** Check in today's appointment booked with this phone number (hashed by the hub). */
      appointmentPhone: phoneNumberSchema.optional(),
      /**
       * 18-character resident ID number (hashed by the hub): with a serviceId, for one ticket per ID card;
       * alone, to check in today's appointment booked with it.
       */
      idCard: z.string().refine(isValidIdCard, '身份证号码无效 / invalid ID-card number').optional(),
    })
    .refine(
      (c) =>
        c.serviceId !== undefined ||
        c.appointmentCode !== undefined ||
        c.appointmentPhone !== undefined ||
        c.idCard !== undefined,
      { message: 'name serviceId, appointmentCode, appointmentPhone or idCard', path: ['serviceId'] },
    ),
  'window:sign-in': windowCmd,
  'window:sign-out': windowCmd,
  'window:call-next': windowCmd,
  'window:call-ticket': z.strictObject({ requestId: requestIdSchema, windowId: id, ticketId: id }),
  'window:recall': windowCmd,
  'window:no-show': windowCmd,
  'window:start': windowCmd,
  /** Left without matters, the ticket's own matter is done (办结); with them, each matter's outcome. */
  'window:finish': z.strictObject({ requestId: requestIdSchema, windowId: id, ...finishFields }),
  'window:pause': z.strictObject({
    requestId: requestIdSchema,
    windowId: id,
    reason: pauseReasonSchema,
    note: z.string().max(200).optional(),
  }),
  'window:resume': windowCmd,
  'ticket:transfer': z
    .strictObject({
      requestId: requestIdSchema,
      ticketId: id,
      toQueueId: id.optional(),
      toWindowId: id.optional(),
      note: z.string().max(200).optional(),
    })
    .refine((c) => c.toQueueId !== undefined || c.toWindowId !== undefined, {
      message: 'name toQueueId or toWindowId',
      path: ['toQueueId'],
    }),
  'hall:carry-over': z.strictObject({
    requestId: requestIdSchema,
    toWindowId: id,
    /** Omitted: every ticket still waiting. */
    ticketIds: z.array(id).max(2000).optional(),
  }),
  'appointment:book': z
    .strictObject({
      requestId: requestIdSchema,
      code: z.string().regex(/^[A-Za-z0-9]{4,32}$/, '4 to 32 letters or digits'),
      serviceId: id,
      day: isoDay,
      start: clockTime,
      end: clockTime,
    })
    .refine((a) => a.start < a.end, { message: 'start must be before end', path: ['end'] }),
  /** A citizen books a slot on the phone pages, or staff book one for a caller (电话预约); the hub makes the code. */
  'appointment:reserve': bookAppointmentBodySchema,
  /** The phone proves the appointment is the caller's; staff may leave it out. */
  'appointment:cancel': z.strictObject({
    requestId: requestIdSchema,
    code: z.string().trim().min(1).max(32),
    phone: phoneNumberSchema.optional(),
  }),
  'appointment:reschedule': z.strictObject({
    requestId: requestIdSchema,
    code: z.string().trim().min(1).max(32),
    phone: phoneNumberSchema.optional(),
    day: isoDay,
    start: clockTime,
  }),
  /** A batch from the provincial booking platform: each row is checked on its own and refused rows are reported. */
  'appointment:import': z.strictObject({
    requestId: requestIdSchema,
    items: z.array(z.unknown()).min(1).max(1000),
  }),
  /** 线上取号: sent by the hub only after the phone was proven with a one-time code. */
  'ticket:take-remote': z.strictObject({ requestId: requestIdSchema, serviceId: id, phone: phoneNumberSchema }),
  /** A remote ticket's holder is in the hall: by its id (counter) or the phone it was taken with (kiosk). */
  'ticket:arrive': z
    .strictObject({ requestId: requestIdSchema, ticketId: id.optional(), phone: phoneNumberSchema.optional() })
    .refine((c) => c.ticketId !== undefined || c.phone !== undefined, {
      message: 'name ticketId or phone',
      path: ['ticketId'],
    }),
  /** 过号重排: a no-show ticket put back in line within callRules.reactivateMinutes. */
  'ticket:reactivate': z.strictObject({ requestId: requestIdSchema, ticketId: id }),
  /** An accepted matter (受理/容缺受理): its materials came in, or it is finished. */
  'case:update': z.strictObject({ requestId: requestIdSchema, ...caseUpdateFields }),
  /** A one-time notice slip, printed on the printer of the window the officer holds. */
  'notice:create': z.strictObject({ requestId: requestIdSchema, ...noticeCreateFields }),
  /** 好差评 for a finished ticket: by the rater device of that window, or the citizen holding the ticket's link secret. */
  'rating:submit': z
    .strictObject({ requestId: requestIdSchema, ...ratingCreateFields })
    .refine(lowRatingNeedsReason, { message: LOW_RATING_MESSAGE, path: ['reason'] }),
  // ── 导办 guide (issue 17) ──
  /** A guide issues a ticket for a person at the entrance, as the kiosk would (no printer: the number is told). */
  'ticket:issue': z.strictObject({
    requestId: requestIdSchema,
    serviceId: id,
    green: greenReasonSchema.optional(),
    /** The citizen's name: masked in the log, clear only in the hub's guide_contacts table. */
    citizenName: z.string().trim().min(1).max(40).optional(),
    /** A mobile for the ticket's notices (hashed for the engine, clear only in the hub's contact tables). */
    phone: phoneNumberSchema.optional(),
  }),
  /** 绿色通道 granted at the entrance to a waiting ticket, with its reason. */
  'ticket:green': z.strictObject({ requestId: requestIdSchema, ticketId: id, reason: greenReasonSchema }),
  /** 暂缓: a waiting ticket keeps its place but is not called (the person stepped out, fetches a paper …). */
  'ticket:hold': z.strictObject({ requestId: requestIdSchema, ticketId: id, note: z.string().max(200).optional() }),
  'ticket:release': z.strictObject({ requestId: requestIdSchema, ticketId: id }),
  // --- complaints, follow-ups, duty leader (issue 17) ---
  /** 投诉登记, from the manager console. */
  'complaint:record': z.strictObject({ requestId: requestIdSchema, ...complaintRecordFields }),
  'complaint:assign': z.strictObject({ requestId: requestIdSchema, complaintId: id, officerId: id }),
  'complaint:close': z.strictObject({
    requestId: requestIdSchema,
    complaintId: id,
    result: z.string().trim().min(1, '请填写处理结果 / enter the result').max(1000),
  }),
  /** 差评回访整改: what was done about a rating of 2 or less. */
  'followup:close': z.strictObject({
    requestId: requestIdSchema,
    followUpId: id,
    action: z.string().trim().min(1, '请填写整改措施 / enter what was done').max(1000),
  }),
  /** 请求帮办: the officer holding a window asks the duty leader to come. */
  'window:help': z.strictObject({
    requestId: requestIdSchema,
    windowId: id,
    note: z.string().trim().max(200).optional(),
  }),
  // --- end issue 17 complaints block ---
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<C extends CommandName> = z.infer<(typeof commandSchemas)[C]>;
export type Command = { [C in CommandName]: { name: C; payload: CommandPayload<C> } }[CommandName];
export const commandNames = Object.keys(commandSchemas) as CommandName[];

/** `citizen`: a person with a ticket's link secret (their own 好差评); only the hub makes such an actor. */
/** `public`: anyone on the phone pages (booking, their own appointment proven by its phone number). */
/** `guide`: 导办 staff at the entrance; logs in like an officer, never holds a window. */
export type ActorRole =
  'kiosk' | 'display' | 'rater' | 'officer' | 'manager' | 'guide' | 'citizen' | 'public' | 'system';

/** Who may send each command. The engine checks the finer rules (roster, holding the window). */
export const commandRoles: Record<CommandName, readonly ActorRole[]> = {
  'ticket:take': ['kiosk'],
  'window:sign-in': ['officer', 'manager'],
  'window:sign-out': ['officer', 'manager'],
  'window:call-next': ['officer', 'manager'],
  'window:call-ticket': ['officer', 'manager'],
  'window:recall': ['officer', 'manager'],
  'window:no-show': ['officer', 'manager'],
  'window:start': ['officer', 'manager'],
  'window:finish': ['officer', 'manager'],
  'window:pause': ['officer', 'manager'],
  'window:resume': ['officer', 'manager'],
  'ticket:transfer': ['officer', 'manager'],
  'hall:carry-over': ['manager'],
  'appointment:book': ['manager'],
  'appointment:reserve': ['public', 'officer', 'manager'],
  'appointment:cancel': ['public', 'officer', 'manager'],
  'appointment:reschedule': ['public', 'officer', 'manager'],
  'appointment:import': ['manager'],
  'ticket:take-remote': ['public'],
  'ticket:arrive': ['kiosk', 'officer', 'manager', 'guide'],
  'ticket:reactivate': ['officer', 'manager', 'guide'],
  'case:update': ['officer', 'manager'],
  'notice:create': ['officer', 'manager'],
  // 好差评 belongs to the citizen: their rater screen or pad at the window, or their own ticket page.
  'rating:submit': ['rater', 'citizen'],
  // ── 导办 guide (issue 17) ──
  'ticket:issue': ['guide', 'manager'],
  'ticket:green': ['guide', 'manager'],
  'ticket:hold': ['guide', 'manager'],
  'ticket:release': ['guide', 'manager'],
  // --- complaints, follow-ups, duty leader (issue 17) ---
  'complaint:record': ['manager'],
  'complaint:assign': ['manager'],
  'complaint:close': ['manager'],
  // Managers only: an officer closing the follow-up of their own bad rating would be reviewing themselves.
  'followup:close': ['manager'],
  'window:help': ['officer', 'manager'],
  // --- end issue 17 complaints block ---
};

/**
 * Finer rules the engine applies on top of the role, part of the documented access rules:
 *   holder             the officer holding the window the command names (any window, for a notice)
 *   holder-or-manager  the officer holding the ticket's window, or a manager (who may move any live ticket)
 *   rostered           an officer on that window's A/B roster, or a manager as the duty leader (带班领导)
 *   server             a rating device bound to the ticket's window (or the citizen with the ticket's link secret)
 *   window-today       an officer who holds, or held today, the window of the record (a notice), or a manager
 */
export type AccessScope = 'holder' | 'holder-or-manager' | 'rostered' | 'server' | 'window-today';
export const commandScopes: Record<CommandName, AccessScope | null> = {
  'ticket:take': null,
  'window:sign-in': 'rostered',
  'window:sign-out': 'holder',
  'window:call-next': 'holder',
  'window:call-ticket': 'holder',
  'window:recall': 'holder',
  'window:no-show': 'holder',
  'window:start': 'holder',
  'window:finish': 'holder',
  'window:pause': 'holder',
  'window:resume': 'holder',
  'ticket:transfer': 'holder-or-manager',
  'hall:carry-over': null,
  'appointment:book': null,
  'appointment:reserve': null,
  'appointment:cancel': null,
  'appointment:reschedule': null,
  'appointment:import': null,
  'ticket:take-remote': null,
  'ticket:arrive': null,
  'ticket:reactivate': null,
  'case:update': null,
  'notice:create': 'holder',
  'rating:submit': 'server',
  // ── 导办 guide (issue 17) ──
  'ticket:issue': null,
  'ticket:green': null,
  'ticket:hold': null,
  'ticket:release': null,
  // --- complaints, follow-ups, duty leader (issue 17) ---
  'complaint:record': null,
  'complaint:assign': null,
  'complaint:close': null,
  'followup:close': null,
  'window:help': 'holder',
  // --- end issue 17 complaints block ---
};

/** Roles of the people in the config's officers list (导办 guides among them). */
export type StaffRole = 'officer' | 'manager' | 'guide';

/** Who sends a command, as the hub authenticated it. */
export type Actor =
  | { kind: 'device'; role: 'kiosk' | 'display' | 'rater'; deviceId: string }
  | { kind: 'officer'; role: StaffRole; officerId: string }
  /** The citizen of one ticket, proven by its link secret (`/t/:id?s=…`). */
  | { kind: 'citizen'; role: 'citizen'; ticketId: string }
  /** Anyone on the phone pages: what they may do is proven by what they know (an appointment's phone). */
  | { kind: 'public'; role: 'public' }
  | { kind: 'system'; role: 'system' };

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'device') return `device:${actor.deviceId}`;
  if (actor.kind === 'officer') return `officer:${actor.officerId}`;
  if (actor.kind === 'citizen') return `citizen:${actor.ticketId}`;
  if (actor.kind === 'public') return 'public';
  return 'system';
}
