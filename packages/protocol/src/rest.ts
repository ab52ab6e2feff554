import { z } from 'zod';
import {
  printerViewSchema,
  queueViewSchema,
  serialDeviceViewSchema,
  ticketViewSchema,
  windowViewSchema,
} from './entities.ts';

export const loginBodySchema = z.strictObject({
  officerId: z.string().min(1).max(64),
  pin: z.string().min(1).max(32),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const loginResultSchema = z.object({
  token: z.string(),
  expiresAt: z.number().int(),
  officer: z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['officer', 'manager', 'guide']),
    /** Windows the roster allows this officer to hold, with the role on each. */
    windows: z.array(z.object({ windowId: z.string(), role: z.enum(['A', 'B']) })),
  }),
});
export type LoginResult = z.infer<typeof loginResultSchema>;

export const healthSchema = z.object({ ok: z.boolean(), version: z.string(), protocol: z.string() });
export type Health = z.infer<typeof healthSchema>;

/** What anyone may read: the hall, its hours and phones, the matters with their guides (办事指南). */
export interface Catalogue {
  hall: {
    id: string;
    name: string;
    nameEn?: string;
    timezone: string;
    hours: { days: number[]; open: string; close: string }[];
    extendedServiceMinutes: number;
    closedDates: string[];
    phones: { consult?: string; complaint?: string };
    /** The hall's address, when its config gives one. */
    address?: string;
    addressEn?: string;
    day: string;
    phase: 'before-open' | 'open' | 'extended' | 'closed';
    /** Today's opening and closing time ("09:00"), or null when closed today. */
    today: { open: string; close: string } | null;
  };
  queues: { id: string; prefix: string; name: string; nameEn?: string }[];
  services: {
    id: string;
    name: string;
    queue: string;
    category: string;
    materials: string[];
    timeLimit?: string;
    fee?: string;
    basis?: string;
    department?: string;
    pinyin?: string;
    /** English, when the hall gives it (see the hall config's services). */
    nameEn?: string;
    materialsEn?: string[];
    timeLimitEn?: string;
    feeEn?: string;
    departmentEn?: string;
    /** Citizens may book it (预约) on the phone pages (old hubs: absent). */
    bookable?: boolean;
    /** Tickets may be taken on the phone pages (线上取号), in the queue's remote hours (old hubs: absent). */
    remote?: boolean;
  }[];
  windows: { id: string; number: number; name: string }[];
  /** 线上取号, when the hall takes remote tickets: minutes after the call an unconfirmed one is skipped. */
  remote?: { graceMinutes: number };
  kiosk: {
    idleSeconds: number;
    oneTicketPerIdCard: boolean;
    /** When an appointment may be checked in: minutes before its slot starts and after it ends (old hubs: absent). */
    appointmentCheckIn?: { earlyMinutes: number; lateMinutes: number };
  };
}

export const hallViewSchema = z.object({
  hall: z.object({
    id: z.string(),
    name: z.string(),
    day: z.string(),
    /** open: ticket issue allowed; extended: only waiting tickets are served; closed. */
    phase: z.enum(['before-open', 'open', 'extended', 'closed']),
  }),
  seq: z.number().int(),
  queues: z.array(queueViewSchema),
  windows: z.array(windowViewSchema),
  printers: z.array(printerViewSchema),
  serialDevices: z.array(serialDeviceViewSchema),
});
export type HallView = z.infer<typeof hallViewSchema>;

/** REST bodies that are not a command's payload minus route params. */
export const optionalRequestIdBody = z.strictObject({ requestId: z.string().min(1).max(100).optional() });
export const transferBodySchema = z
  .strictObject({
    requestId: z.string().min(1).max(100).optional(),
    toQueueId: z.string().min(1).max(64).optional(),
    toWindowId: z.string().min(1).max(64).optional(),
    note: z.string().max(200).optional(),
  })
  .refine((c) => c.toQueueId !== undefined || c.toWindowId !== undefined, {
    message: 'name toQueueId or toWindowId',
    path: ['toQueueId'],
  });

export { ticketViewSchema, windowViewSchema };

/**
 * `GET /api/public/queues` (anyone, no credentials): how long the lines are now, for the citizen's phone.
 * Counts and estimates only: no ticket, number, officer or personal data.
 */
export const publicQueuesSchema = z.object({
  day: z.string(),
  phase: z.enum(['before-open', 'open', 'extended', 'closed']),
  /** When the hub measured it (epoch ms). */
  at: z.number().int(),
  queues: z.array(
    z.object({
      id: z.string(),
      prefix: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      waiting: z.number().int().nonnegative(),
      /** The wait of a ticket taken now. */
      estimatedWaitS: z.number().int().nonnegative(),
      /** No staffed window serves the queue now (the estimate assumes one will). */
      unstaffed: z.boolean(),
      /** Numbers of the open windows that serve this queue, ascending. */
      windows: z.array(z.number().int()),
    }),
  ),
});
export type PublicQueues = z.infer<typeof publicQueuesSchema>;
