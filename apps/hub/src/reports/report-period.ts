import { z } from 'zod';
import {
  fail,
  isoDay,
  MAX_REPORT_DAYS,
  optionalQuery,
  queryDay,
  reportFormatSchema,
  type Ack,
  type ReportFormat,
} from '@yichuang/protocol';
import { addDays, dayRange, localToEpoch } from '@yichuang/engine';

/** The days a report covers and their bounds in the hall's time zone. */
export interface ReportPeriod {
  from: string;
  to: string;
  days: string[];
  /** Local midnight starting `from`. */
  start: number;
  /** Local midnight ending `to` (exclusive). */
  end: number;
}

export function reportPeriod(timezone: string, from: string, to: string): ReportPeriod {
  const days = dayRange(from, to, MAX_REPORT_DAYS);
  return {
    from,
    to,
    days,
    start: localToEpoch(from, '00:00', timezone),
    end: localToEpoch(addDays(to, 1), '00:00', timezone),
  };
}

export interface ReportRequest {
  from: string;
  to: string;
  format: ReportFormat;
}

type Query = Record<string, unknown>;

/** The query strings of the daily and range reports; parseDailyQuery / parseRangeQuery then check how they fit together. */
export const dailyReportQuerySchema = z.object({
  date: optionalQuery(queryDay),
  format: optionalQuery(reportFormatSchema),
});
export const rangeReportQuerySchema = z.object({
  from: optionalQuery(queryDay),
  to: optionalQuery(queryDay),
  format: optionalQuery(reportFormatSchema),
});

/** `?date=YYYY-MM-DD` (default today) `&format=`. */
export function parseDailyQuery(query: Query, today: string): Ack<ReportRequest> {
  const raw = query.date;
  const date = raw === undefined || raw === '' ? ok(today) : dayParam(raw, 'date');
  if (!date.ok) return date;
  const format = formatParam(query.format);
  if (!format.ok) return format;
  return ok({ from: date.data, to: date.data, format: format.data });
}

/** `?from=&to=` (both required, at most MAX_REPORT_DAYS days) `&format=`. */
export function parseRangeQuery(query: Query): Ack<ReportRequest> {
  if (query.from === undefined || query.to === undefined)
    return invalid('请同时提供 from 和 to（YYYY-MM-DD） / from and to (YYYY-MM-DD) are both required', 'from');
  const from = dayParam(query.from, 'from');
  if (!from.ok) return from;
  const to = dayParam(query.to, 'to');
  if (!to.ok) return to;
  if (from.data > to.data) return invalid(`开始日期 ${from.data} 晚于结束日期 ${to.data} / from is after to`, 'from');
  const days = Math.round((Date.parse(to.data) - Date.parse(from.data)) / 86_400_000) + 1;
  if (days > MAX_REPORT_DAYS)
    return invalid(
      `报表最长 ${MAX_REPORT_DAYS} 天，所选为 ${days} 天 / a report covers at most ${MAX_REPORT_DAYS} days, asked for ${days}`,
      'to',
    );
  const format = formatParam(query.format);
  if (!format.ok) return format;
  return ok({ from: from.data, to: to.data, format: format.data });
}

function dayParam(raw: unknown, field: string): Ack<string> {
  if (typeof raw === 'string' && isoDay.safeParse(raw).success) return ok(raw);
  const shown = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return invalid(
    `${field} 日期无效：${shown}，应为 YYYY-MM-DD / ${field} must be an existing day as YYYY-MM-DD`,
    field,
  );
}

function formatParam(raw: unknown): Ack<ReportFormat> {
  if (raw === undefined || raw === '') return ok('json');
  const parsed = reportFormatSchema.safeParse(raw);
  return parsed.success
    ? ok(parsed.data)
    : invalid('format 应为 json、csv 或 xlsx / format must be json, csv or xlsx', 'format');
}

const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
const invalid = (message: string, field: string): { ok: false; error: ReturnType<typeof fail> } => ({
  ok: false,
  error: fail('VALIDATION_FAILED', message, field),
});
