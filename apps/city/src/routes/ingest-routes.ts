import { HttpError, bearerOf, readJsonBody, sendJson, type Route } from '../http/http-kit.ts';
import { ingest, ingestBodySchema, keyMatches } from '../ingest.ts';

/** POST /city/api/ingest: a hall pushes a batch of its log (its hall key as bearer). */
export const ingestRoutes: Route[] = [
  {
    method: 'POST',
    path: '/city/api/ingest',
    handle: async (ctx) => {
      const raw = await readJsonBody(ctx.req);
      const parsed = ingestBodySchema.safeParse(raw);
      if (!parsed.success)
        throw new HttpError(400, 'BAD_REQUEST', `批次格式错误 / bad batch: ${parsed.error.issues[0]?.message ?? ''}`);
      const hall = ctx.config.halls.find((h) => h.id === parsed.data.hallId);
      if (hall === undefined || !keyMatches(bearerOf(ctx.req), hall.keyHash))
        throw new HttpError(401, 'BAD_HALL_KEY', '大厅密钥无效 / unknown hall or wrong hall key');
      const out = await ingest(ctx.db, parsed.data, ctx.clock());
      if (!out.ok && out.code === 'LOG_MISMATCH') {
        ctx.log(`大厅 ${parsed.data.hallId} 的事件 ${out.seq} 与城市已存的不同 / hall log mismatch at seq ${out.seq}`);
        throw new HttpError(
          409,
          out.code,
          `事件 ${out.seq} 与城市已存的不同（大厅数据库是否重建？）/ event ${out.seq} differs from the one the city holds (was the hall's database started afresh?)`,
        );
      }
      if (!out.ok) throw new HttpError(404, out.code, '城市库中没有该大厅 / hall not in the city database');
      sendJson(ctx.res, 200, { ackSeq: out.ackSeq });
    },
  },
];
