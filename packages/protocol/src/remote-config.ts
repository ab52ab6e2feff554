import { z } from 'zod';
import { clockTime } from './clock-time.ts';

/** A queue that takes tickets from the phone pages (线上取号), in its hours and up to its daily quota. */
export const remoteQueueSchema = z
  .strictObject({
    queueId: z.string().min(1).max(64),
    /** Remote tickets are taken from … until … (within the hall's opening hours). */
    from: clockTime.default('00:00'),
    until: clockTime.default('23:59'),
    /** At most this many remote tickets a day for the queue. */
    dailyQuota: z.number().int().min(1).max(10_000).default(50),
  })
  .refine((q) => q.from < q.until, { message: 'from must be before until', path: ['until'] });

/**
 * 线上取号: citizens prove their mobile number with a one-time code and take a ticket that waits like any
 * other; it must be confirmed on arrival (kiosk or counter) or it is skipped `graceMinutes` after its call.
 */
export const remoteTicketsSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    queues: z.array(remoteQueueSchema).max(100).default([]),
    /** Minutes after the call a remote ticket not yet confirmed on arrival is skipped (过号). */
    graceMinutes: z.number().int().min(1).max(60).default(5),
    /** Minutes a one-time code stays valid. */
    codeMinutes: z.number().int().min(1).max(30).default(5),
    /** Active remote tickets one phone number may hold at once. */
    perPhone: z.number().int().min(1).max(5).default(1),
  })
  .refine((r) => new Set(r.queues.map((q) => q.queueId)).size === r.queues.length, {
    message: 'a queue is listed twice',
    path: ['queues'],
  });
export type RemoteTicketsConfig = z.output<typeof remoteTicketsSchema>;
