import { z } from 'zod';
import { MAX_REPORT_DAYS } from '@yichuang/protocol';
import { HttpError, sendJson, type Route } from '../http/http-kit.ts';
import { requireHall, requireStaff } from '../http/staff-auth.ts';
import { cityReport } from '../reports/city-report.ts';
import { reportXlsx } from '../../../hub/src/reports/report-xlsx.ts';
import { cityReportCsv, cityReportSections } from '../reports/report-csv.ts';

const day = z.iso.date();
const querySchema = z
  .strictObject({
    from: day,
    to: day,
    hallId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  })
  .refine((q) => q.from <= q.to, { message: 'from is on or before to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    message: `at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });

/** GET /city/api/reports?from=&to=[&hallId=][&format=json|csv|xlsx]: every hall's report over the days and the city's sums. */
export const reportRoutes: Route[] = [
  {
    method: 'GET',
    path: '/city/api/reports',
    handle: async (ctx) => {
      const who = requireStaff(ctx);
      const parsed = querySchema.safeParse(Object.fromEntries(ctx.url.searchParams));
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new HttpError(
          400,
          'BAD_REQUEST',
          `查询条件有误 / bad query: ${i?.path.join('.') ?? ''} ${i?.message ?? ''}`,
        );
      }
      const q = parsed.data;
      const only = q.hallId ?? who.hallId;
      if (only !== null) requireHall(who, only);
      const halls = await ctx.db.query<{ hall_id: string; name: string; clock_offset: number | null }>(
        'SELECT hall_id, name, clock_offset FROM halls WHERE $1::text IS NULL OR hall_id = $1 ORDER BY hall_id',
        [only],
      );
      if (only !== null && halls.length === 0) throw new HttpError(404, 'UNKNOWN_HALL', '没有该大厅 / no such hall');
      const report = await cityReport(
        ctx.db,
        halls.map((h) => ({ hallId: h.hall_id, name: h.name, clockOffset: h.clock_offset })),
        q.from,
        q.to,
        ctx.clock(),
      );
      if (q.format === 'json') return sendJson(ctx.res, 200, report);
      const body =
        q.format === 'csv'
          ? Buffer.from(cityReportCsv(report), 'utf8')
          : await reportXlsx(cityReportSections(report), report.generatedAt);
      ctx.res.writeHead(200, {
        'content-type':
          q.format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-length': body.length,
        'content-disposition': `attachment; filename="city-report-${q.from}-${q.to}.${q.format}"`,
        'cache-control': 'no-store',
      });
      ctx.res.end(body);
    },
  },
];
