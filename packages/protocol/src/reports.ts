import { z } from 'zod';
import { isoDay } from './entities.ts';

/** The longest date range a report covers: a quarter (92 days), so one request cannot scan years of log. */
export const MAX_REPORT_DAYS = 92;

export const reportFormats = ['json', 'csv', 'xlsx'] as const;
export const reportFormatSchema = z.enum(reportFormats);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

const count = z.number().int().nonnegative();
const seconds = z.number().nonnegative();
const minutes = z.number().nonnegative();
const epochMs = z.number().int().nonnegative();

/** Durations in whole seconds; percentiles by nearest rank; all zero when count is 0. */
export const statSchema = z.object({ count, meanS: seconds, p50S: seconds, p90S: seconds });
export type Stat = z.infer<typeof statSchema>;

/** 好差评 of a window, an officer or the hall. satisfiedRate: share of level 4 and 5 (0 when unrated). */
export const ratingSummarySchema = z.object({
  count,
  mean: z.number().min(0).max(5),
  levels: z.object({ '1': count, '2': count, '3': count, '4': count, '5': count }),
  satisfiedRate: z.number().min(0).max(1),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

/** Pause minutes by reason: 离岗 away, 会议 meeting, 用餐 meal, 其他 other. */
export const pauseMinutesSchema = z.object({ away: minutes, meeting: minutes, meal: minutes, other: minutes });
export type PauseMinutes = z.infer<typeof pauseMinutesSchema>;

export const reportTotalsSchema = z.object({
  issued: count,
  served: count,
  noShow: count,
  transferred: count,
  carriedOver: count,
  /** Tickets issued with the green channel (绿色通道). */
  green: count,
  /** Tickets issued by checking in an appointment (预约). */
  appointments: count,
  // ── 导办 guide (issue 17); older reports: absent ──
  /** Tickets a guide issued for a person at the entrance (导办代取). */
  guided: count.default(0),
  /** 绿色通道 granted at the entrance to a ticket already waiting. */
  greenGranted: count.default(0),
  /**
   * Issue to first call, for tickets issued in the range; not those carried over to another day
   * before a call, whose wait would span the night.
   */
  wait: statSchema,
  /** ticket:finished serviceS (start, or call when not started, to finish). */
  service: statSchema,
});
export type ReportTotals = z.infer<typeof reportTotalsSchema>;

export const queueReportSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  name: z.string(),
  /** Counted in the queue the ticket was issued into. */
  issued: count,
  /** Counted in the queue the ticket was in when finished (after any transfer). */
  served: count,
  noShow: count,
  /** Tickets transferred out of this queue. */
  transferred: count,
  carriedOver: count,
  /** By the queue the ticket was issued into: the line the citizen waited in. */
  wait: statSchema,
  service: statSchema,
});
export type QueueReport = z.infer<typeof queueReportSchema>;

export const windowReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  served: count,
  /** Matters handled at its finishes (older reports: absent). */
  matters: count.default(0),
  noShow: count,
  service: statSchema,
  /** Seconds the window held a ticket: from each call to the finish, no-show or transfer that released it. */
  busyS: seconds,
  pauseMinutes: pauseMinutesSchema,
  /** 空岗 minutes during promised hours. */
  emptyPostMinutes: minutes,
  /** Empty posts that began in the range. */
  emptyPosts: count,
  ratings: ratingSummarySchema,
});
export type WindowReport = z.infer<typeof windowReportSchema>;

/** An officer's first sign-in of a day against opening time (提前10分钟上岗). */
export const signInRecordSchema = z.object({
  day: isoDay,
  windowId: z.string(),
  /** Minutes before opening; negative when late. */
  earlyMinutes: z.number().int(),
  /** At least 10 minutes early. */
  early: z.boolean(),
});
export type SignInRecord = z.infer<typeof signInRecordSchema>;

export const officerReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  served: count,
  matters: count.default(0),
  noShow: count,
  service: statSchema,
  pauseMinutes: pauseMinutesSchema,
  signIns: z.array(signInRecordSchema),
  ratings: ratingSummarySchema,
});
export type OfficerReport = z.infer<typeof officerReportSchema>;

/** One hour of the hall's local day, summed over every day of the range (arrivals and waits by hour). */
export const hourReportSchema = z.object({
  hour: z.number().int().min(0).max(23),
  /** Tickets issued in this hour. */
  issued: count,
  /** Tickets finished in this hour. */
  served: count,
  /** Mean wait of the tickets issued in this hour that were called. */
  meanWaitS: seconds,
});
export type HourReport = z.infer<typeof hourReportSchema>;

export const lowRatingSchema = z.object({
  ticketNumber: z.string(),
  windowId: z.string(),
  officerId: z.string(),
  level: z.number().int().min(1).max(5),
  reason: z.string().nullable(),
  at: epochMs,
});
export type LowRating = z.infer<typeof lowRatingSchema>;

export const dayReportSchema = z.object({ day: isoDay, issued: count, served: count, noShow: count });
export type DayReport = z.infer<typeof dayReportSchema>;

/** The hall manager's report for one day or a date range (in the hall's time zone), from the event log. */
/** Appointments for the days of the range (预约), from the appointments themselves, not the tickets. */
export const bookingTotalsSchema = z.object({
  /** Booked and not cancelled. */
  booked: count,
  /** Checked in at the kiosk (a ticket was issued for them). */
  arrived: count,
  /** Neither checked in nor cancelled by the end of their check-in window. */
  noShow: count,
  cancelled: count,
  bySource: z.object({ online: count, phone: count, import: count, staff: count }),
});
export type BookingTotals = z.infer<typeof bookingTotalsSchema>;

/** Matters handled at the windows by outcome (一次叫号办理多项业务: a ticket may carry several). */
export const outcomeCountsSchema = z.object({
  matters: count,
  /** 办结 */
  done: count,
  /** 受理 */
  accepted: count,
  /** 容缺受理 */
  acceptedPending: count,
  /** 不予受理 */
  refused: count,
  /** 一次性告知 */
  notice: count,
});
export type OutcomeCounts = z.infer<typeof outcomeCountsSchema>;

export const matterReportSchema = outcomeCountsSchema.extend({ id: z.string(), name: z.string() });
export type MatterReport = z.infer<typeof matterReportSchema>;

/** Cases (受理件) of the range, from the cases table: opened and finished in it, and open now. */
export const caseTotalsSchema = z.object({
  /** Accepted on a day of the range. */
  opened: count,
  /** Finished on a day of the range; late: after their due day. */
  finished: count,
  finishedLate: count,
  /** Not finished now, and of those past their due day (whenever accepted). */
  openNow: count,
  overdueNow: count,
  /** Refusals (不予受理) of the range by reason code. */
  refusalsByReason: z.record(z.string(), count),
});
export type CaseTotals = z.infer<typeof caseTotalsSchema>;
/**
 * 投诉与差评整改 of the range's days (issue 17), from the complaints and followups tables: counted by the
 * day received or opened; closed and open say where those stand now.
 */
export const complaintTotalsSchema = z.object({
  received: count,
  closed: count,
  open: count,
  byChannel: z.object({ onsite: count, phone: count, hotline: count, letter: count, online: count, other: count }),
  /** Complaints naming a window or an officer, most first. */
  byWindow: z.array(z.object({ id: z.string(), count })),
  byOfficer: z.array(z.object({ id: z.string(), count })),
  followUps: z.object({ opened: count, closed: count, open: count }),
});
export type ComplaintTotals = z.infer<typeof complaintTotalsSchema>;

export const hallReportSchema = z.object({
  from: isoDay,
  to: isoDay,
  hall: z.object({ id: z.string(), name: z.string() }),
  generatedAt: epochMs,
  /** Pauses and empty posts still open were counted up to this moment (the range's end, or now). */
  until: epochMs,
  totals: reportTotalsSchema,
  queues: z.array(queueReportSchema),
  windows: z.array(windowReportSchema),
  officers: z.array(officerReportSchema),
  hours: z.array(hourReportSchema),
  /** The hall's ratings, and every rating of level 2 or less with its reason. */
  ratings: ratingSummarySchema.extend({ low: z.array(lowRatingSchema) }),
  days: z.array(dayReportSchema),
  /** Appointments of the range's days (hubs before appointments: absent). */
  bookings: bookingTotalsSchema.optional(),
  /** Matters and outcomes at finish (hubs before issue 17: absent); a finish without matters is its ticket's own matter, done. */
  outcomes: outcomeCountsSchema.optional(),
  matters: z.array(matterReportSchema).optional(),
  cases: caseTotalsSchema.optional(),
  /** Complaints and follow-ups of the range's days (hubs before issue 17: absent). */
  complaints: complaintTotalsSchema.optional(),
});
export type HallReport = z.infer<typeof hallReportSchema>;
