import { cityOverview } from '../console/city-overview.ts';
import { hallDetail } from '../console/hall-detail.ts';
import { HttpError, sendJson, type Route } from '../http/http-kit.ts';
import { requireHall, requireStaff } from '../http/staff-auth.ts';

/** The city console's live reads: every hall at a glance, and one hall read-only. Never a write to a hall. */
export const consoleRoutes: Route[] = [
  {
    method: 'GET',
    path: '/city/api/overview',
    handle: async (ctx) => {
      const who = requireStaff(ctx);
      const now = ctx.clock();
      sendJson(ctx.res, 200, { city: ctx.config.name, now, halls: await cityOverview(ctx.db, who.hallId, now) });
    },
  },
  {
    method: 'GET',
    path: '/city/api/halls/:hallId',
    handle: async (ctx) => {
      const who = requireStaff(ctx);
      const hallId = ctx.params.hallId ?? '';
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(hallId)) throw new HttpError(400, 'BAD_REQUEST', '大厅编号无效 / bad hall id');
      requireHall(who, hallId);
      const detail = await hallDetail(ctx.db, hallId, ctx.clock());
      if (detail === null) throw new HttpError(404, 'UNKNOWN_HALL', '没有该大厅 / no such hall');
      sendJson(ctx.res, 200, detail);
    },
  },
];
