import type { Ack } from '@yichuang/protocol';
import { businessDay } from '@yichuang/engine';
import type { HubContext } from '../hub-context.ts';
import { readHallReport } from '../reports/read-report.ts';
import { reportCsv } from '../reports/report-csv.ts';
import {
  dailyReportQuerySchema,
  parseDailyQuery,
  parseRangeQuery,
  rangeReportQuerySchema,
  reportPeriod,
  type ReportRequest,
} from '../reports/report-period.ts';
import { reportSections } from '../reports/report-sections.ts';
import { reportXlsx } from '../reports/report-xlsx.ts';
import { FileReply, type RouteSpec } from './route-spec.ts';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function report(hub: HubContext, asked: Ack<ReportRequest>): Promise<Ack<unknown>> {
  if (!asked.ok) return asked;
  const { from, to, format } = asked.data;
  const config = hub.bus.config;
  const data = await readHallReport(hub.db, config, reportPeriod(config.hall.timezone, from, to), hub.clock());
  if (format === 'json') return { ok: true, data };
  const sections = reportSections(data, config.hall.timezone);
  const name = `report-${config.hall.id}-${from === to ? from : `${from}_${to}`}`;
  if (format === 'csv') return { ok: true, data: new FileReply(CSV, `${name}.csv`, reportCsv(sections)) };
  return { ok: true, data: new FileReply(XLSX, `${name}.xlsx`, await reportXlsx(sections, data.generatedAt)) };
}

/** Reports for the hall manager, from the event log; JSON, or a CSV / XLSX download. */
export const reportRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/reports/daily',
    summary:
      'Daily report (?date=YYYY-MM-DD, default today in the hall time zone; &format=json|csv|xlsx): ' +
      'tickets, waits and service times per queue, window and officer, pauses, empty posts, sign-ins, ratings',
    auth: ['manager'],
    query: dailyReportQuerySchema,
    handle: (hub, req) =>
      report(hub, parseDailyQuery(req.query, businessDay(hub.clock(), hub.bus.config.hall.timezone))),
  },
  {
    method: 'GET',
    url: '/api/reports/range',
    summary: 'The report over a date range (?from=&to=, YYYY-MM-DD, at most 92 days; &format=json|csv|xlsx)',
    auth: ['manager'],
    query: rangeReportQuerySchema,
    handle: (hub, req) => report(hub, parseRangeQuery(req.query)),
  },
];
