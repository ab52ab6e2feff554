import { z } from 'zod';
import { clockTime } from './clock-time.ts';

/**
 * What a hall tells the city about itself besides its log: the public part of its config (name, hours,
 * closed dates, address, windows, queues, matters, printers). Sent by the hub whenever its config
 * version changes (PUT /city/api/halls/:hallId/profile, the hall key as bearer). Never officers, PINs,
 * device keys, gateway secrets or anyone's personal data.
 */
const id = z.string().min(1).max(64);
const label = z.string().min(1).max(200);

export const hallProfileSchema = z.strictObject({
  /** The hall config's version (config_versions): a profile older than the one held is ignored. */
  version: z.number().int().min(0),
  name: label,
  nameEn: label.optional(),
  timezone: z.string().min(1).max(64),
  hours: z
    .array(z.strictObject({ days: z.array(z.number().int().min(0).max(7)).max(8), open: clockTime, close: clockTime }))
    .max(20),
  extendedServiceMinutes: z.number().int().min(0).max(240),
  /** callRules.maxWaitMinutes: a wait longer than this is an alert on the city console too. */
  maxWaitMinutes: z.number().int().min(1).max(600).optional(),
  closedDates: z.array(z.iso.date()).max(400),
  address: label.optional(),
  phone: z.string().max(40).optional(),
  queues: z.array(z.strictObject({ id, prefix: z.string().max(4), name: label })).max(100),
  services: z
    .array(
      z.strictObject({
        id,
        name: label,
        nameEn: label.optional(),
        queueId: id,
        category: z.string().max(50).optional(),
        /** 全城通办: handled at any hall of the city. */
        cityWide: z.boolean(),
      }),
    )
    .max(2000),
  windows: z
    .array(
      z.strictObject({ id, number: z.number().int(), name: label, open: z.boolean(), queues: z.array(id).max(100) }),
    )
    .max(500),
  printers: z.array(z.strictObject({ id })).max(100),
});
export type HallProfile = z.infer<typeof hallProfileSchema>;
