import { z } from 'zod';
import { phoneNumberSchema } from './appointment-api.ts';
import { isoDay } from './entities.ts';
import { optionalQuery, queryDay, queryInt } from './query.ts';

/**
 * 投诉与差评整改 (issue 17; 001 §19, 004 §34). A complaint is recorded by a manager, assigned to an
 * officer and closed with a result; a rating of 2 or less opens a follow-up (差评回访整改) that a
 * manager closes with what was done. The person who complained is kept masked (张*) and hashed in the
 * log; the clear name and phone live in the hub's complaint_contacts table only.
 */

/** How the complaint reached the hall. */
export const complaintChannels = ['onsite', 'phone', 'hotline', 'letter', 'online', 'other'] as const;
export const complaintChannelSchema = z.enum(complaintChannels);
export type ComplaintChannel = z.infer<typeof complaintChannelSchema>;

export const complaintChannelNames: Record<ComplaintChannel, { zh: string; en: string }> = {
  onsite: { zh: '现场', en: 'In person' },
  phone: { zh: '电话', en: 'Phone' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
  letter: { zh: '来信', en: 'Letter' },
  online: { zh: '网上', en: 'Online' },
  other: { zh: '其他', en: 'Other' },
};

/** Open complaints the engine keeps at once: a hall with more has a backlog to clear first. */
export const MAX_OPEN_COMPLAINTS = 500;
/** Rows a complaints list answers with at most. */
export const MAX_COMPLAINT_LIST = 500;

const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max);
const optionalId = z.string().min(1).max(64).optional();

export const complaintRecordFields = {
  /** The person's name: optional, masked in the log, clear in complaint_contacts only. */
  name: z.string().trim().min(1).max(40).optional(),
  phone: phoneNumberSchema.optional(),
  channel: complaintChannelSchema,
  text: text(1000, '请填写投诉内容 / enter what the complaint is about'),
  windowId: optionalId,
  officerId: optionalId,
  /** The ticket number the person names (A012), as they say it. */
  ticketNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{0,3}\d{1,4}$/, '号票格式如 A012 / a ticket number like A012')
    .optional(),
};

export const complaintSchema = z.object({
  id: z.string(),
  receivedAt: z.number().int().nonnegative(),
  day: isoDay,
  channel: complaintChannelSchema,
  /** Masked (张*), or '' when not given. */
  name: z.string(),
  /** Masked (138****5678), or '' when not given. */
  phone: z.string(),
  /** Salted hash of the phone, or null. */
  phoneHash: z.string().nullable(),
  text: z.string(),
  windowId: z.string().nullable(),
  officerId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  recordedBy: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const followUpSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  windowId: z.string(),
  officerId: z.string(),
  level: z.number().int().min(1).max(5),
  reason: z.string().nullable(),
  openedAt: z.number().int().nonnegative(),
  day: isoDay,
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** What the engine keeps of an open complaint: enough to validate assign and close. */
export interface OpenComplaint {
  id: string;
  assignedTo: string | null;
}

export const complaintStatusSchema = z.enum(['open', 'closed']);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

const nullableEpoch = z.number().int().nonnegative().nullable();

/** A complaint as the console lists it. */
export const complaintRecordSchema = complaintSchema.extend({
  status: complaintStatusSchema,
  assignedTo: z.string().nullable(),
  assignedAt: nullableEpoch,
  closedAt: nullableEpoch,
  closedBy: z.string().nullable(),
  result: z.string().nullable(),
});
export type ComplaintRecord = z.infer<typeof complaintRecordSchema>;

export const followUpRecordSchema = followUpSchema.extend({
  status: complaintStatusSchema,
  closedAt: nullableEpoch,
  closedBy: z.string().nullable(),
  action: z.string().nullable(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

export const complaintListSchema = z.object({ complaints: z.array(complaintRecordSchema).max(MAX_COMPLAINT_LIST) });
export const followUpListSchema = z.object({ followUps: z.array(followUpRecordSchema).max(MAX_COMPLAINT_LIST) });

/** GET /api/complaints and /api/followups: status and a period of the receiving day (YYYY-MM-DD), newest first. */
export const complaintListQuerySchema = z.object({
  status: optionalQuery(complaintStatusSchema),
  from: optionalQuery(queryDay),
  to: optionalQuery(queryDay),
  limit: optionalQuery(queryInt(1, MAX_COMPLAINT_LIST)),
  /** Records received before this instant (epoch ms): the next page. */
  before: optionalQuery(queryInt(1, Number.MAX_SAFE_INTEGER)),
});
export type ComplaintListQuery = z.output<typeof complaintListQuerySchema>;

export const complaintAssignBodySchema = z.strictObject({
  requestId: z.string().min(1).max(100),
  officerId: z.string().min(1).max(64),
});
export const complaintCloseBodySchema = z.strictObject({
  requestId: z.string().min(1).max(100),
  result: text(1000, '请填写处理结果 / enter the result'),
});
export const followUpCloseBodySchema = z.strictObject({
  requestId: z.string().min(1).max(100),
  action: text(1000, '请填写整改措施 / enter what was done'),
});
