import { z } from 'zod';
import { callRulesSchema, clockTime, greenReasonSchema, isoDay, pauseReasonSchema } from '@yichuang/protocol';

/**
 * Everything a simulation is given, as plain JSON checked by zod: the manager console can pass a
 * request body straight in, and the CLI passes files. Types are derived from the schemas.
 */

const id = z.string().min(1).max(64);
const epochMs = z.number().int().nonnegative();

/** Service time of one matter, in seconds. */
export const serviceTimeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exponential'), meanS: z.number().positive() }),
  /** Lognormal with this mean and standard deviation (the spread). */
  z.strictObject({ kind: z.literal('lognormal'), meanS: z.number().positive(), sdS: z.number().nonnegative() }),
  z.strictObject({ kind: z.literal('fixed'), s: z.number().nonnegative() }),
]);
export type ServiceTime = z.output<typeof serviceTimeSchema>;

/** Looked up by matter, then by queue, then `default`, then the hall's defaultServiceMinutes. */
export const serviceTimeModelSchema = z.strictObject({
  byService: z.record(z.string(), serviceTimeSchema).default({}),
  byQueue: z.record(z.string(), serviceTimeSchema).default({}),
  default: serviceTimeSchema.optional(),
});
export type ServiceTimeModel = z.output<typeof serviceTimeModelSchema>;

/** One citizen taking a ticket, as replayed from a past day. */
export const arrivalSchema = z.strictObject({
  at: epochMs,
  serviceId: id,
  green: z.union([z.boolean(), greenReasonSchema]).default(false),
  appointment: z.strictObject({ slotStart: epochMs, slotEnd: epochMs }).nullable().default(null),
});
export type Arrival = z.output<typeof arrivalSchema>;
export type ArrivalInput = z.input<typeof arrivalSchema>;

const share = z.number().min(0).max(1);

/** Arrivals per hour and queue, drawn as a Poisson process within each hour of opening time. */
export const rateCurveSchema = z.strictObject({
  greenShare: share.default(0),
  appointmentShare: share.default(0),
  queues: z
    .array(
      z.strictObject({
        queue: id,
        /** "09" → tickets per hour between 09:00 and 10:00 (hall time). */
        perHour: z.record(z.string().regex(/^([01]\d|2[0-3])$/, 'hour "00" … "23"'), z.number().nonnegative()),
        /** Relative weights of the queue's matters; every matter of the queue alike when left out. */
        services: z.record(z.string(), z.number().positive()).optional(),
        greenShare: share.optional(),
        appointmentShare: share.optional(),
      }),
    )
    .min(1),
});
export type RateCurve = z.output<typeof rateCurveSchema>;
export type RateCurveInput = z.input<typeof rateCurveSchema>;

export const demandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('replay'), arrivals: z.array(arrivalSchema) }),
  z.strictObject({ kind: z.literal('curve'), curve: rateCurveSchema }),
]);

const shiftSchema = z
  .strictObject({ from: clockTime.optional(), to: clockTime.optional() })
  .refine((s) => s.from === undefined || s.to === undefined || s.from < s.to, {
    message: 'from must be before to',
    path: ['to'],
  });

export const planWindowSchema = z.strictObject({
  /** A window of the hall config (its name, number, queues and green flag are the defaults) or a new one. */
  id: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[A-Za-z0-9_.-]+$/),
  name: z.string().min(1).max(50).optional(),
  number: z.number().int().min(1).max(999).optional(),
  queues: z.union([z.literal('all'), z.array(id).min(1)]).optional(),
  greenChannel: z.boolean().optional(),
  /** When the window is staffed; one shift from opening to the end of extended service when left out. */
  shifts: z.array(shiftSchema).min(1).optional(),
});

export const planPauseSchema = z.strictObject({
  window: id,
  from: clockTime,
  /** Length of the pause from when it begins (after the ticket in hand, if any). */
  minutes: z.number().int().min(1).max(600),
  reason: pauseReasonSchema.default('meal'),
});
export type PlanPause = z.output<typeof planPauseSchema>;

export const planSchema = z.strictObject({
  name: z.string().min(1).max(100).default('plan'),
  windows: z.array(planWindowSchema).min(1),
  pauses: z.array(planPauseSchema).default([]),
  callRules: callRulesSchema.partial().optional(),
  /** Where tickets still waiting at the end of extended service are promised (延时服务); the first green-channel window when left out. */
  carryOverWindow: id.optional(),
});
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** Everything but the plan: what two compared plans share. */
export const demandInputSchema = z.strictObject({
  /** The hall config the plan is a variant of (plain JSON as in db/seed/demo-hall.json, or a parsed one). */
  config: z.unknown(),
  /** The business day simulated (its weekday decides the opening hours). */
  day: isoDay,
  demand: demandSchema,
  serviceTimes: serviceTimeModelSchema.prefault({}),
  /** Share of called tickets nobody answers; the officer waits `waitS`, then marks 过号. */
  noShow: z.strictObject({ share, waitS: z.number().int().min(0).max(3600).default(60) }).optional(),
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
  /** Queue lengths are sampled every this many minutes. */
  sampleMinutes: z.number().int().min(1).max(60).default(5),
});
export type DemandInput = z.output<typeof demandInputSchema>;
export type DemandInputJson = z.input<typeof demandInputSchema>;

export const simulationInputSchema = demandInputSchema.extend({ plan: planSchema });
export type SimulationInput = z.output<typeof simulationInputSchema>;
export type SimulationInputJson = z.input<typeof simulationInputSchema>;
