import { z } from 'zod';
import { phoneNumberSchema } from './appointment-api.ts';
import { isoDay } from './entities.ts';
import { optionalQuery, queryDay, queryInt } from './query.ts';

/**
 * Messages to citizens (短信/微信提醒, issue 16): the templates, the REST bodies and answers.
 * A message carries no personal data beyond the ticket number; the phone is shown masked (138****5678).
 */

/** A mainland mobile number: 11 digits, 1 then 3–9 (the rule of phoneNumberSchema). */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
/** The booking's phone rule, under the name the notify routes use. */
export const phoneSchema = phoneNumberSchema;

export const notifyTemplates = [
  'called',
  'ahead',
  'transferred',
  'carried',
  'notice',
  'no-show',
  'code',
  'case-accepted',
  'case-done',
] as const;
export const notifyTemplateSchema = z.enum(notifyTemplates);
export type NotifyTemplate = z.infer<typeof notifyTemplateSchema>;

export const notifyChannels = ['sms', 'wechat'] as const;
export type NotifyChannel = (typeof notifyChannels)[number];

export const notifyStatuses = ['queued', 'sent', 'failed', 'dead'] as const;
export const notifyStatusSchema = z.enum(notifyStatuses);
export type NotifyStatus = z.infer<typeof notifyStatusSchema>;

/** A template's fields: short strings only (a ticket number, a window's name, a count, a day, item names). */
export const notifyParamsSchema = z.record(z.string().max(40), z.string().max(200));
export type NotifyParams = z.infer<typeof notifyParamsSchema>;

/** The longest text one SMS carries without splitting (70 characters in UCS-2). */
export const MESSAGE_MAX_CHARS = 70;

const TEXTS: Record<NotifyTemplate, { zh: string; en: string }> = {
  called: { zh: '请{number}号到{window}办理。', en: '{number}: please go to {window}.' },
  ahead: { zh: '{number}号，您前面还有{n}人，请留意叫号。', en: '{number}: {n} ahead of you, stay near.' },
  transferred: { zh: '{number}号已转至{to}，请留意叫号。', en: '{number} moved to {to}; wait for your call.' },
  carried: {
    zh: '{number}号已顺延至{day}，当天在{window}优先办理。',
    en: '{number} carried over to {day}, first at {window}.',
  },
  notice: { zh: '{number}号尚缺材料：{items}。补齐后再来办理。', en: '{number} still needs: {items}.' },
  'no-show': { zh: '{number}号已过号，如需办理请重新取号。', en: '{number} was missed; take a new ticket.' },
  code: { zh: '验证码{code}，5分钟内有效，请勿告诉他人。', en: 'Code {code}, valid 5 min. Share with no one.' },
  'case-accepted': {
    zh: '{matter}已受理，受理编号{no}，承诺{day}前办结，可凭编号查询进度。',
    en: '{matter} accepted, case {no}, due by {day}.',
  },
  'case-done': {
    zh: '受理编号{no}的{matter}已办结，请按受理回执所示领取。',
    en: 'Case {no} ({matter}) is done: collect as your receipt says.',
  },
};

/** Names templates carry in the console. */
export const notifyTemplateNames: Record<NotifyTemplate, { zh: string; en: string }> = {
  called: { zh: '叫号', en: 'Called' },
  ahead: { zh: '即将到号', en: 'Almost your turn' },
  transferred: { zh: '转办', en: 'Transferred' },
  carried: { zh: '顺延', en: 'Carried over' },
  notice: { zh: '一次性告知', en: 'Missing materials' },
  'no-show': { zh: '过号', en: 'Missed' },
  code: { zh: '验证码', en: 'One-time code' },
  'case-accepted': { zh: '已受理', en: 'Case accepted' },
  'case-done': { zh: '已办结', en: 'Case done' },
};

/** A template's text with its fields filled in; one placeholder left out stays empty. */
export function renderMessage(template: NotifyTemplate, params: NotifyParams, lang: 'zh' | 'en' = 'zh'): string {
  return TEXTS[template][lang].replace(/\{(\w+)\}/g, (_m, key: string) => params[key] ?? '');
}

/** A message as the console sees it: the phone masked. */
export const notifyMessageSchema = z.object({
  id: z.number().int(),
  dedupeKey: z.string(),
  channel: z.enum(notifyChannels),
  /** 138****5678 */
  phone: z.string(),
  ticketId: z.string().nullable(),
  template: notifyTemplateSchema,
  params: notifyParamsSchema,
  /** The Chinese text as it is (or was) sent. */
  text: z.string(),
  status: notifyStatusSchema,
  attempts: z.number().int().nonnegative(),
  nextAt: z.number().int(),
  createdAt: z.number().int(),
  sentAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export type NotifyMessage = z.infer<typeof notifyMessageSchema>;

/** Whether messages go out at all, and how. */
export const notifyProviderStatusSchema = z.object({
  enabled: z.boolean(),
  provider: z.enum(['log', 'webhook', 'wechat']),
  /** The gateway's host (no path, no secret), or null for `log`. */
  gateway: z.string().nullable(),
  /** The last answer of the gateway: ok, or what went wrong. */
  lastOutcome: z.enum(['none', 'ok', 'retry', 'refused']),
  lastOutcomeAt: z.number().int().nullable(),
  lastError: z.string().nullable(),
  /** Messages being sent right now. */
  inFlight: z.number().int().nonnegative(),
});
export type NotifyProviderStatus = z.infer<typeof notifyProviderStatusSchema>;

/** Rows per page of `GET /api/notify/messages`. */
export const NOTIFY_PAGE_MAX = 200;

export const notifyListQuerySchema = z.object({
  day: optionalQuery(queryDay),
  status: optionalQuery(notifyStatusSchema),
  /** Messages with an id below this (the next page, newest first). */
  before: optionalQuery(queryInt(1, Number.MAX_SAFE_INTEGER)),
  limit: optionalQuery(queryInt(1, NOTIFY_PAGE_MAX)),
});

export const notifyListSchema = z.object({
  day: isoDay,
  /** Counts of the whole day, by status (not only this page). */
  counts: z.object({
    queued: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    dead: z.number().int(),
  }),
  messages: z.array(notifyMessageSchema),
  /** Pass as `before` for the next page; null when this is the last. */
  nextBefore: z.number().int().nullable(),
  provider: notifyProviderStatusSchema,
});
export type NotifyList = z.infer<typeof notifyListSchema>;

export const notifyRetrySchema = z.object({ message: notifyMessageSchema });

/** `POST /api/tickets/:id/contact`: the phone a citizen leaves for notices about that ticket. */
export const ticketContactBodySchema = z.strictObject({
  phone: phoneSchema,
  channel: z.enum(notifyChannels).default('sms'),
});

export const ticketContactSchema = z.object({
  ticketId: z.string(),
  /** Masked. */
  phone: z.string(),
  channel: z.enum(notifyChannels),
  /** Whether the hall sends messages at all now (when not, the phone is kept for when it does). */
  notifying: z.boolean(),
});
export type TicketContact = z.infer<typeof ticketContactSchema>;
