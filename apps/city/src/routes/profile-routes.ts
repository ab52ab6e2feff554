import { hallProfileSchema, type HallProfile } from '@yichuang/protocol';
import type { Queryable } from '../city-db.ts';
import { HttpError, bearerOf, readJsonBody, sendJson, type Route } from '../http/http-kit.ts';
import { keyMatches } from '../ingest.ts';

/** A profile is the public part of a hall config: well under 1 MB even with 2,000 matters. */
const MAX_PROFILE_BYTES = 1024 * 1024;

/** The profile the city holds for a hall, or null before the hall has sent one. */
export async function readProfile(db: Queryable, hallId: string): Promise<HallProfile | null> {
  const rows = await db.query<{ profile: HallProfile }>('SELECT profile FROM city_hall_profiles WHERE hall_id = $1', [
    hallId,
  ]);
  return rows[0]?.profile ?? null;
}

/** PUT /city/api/halls/:hallId/profile: a hall sends its public profile (its hall key as bearer). */
export const profileRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/city/api/halls/:hallId/profile',
    handle: async (ctx) => {
      const hall = ctx.config.halls.find((h) => h.id === ctx.params.hallId);
      if (hall === undefined || !keyMatches(bearerOf(ctx.req), hall.keyHash))
        throw new HttpError(401, 'BAD_HALL_KEY', '大厅密钥无效 / unknown hall or wrong hall key');
      const parsed = hallProfileSchema.safeParse(await readJsonBody(ctx.req, MAX_PROFILE_BYTES));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new HttpError(
          400,
          'BAD_REQUEST',
          `大厅信息格式错误 / bad profile: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
        );
      }
      // An older version (a late retry) never replaces a newer one.
      const rows = await ctx.db.query<{ version: number }>(
        `INSERT INTO city_hall_profiles (hall_id, version, profile, received_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (hall_id) DO UPDATE SET version = excluded.version, profile = excluded.profile,
           received_at = excluded.received_at
         WHERE city_hall_profiles.version <= excluded.version
         RETURNING version`,
        [hall.id, parsed.data.version, JSON.stringify(parsed.data), ctx.clock()],
      );
      sendJson(ctx.res, 200, { version: rows[0]?.version ?? parsed.data.version, stored: rows.length > 0 });
    },
  },
];
