import { z } from 'zod';
import { clockTime, isoDay } from '@yichuang/protocol';
import {
  demandInputSchema,
  planSchema,
  planWindowSchema,
  rateCurveSchema,
  serviceTimeModelSchema,
} from '@yichuang/simulator';

/**
 * The body of POST /api/simulation/run: the simulator's own schemas, with Chinese messages on the
 * checks a manager trips over in the console (a window with no queue, a shift that ends before it
 * starts), so the refusal can be shown as it comes. The simulator parses the same values again.
 */

const shift = z
  .strictObject({ from: clockTime.optional(), to: clockTime.optional() })
  .refine((s) => s.from === undefined || s.to === undefined || s.from < s.to, {
    message: '上岗时间须早于下岗时间 / a shift must start before it ends',
    path: ['to'],
  });

const planWindow = planWindowSchema.extend({
  queues: z
    .union([
      z.literal('all'),
      z.array(z.string().min(1).max(64)).min(1, '每个窗口至少办理一个队列 / a window must serve at least one queue'),
    ])
    .optional(),
  shifts: z.array(shift).min(1).optional(),
});

const plan = planSchema.extend({
  windows: z.array(planWindow).min(1, '方案至少要开一个窗口 / a plan opens at least one window'),
});

export const runRequestSchema = z.strictObject({
  demand: z.discriminatedUnion('kind', [
    /** Replay the tickets of a past day (its arrivals; its service-time fits unless serviceTimes is given). */
    z.strictObject({ kind: z.literal('replay'), day: isoDay }),
    z.strictObject({ kind: z.literal('curve'), curve: rateCurveSchema }),
  ]),
  /** The day simulated (its weekday sets the hours): the replayed day, or today / the next open day for a curve. */
  on: isoDay.optional(),
  serviceTimes: serviceTimeModelSchema.optional(),
  /** One plan, or two compared on the same citizens (common random numbers). */
  plans: z.union([z.tuple([plan]), z.tuple([plan, plan])]),
  seed: demandInputSchema.shape.seed,
  noShow: demandInputSchema.shape.noShow,
});
export type RunRequest = z.output<typeof runRequestSchema>;
export type RunRequestJson = z.input<typeof runRequestSchema>;

/** A curve with more citizens than this a day is refused: no hall sees it, and it would only tie up the worker. */
export const MAX_CURVE_ARRIVALS = 50_000;
