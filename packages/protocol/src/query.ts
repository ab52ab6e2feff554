import { z } from 'zod';
import { isoDay } from './entities.ts';

/**
 * Query strings are parsed like bodies: every route that reads one names its schema. A key sent
 * empty (`?type=`) counts as left out; a key sent twice (an array) is refused.
 */
const absentWhenEmpty = (v: unknown): unknown => (v === '' ? undefined : v);
export const optionalQuery = <T extends z.ZodType>(schema: T) => z.preprocess(absentWhenEmpty, schema.optional());

/** The earliest and latest day any query may name (the hub narrows the latest to a year after today). */
export const FIRST_QUERY_DAY = '2000-01-01';
export const LAST_QUERY_DAY = '2099-12-31';

/** A day in a query: an existing YYYY-MM-DD between 2000 and 2099. */
export const queryDay = isoDay.refine(
  (d) => d >= FIRST_QUERY_DAY && d <= LAST_QUERY_DAY,
  `日期应在 ${FIRST_QUERY_DAY} 至 ${LAST_QUERY_DAY} 之间 / day must be between ${FIRST_QUERY_DAY} and ${LAST_QUERY_DAY}`,
);

/** Query keys that name a day: the hub also refuses any of them more than a year after today. */
export const DAY_QUERY_KEYS = ['date', 'day', 'from', 'to'] as const;

/** A whole number in a query string, within bounds. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Free text in a query (a filter), bounded. */
export const queryText = (max: number) => z.string().min(1).max(max);

/** Routes that read no query string still parse it: whatever is sent is ignored, nothing is read. */
export const noQuery = z.object({});
