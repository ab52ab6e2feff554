import { readFileSync } from 'node:fs';
import { z } from 'zod';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lower-case hex digits)');

/** 好差评 upload to the provincial platform (HAOCHA.md); absent: batches are exported by hand. */
export const haochaSettingsSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'url is an http:// or https:// address' }).max(300),
  /** Bearer token the platform gave the city, if it asks for one. */
  token: z.string().min(8).max(500).optional(),
  batchSize: z.number().int().min(1).max(5000).default(500),
  intervalMs: z.number().int().min(1000).max(86_400_000).default(300_000),
  timeoutMs: z.number().int().min(500).max(120_000).default(20_000),
});
export type HaochaSettings = z.output<typeof haochaSettingsSchema>;

/** The city's config file: the halls that may push and the staff who may read. */
export const cityConfigSchema = z.strictObject({
  name: z.string().min(1).max(100).default('城市 / City'),
  haocha: haochaSettingsSchema.optional(),
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
      z
        .strictObject({
          name: z.string().min(1).max(100),
          /** The console login name (with passwordHash); a staff entry without it has an API token only. */
          id: z
            .string()
            .regex(/^[A-Za-z0-9_.-]{1,64}$/)
            .optional(),
          /** `scrypt$…` from `npm run city -- hash-password`; never the password itself. */
          passwordHash: z
            .string()
            .regex(
              /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/,
              'a hash from `npm run city -- hash-password`',
            )
            .optional(),
          /** sha256 (hex) of a bearer token for API clients (scripts, monitoring); optional with a login. */
          tokenHash: sha256Hex.optional(),
          /** null: every hall (city manager); a hall id: that hall only (hall manager). */
          hallId: z.string().nullable().default(null),
        })
        .refine((s) => (s.id === undefined) === (s.passwordHash === undefined), {
          message: 'id and passwordHash come together (a console login)',
          path: ['passwordHash'],
        })
        .refine((s) => s.tokenHash !== undefined || s.id !== undefined, {
          message: 'a staff entry needs a login (id + passwordHash) or an API token (tokenHash)',
          path: ['id'],
        }),
    )
    .max(500)
    .default([])
    .refine(
      (list) =>
        new Set(list.flatMap((s) => (s.id === undefined ? [] : [s.id]))).size ===
        list.filter((s) => s.id !== undefined).length,
      {
        message: 'staff ids are unique',
      },
    ),
});
export type CityConfig = z.output<typeof cityConfigSchema>;

export function loadCityConfig(path: string): CityConfig {
  return cityConfigSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
