import { z } from 'zod';
import { clockTime } from './clock-time.ts';

const id = z.string().min(1).max(64);

/** Which queue (or some of its matters) takes appointments, and how (overrides of the hall's defaults). */
export const bookableQueueSchema = z.strictObject({
  queueId: id,
  /** Only these matters of the queue; left out: every matter of the queue. */
  serviceIds: z.array(id).max(500).optional(),
  /** Places per slot for this queue (all its bookable matters together); the hall's default otherwise. */
  capacity: z.number().int().min(1).max(500).optional(),
  slotMinutes: z.number().int().min(5).max(240).optional(),
  daysAhead: z.number().int().min(0).max(60).optional(),
});

/** A window that serves appointments only (全员预约服务模式, 003 §12) on the given ISO weekdays. */
export const appointmentOnlyWindowSchema = z.strictObject({
  windowId: id,
  /** 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
});

/** Appointments (预约): which matters are bookable, the slots, their capacity and the limits per person. */
export const bookingSchema = z
  .strictObject({
    /** Citizens may book online (the phone pages) and staff by phone; off: only imports and the manager's API. */
    enabled: z.boolean().default(false),
    /** How many days ahead a day can be booked (0: today only). */
    daysAhead: z.number().int().min(0).max(60).default(7),
    slotMinutes: z.number().int().min(5).max(240).default(30),
    /** Places per slot and queue. */
    capacity: z.number().int().min(1).max(500).default(4),
    /** The newest day opens for booking at this time each day (放号时间). */
    releaseTime: clockTime.default('00:00'),
    /** Booking a slot closes this many minutes before it starts. */
    closeMinutesBefore: z.number().int().min(0).max(1440).default(30),
    /** Bookings per phone number per day (cancelled ones do not count). */
    limitPerPhonePerDay: z.number().int().min(1).max(20).default(2),
    /** Bookings per ID number per day, when one is given. */
    limitPerIdPerDay: z.number().int().min(1).max(20).default(2),
    /** Days after an appointment's day that the citizen's clear name and phone are kept, then deleted. */
    contactRetentionDays: z.number().int().min(1).max(3650).default(30),
    queues: z.array(bookableQueueSchema).max(100).default([]),
    appointmentOnly: z.array(appointmentOnlyWindowSchema).max(200).default([]),
  })
  .refine((b) => new Set(b.queues.map((q) => q.queueId)).size === b.queues.length, {
    message: 'a queue is listed twice',
    path: ['queues'],
  });
export type BookingConfig = z.output<typeof bookingSchema>;
