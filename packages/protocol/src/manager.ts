import { z } from 'zod';
import type { EventEnvelope } from './events.ts';
import type { SerialDeviceView } from './entities.ts';
import { isTrivialPin, TRIVIAL_PIN_MESSAGE } from './pin-rules.ts';

/** What the manager console reads and sends beyond the v1 table: alerts, devices, config, audit. */

export const alertKinds = [
  'empty-post',
  'long-wait',
  'printer-fault',
  'device-offline',
  'not-signed-in',
  // 受理件超期: an accepted matter still open past its due day (subject: the 受理编号).
  'case-overdue',
  /** 请求帮办 (issue 17): an officer asked the duty leader to come to their window. */
  'help-requested',
] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertSchema = z.object({
  /** `kind:subject@raisedAt`: the same condition raised again later is a new alert. */
  id: z.string(),
  kind: z.enum(alertKinds),
  severity: z.enum(['critical', 'warning']),
  /** What it is about: a window, queue, printer or device id. */
  subject: z.string(),
  windowId: z.string().nullable(),
  /** Chinese, then ` / ` and English. */
  message: z.string(),
  raisedAt: z.number().int(),
  /** When the condition ended by itself (someone signed in, paper loaded), or null while it lasts. */
  clearedAt: z.number().int().nullable(),
  acknowledgedAt: z.number().int().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

/** A kiosk, display or rater screen and whether it is connected to the hub now. */
export interface DevicePresence {
  id: string;
  kind: 'kiosk' | 'display' | 'rater';
  /** The kiosk's printer or the rater's window, when the config names one. */
  printer: string | null;
  window: string | null;
  connected: boolean;
  /** Since when it is connected (or since when it is not, once it was seen). */
  since: number | null;
  lastSeenAt: number | null;
}

/** The hall's link to the city tier (issue 18): null when the hall config has no `city`. */
export interface CityLinkView {
  url: string;
  hallId: string;
  /** Highest seq the city acknowledged; `pending` events wait in the outbox. */
  ackedSeq: number;
  pending: number;
  lastOkAt: number | null;
  failures: number;
  lastError: string | null;
}

export interface DevicesView {
  devices: DevicePresence[];
  printers: { id: string; uri: string; paperWidthMm: number; status: string }[];
  serialDevices: SerialDeviceView[];
  city: CityLinkView | null;
}

/**
 * The running config as the console edits it. Secrets never leave the hub: officers come without `pin` or
 * `pinHash`, devices without `key`. Sent back, an officer without `pin`/`pinHash` keeps their PIN and a
 * device without `key` keeps its key; `pin` sets a new PIN (not a trivial one), `key` a new key.
 */
export interface ConfigDocument {
  version: number;
  at: number;
  actor: string;
  source: 'file' | 'console';
  config: unknown;
}

export const configPutSchema = z.strictObject({
  /** The version the edit started from: a stale one is refused (someone else changed the config). */
  baseVersion: z.number().int().positive(),
  config: z.unknown(),
});

export const windowQueuesBodySchema = z.strictObject({
  queues: z.union([z.literal('all'), z.array(z.string().min(1).max(64)).min(1).max(100)]),
});
export const windowOpenBodySchema = z.strictObject({ open: z.boolean() });
export const displayNoticesBodySchema = z.strictObject({
  notices: z.array(z.string().trim().min(1).max(200)).max(20),
});
export const pinResetBodySchema = z.strictObject({
  pin: z
    .string()
    .regex(/^\d{4,8}$/, '密码为 4 到 8 位数字 / the PIN is 4 to 8 digits')
    .refine((pin) => !isTrivialPin(pin), TRIVIAL_PIN_MESSAGE),
});
export const ticketReprintBodySchema = z.strictObject({ printerId: z.string().min(1).max(64).optional() });

/** One page of the audit log, newest first; `nextBefore` asks for the page after it. */
export interface AuditPage {
  events: EventEnvelope[];
  nextBefore: number | null;
}

/** A stored ticket found by day and number (the manager's find-and-reprint). */
export interface TicketRow {
  id: string;
  day: string;
  number: string;
  queueId: string;
  serviceId: string;
  status: string;
  windowId: string | null;
  issuedAt: number;
  finishedAt: number | null;
  printed: boolean;
  /** Not printed, and the hub stopped while printing it (`ticket:print-unknown`): check with the citizen. */
  printUnknown: boolean;
}
