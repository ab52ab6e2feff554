import { z } from 'zod';
import { batchCsv, buildBatch, type HaochaBatch } from '../haocha/haocha-batch.ts';
import { HttpError, sendJson, type CityContext, type Route } from '../http/http-kit.ts';
import { requireStaff } from '../http/staff-auth.ts';

/** 好差评 upload is the city's business: city managers only, not a hall's manager. */
function requireCityManager(ctx: CityContext): void {
  if (requireStaff(ctx).hallId !== null)
    throw new HttpError(403, 'FORBIDDEN', '仅市局管理人员可操作好差评上报 / city managers only');
}

const idSchema = z.string().regex(/^HC\d{8}-[0-9a-f]{12}$/);
const formatSchema = z.enum(['json', 'csv']).default('json');

/** The batches for the provincial 好差评 platform: list, read one as sent (JSON or CSV), build the next. */
export const haochaRoutes: Route[] = [
  {
    method: 'GET',
    path: '/city/api/haocha/batches',
    handle: async (ctx) => {
      requireCityManager(ctx);
      const rows = await ctx.db.query<Record<string, unknown>>(
        `SELECT id, created_at, count, first_id, last_id, sha256, status, attempts, last_error, sent_at FROM haocha_batches
          ORDER BY created_at DESC, id DESC LIMIT 200`,
      );
      const unsent = await ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM city_ratings r
          WHERE NOT EXISTS (SELECT 1 FROM haocha_items i WHERE i.hall_id = r.hall_id AND i.seq = r.seq)`,
      );
      sendJson(ctx.res, 200, {
        notInBatch: unsent[0]?.n ?? 0,
        batches: rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at,
          count: r.count,
          first: r.first_id ?? null,
          last: r.last_id ?? null,
          sha256: r.sha256,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error ?? null,
          sentAt: r.sent_at ?? null,
        })),
      });
    },
  },
  {
    method: 'GET',
    path: '/city/api/haocha/batches/:id',
    handle: async (ctx) => {
      requireCityManager(ctx);
      const id = idSchema.safeParse(ctx.params.id);
      const format = formatSchema.safeParse(ctx.url.searchParams.get('format') ?? undefined);
      if (!id.success || !format.success)
        throw new HttpError(400, 'BAD_REQUEST', '批次编号或格式有误 / bad batch id or format');
      const rows = await ctx.db.query<{ body: string }>('SELECT body FROM haocha_batches WHERE id = $1', [id.data]);
      if (rows[0] === undefined) throw new HttpError(404, 'UNKNOWN_BATCH', '没有该批次 / no such batch');
      const text = format.data === 'json' ? rows[0].body : batchCsv(JSON.parse(rows[0].body) as HaochaBatch);
      const body = Buffer.from(text, 'utf8');
      ctx.res.writeHead(200, {
        'content-type': format.data === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
        'content-length': body.length,
        'content-disposition': `attachment; filename="${id.data}.${format.data}"`,
        'cache-control': 'no-store',
      });
      ctx.res.end(body);
    },
  },
  {
    method: 'POST',
    path: '/city/api/haocha/batches',
    handle: async (ctx) => {
      requireCityManager(ctx);
      const batch = await buildBatch(ctx.db, ctx.clock(), ctx.config.haocha?.batchSize);
      if (batch === null) return sendJson(ctx.res, 200, { batch: null });
      sendJson(ctx.res, 201, { batch: { id: batch.batchId, count: batch.count } });
    },
  },
];
