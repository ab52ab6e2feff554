import { z } from 'zod';
import { isoDay } from './entities.ts';
import { phoneNumberSchema } from './appointment-api.ts';

/**
 * What came of each matter handled at a window visit (一次叫号办理本人多项业务):
 *   done              办结: finished on the spot
 *   accepted          受理: accepted, to be finished within the matter's time limit (a case with a due day)
 *   accepted-pending  容缺受理: accepted with materials to follow (a case that also tracks them)
 *   refused           不予受理: refused, with the reason in writing (a refusal notice)
 *   notice            一次性告知: the missing materials were told on a notice slip
 */
export const matterOutcomes = ['done', 'accepted', 'accepted-pending', 'refused', 'notice'] as const;
export const matterOutcomeSchema = z.enum(matterOutcomes);
export type MatterOutcome = z.infer<typeof matterOutcomeSchema>;

export const matterOutcomeLabels: Record<MatterOutcome, { zh: string; en: string }> = {
  done: { zh: '办结', en: 'Done' },
  accepted: { zh: '受理', en: 'Accepted' },
  'accepted-pending': { zh: '容缺受理', en: 'Accepted, materials to follow' },
  refused: { zh: '不予受理', en: 'Refused' },
  notice: { zh: '一次性告知', en: 'Told what is missing' },
};

/** Why a matter is refused (不予受理); `other` needs the officer's words. */
export const refusalReasons = [
  'out-of-scope',
  'not-competent',
  'conditions-unmet',
  'materials-invalid',
  'false-materials',
  'other',
] as const;
export const refusalReasonSchema = z.enum(refusalReasons);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

export const refusalReasonLabels: Record<RefusalReason, { zh: string; en: string }> = {
  'out-of-scope': { zh: '申请事项不属于本机关职权范围', en: 'Not a matter this authority handles' },
  'not-competent': { zh: '申请人不具备申请资格', en: 'The applicant is not eligible' },
  'conditions-unmet': { zh: '不符合法定受理条件', en: 'The legal conditions are not met' },
  'materials-invalid': { zh: '申请材料不符合法定形式', en: 'The materials are not in the legal form' },
  'false-materials': { zh: '提交材料虚假或与事实不符', en: 'The materials are false' },
  other: { zh: '其他原因', en: 'Other reason' },
};

/** At most this many matters on one ticket's finish. */
export const MAX_FINISH_MATTERS = 10;
/** At most this many materials to follow on one 容缺受理. */
export const MAX_PENDING_MATERIALS = 20;

const id = z.string().min(1).max(64);
const line = z.string().trim().min(1, '不能为空 / must not be empty').max(100);

export const finishMatterSchema = z
  .strictObject({
    serviceId: id,
    outcome: matterOutcomeSchema,
    refusalReason: refusalReasonSchema.optional(),
    /** The officer's words: the refusal's reason in full, or a note on the matter. */
    note: z.string().trim().max(200).optional(),
    /** 容缺受理: what the citizen still has to bring. */
    pendingMaterials: z.array(line).max(MAX_PENDING_MATERIALS).optional(),
    /** 一次性告知: the notice slip issued for this matter. */
    noticeId: id.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.outcome === 'refused' && m.refusalReason === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['refusalReason'],
        message: '不予受理须选择理由 / a refusal needs a reason',
      });
    if (m.outcome === 'refused' && m.refusalReason === 'other' && (m.note ?? '').length === 0)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '请写明不予受理的理由 / write the reason' });
    if (m.outcome === 'accepted-pending' && (m.pendingMaterials ?? []).length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['pendingMaterials'],
        message: '容缺受理须列出待补材料 / list the materials to follow',
      });
  });
export type FinishMatter = z.infer<typeof finishMatterSchema>;

/** Extra fields of `window:finish`: all optional; left out, the ticket's own matter is done (办结). */
export const finishFields = {
  matters: z
    .array(finishMatterSchema)
    .min(1)
    .max(MAX_FINISH_MATTERS)
    .refine((ms) => new Set(ms.map((m) => m.serviceId)).size === ms.length, '同一事项只能选一次 / a matter twice')
    .optional(),
  /** The applicant's name, printed on a receipt or refusal notice (the log keeps it masked). */
  citizenName: z.string().trim().min(1).max(40).optional(),
  /** The applicant's mobile: proves the case on the progress page (the log keeps only its salted hash). */
  phone: phoneNumberSchema.optional(),
};

/** One matter of a finished ticket as the log records it. */
export const matterRecordSchema = z.object({
  serviceId: z.string(),
  outcome: matterOutcomeSchema,
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  refusalId: z.string().nullable(),
  refusalNo: z.string().nullable(),
  noticeId: z.string().nullable(),
  refusalReason: refusalReasonSchema.nullable(),
  note: z.string(),
});
export type MatterRecord = z.infer<typeof matterRecordSchema>;

export const caseStatuses = ['open', 'materials-received', 'done'] as const;
export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

const epochMs = z.number().int().nonnegative();

/** An accepted matter to be finished by its due day (限时办结). */
export const caseSchema = z.object({
  id: z.string(),
  /** 受理编号, unique in the hall: SL + YYYYMMDD + '-' + serial. */
  no: z.string(),
  day: isoDay,
  serviceId: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  windowId: z.string(),
  /** Who accepted it. */
  officerId: z.string(),
  kind: z.enum(['accepted', 'accepted-pending']),
  pendingMaterials: z.array(z.string()),
  acceptedAt: epochMs,
  /** Working days allowed (the hall's closed days and days without hours do not count). */
  timeLimitDays: z.number().int().nonnegative(),
  dueDay: isoDay,
  status: caseStatusSchema,
  materialsReceivedAt: epochMs.nullable(),
  doneAt: epochMs.nullable(),
  doneBy: z.string().nullable(),
  /** Salted hash of the applicant's mobile, for the progress page; null when none was given. */
  phoneHash: z.string().nullable(),
  /** Masked (张*): the clear name lives only in the hub's contacts table. */
  contactName: z.string(),
});
export type Case = z.infer<typeof caseSchema>;

/** A refused matter (不予受理告知书). */
export const refusalSchema = z.object({
  id: z.string(),
  /** BY + YYYYMMDD + '-' + serial. */
  no: z.string(),
  day: isoDay,
  serviceId: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  windowId: z.string(),
  officerId: z.string(),
  reason: refusalReasonSchema,
  note: z.string(),
  /** The legal basis printed on the notice: the matter's `basis` from the catalogue. */
  basis: z.string(),
  at: epochMs,
  contactName: z.string(),
});
export type Refusal = z.infer<typeof refusalSchema>;

/** A printed slip of a visit: the acceptance receipt of a case, or a refusal notice. */
export const slipKinds = ['receipt', 'refusal'] as const;
export const slipKindSchema = z.enum(slipKinds);
export type SlipKind = z.infer<typeof slipKindSchema>;

export const caseUpdateFields = {
  caseId: id,
  /** materials-received: the 容缺 materials came in; done: the matter is finished (办结). */
  action: z.enum(['materials-received', 'done']),
  note: z.string().trim().max(200).optional(),
};

/** A case as the progress page shows it: no names, no phone. */
export const caseProgressSchema = z.object({
  no: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  kind: caseSchema.shape.kind,
  status: caseStatusSchema,
  acceptedAt: epochMs,
  dueDay: isoDay,
  pendingMaterials: z.array(z.string()),
  materialsReceivedAt: epochMs.nullable(),
  doneAt: epochMs.nullable(),
  overdue: z.boolean(),
});
export type CaseProgress = z.infer<typeof caseProgressSchema>;

/** A case as the console lists it: working days left (negative: overdue), and whether it is due soon. */
export const caseViewSchema = caseSchema.extend({
  /** Working days until the due day: 0 on it, negative once past. Null once done. */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const caseListQuerySchema = z.strictObject({
  status: z.enum(['open', 'done', 'all', 'overdue', 'due-soon']).default('open'),
  from: isoDay.optional(),
  to: isoDay.optional(),
  windowId: z.string().min(1).max(64).optional(),
});

export const caseLookupBodySchema = z.strictObject({
  no: z
    .string()
    .trim()
    .regex(/^[Ss][Ll]\d{8}-\d{3,4}$/, '受理编号形如 SL20261206-001 / a case number looks like SL20261206-001'),
  phone: phoneNumberSchema,
});
