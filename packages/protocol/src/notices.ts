import { z } from 'zod';
import { isoDay } from './entities.ts';

/** Free lines an officer may add to a notice beyond the matter's own checklist (annex 2 of the rules). */
export const MAX_FREE_NOTICE_LINES = 6;

const line = z.string().trim().min(1, '不能为空 / must not be empty').max(100);

/** A one-time notice slip (一次性告知单) as stored and sent. */
export const noticeSchema = z.object({
  id: z.string(),
  /** Printed serial number, unique in the hall: YYYYMMDD-NNN. */
  no: z.string(),
  day: isoDay,
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  windowId: z.string(),
  officerId: z.string(),
  serviceId: z.string(),
  citizenName: z.string(),
  /** Missing materials: items of the matter's checklist first, then free lines. */
  missing: z.array(z.string()),
  createdAt: z.number().int().nonnegative(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticeCreateFields = {
  ticketId: z.string().min(1).max(64).optional(),
  citizenName: z.string().trim().min(1, '请填写群众姓名 / enter the citizen name').max(40),
  serviceId: z.string().min(1).max(64),
  missing: z.array(line).min(1, '请至少选择一项缺少的材料 / tick at least one missing item').max(40),
};

/** What a notice's print history looks like when read back. */
export interface NoticeRecord extends Notice {
  prints: { at: number; printerId: string; ok: boolean; reprint: boolean; error: string | null }[];
}

/** The five national 好差评 levels, 5 best. */
export const ratingLevels = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof ratingLevels)[number];
/** A level at or below this needs a reason. */
export const LOW_RATING = 2;

/** The short list offered for a low rating; free text is accepted too. */
export const ratingReasons = ['waited-long', 'attitude', 'slow', 'unclear', 'not-done', 'repeated-trips'] as const;
export type RatingReasonCode = (typeof ratingReasons)[number];

export const ratingSchema = z.object({
  ticketId: z.string(),
  ticketNumber: z.string(),
  windowId: z.string(),
  officerId: z.string(),
  level: z.number().int().min(1).max(5),
  /** A code of `ratingReasons` or the citizen's own words. */
  reason: z.string().nullable(),
  /** Where the rating came from: `citizen` is their own ticket page; `officer` only in logs from before officers were barred. */
  via: z.enum(['officer', 'rater', 'pad', 'citizen']),
  at: z.number().int().nonnegative(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const ratingCreateFields = {
  ticketId: z.string().min(1).max(64),
  level: z.number().int().min(1, '评价等级为 1 到 5 / level is 1 to 5').max(5, '评价等级为 1 到 5 / level is 1 to 5'),
  reason: z.string().trim().min(1).max(200).optional(),
};

export const lowRatingNeedsReason = (r: { level: number; reason?: string | undefined }): boolean =>
  r.level > LOW_RATING || (r.reason !== undefined && r.reason.length > 0);
export const LOW_RATING_MESSAGE = '评价为不满意时请选择原因 / a level of 2 or less needs a reason';
