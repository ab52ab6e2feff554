import { readFileSync } from 'node:fs';
import { z } from 'zod';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lower-case hex digits)');

/** The city's config file: the halls that may push and the staff who may read. */
export const cityConfigSchema = z.strictObject({
  name: z.string().min(1).max(100).default('城市 / City'),
  halls: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
        name: z.string().min(1).max(100),
        /** sha256 (hex) of the hall's key; the hall's config carries the key itself (city.hallKey). */
        keyHash: sha256Hex,
      }),
    )
    .max(500),
  staff: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(100),
        /** sha256 (hex) of the bearer token. */
        tokenHash: sha256Hex,
        /** null: every hall (city manager); a hall id: that hall only (hall manager). */
        hallId: z.string().nullable().default(null),
      }),
    )
    .max(500)
    .default([]),
});
export type CityConfig = z.output<typeof cityConfigSchema>;

export function loadCityConfig(path: string): CityConfig {
  return cityConfigSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
