import type { Lang } from '@yichuang/ui';

/** The ticket page's words for a transfer and the citizen's own 好差评 (the rest are `tp.*` in @yichuang/ui). */
const zh = {
  queue: '排队队列：{queue}',
  transferred: '您的号票已转办',
  transferredQueue: '现排在「{queue}」',
  transferredWindow: '请留意 {window} 叫号',
  transferredHint: '号码不变，无需重新取号',
  remoteArrive: '线上取号：到达大厅后请在取号机「预约签到 → 手机号」签到，或告诉窗口工作人员；叫号后未签到将过号',
  remoteArrived: '线上取号 · 已签到',
  'rate.title': '请对本次服务进行评价',
  'rate.hint': '匿名评价，仅用于改进服务',
  'rate.level.5': '非常满意',
  'rate.level.4': '满意',
  'rate.level.3': '基本满意',
  'rate.level.2': '不满意',
  'rate.level.1': '非常不满意',
  'rate.reasonTitle': '请告诉我们哪里做得不好（选择或填写一项）',
  'rate.reason.waited-long': '等候时间太长',
  'rate.reason.attitude': '服务态度不好',
  'rate.reason.slow': '办理效率低',
  'rate.reason.unclear': '告知不清楚',
  'rate.reason.not-done': '事情没有办成',
  'rate.reason.repeated-trips': '让我多跑了路',
  'rate.other': '其他原因（请输入）',
  'rate.needReason': '请选择或填写一个原因',
  'rate.submit': '提交评价',
  'rate.sending': '正在提交…',
  'rate.thanks': '感谢您的评价！',
  'rate.yours': '您的评价：{level}',
  'rate.rated': '本次服务已评价，感谢您的参与',
  'rate.already': '这张号票已经评价过了（可能已在窗口评价器上评价），感谢您的参与',
  'rate.notRateable': '业务办结后才能评价',
  'rate.badLink': '评价链接无效，请重新扫描号票上的二维码',
  'rate.tooMany': '提交过于频繁，请稍后再试',
  'rate.failed': '评价未能提交，请稍后重试',
  'rate.noSecret': '如需评价，请扫描号票上的二维码打开本页',
} as const;

export type TicketStringKey = keyof typeof zh;

const en: Record<TicketStringKey, string> = {
  queue: 'Queue: {queue}',
  transferred: 'Your ticket was transferred',
  transferredQueue: 'Now in the “{queue}” line',
  transferredWindow: 'Please wait for {window} to call you',
  transferredHint: 'Your number stays the same; no need for a new ticket',
  remoteArrive:
    'Online ticket: at the hall, check in at the kiosk (Appointment check-in → Mobile) or tell the officer; if called before you check in, it is skipped',
  remoteArrived: 'Online ticket · checked in',
  'rate.title': 'How was our service?',
  'rate.hint': 'Anonymous, used only to improve the service',
  'rate.level.5': 'Very satisfied',
  'rate.level.4': 'Satisfied',
  'rate.level.3': 'Fairly satisfied',
  'rate.level.2': 'Dissatisfied',
  'rate.level.1': 'Very dissatisfied',
  'rate.reasonTitle': 'Please tell us what went wrong (choose or write one)',
  'rate.reason.waited-long': 'Waited too long',
  'rate.reason.attitude': 'Unfriendly service',
  'rate.reason.slow': 'Slow handling',
  'rate.reason.unclear': 'Unclear information',
  'rate.reason.not-done': 'Not done',
  'rate.reason.repeated-trips': 'Made me come back',
  'rate.other': 'Another reason (type it)',
  'rate.needReason': 'Choose or write a reason',
  'rate.submit': 'Send rating',
  'rate.sending': 'Sending…',
  'rate.thanks': 'Thank you for your rating!',
  'rate.yours': 'Your rating: {level}',
  'rate.rated': 'This service has been rated. Thank you.',
  'rate.already': 'This ticket has already been rated (perhaps on the counter’s rating screen). Thank you.',
  'rate.notRateable': 'You can rate once the service is finished',
  'rate.badLink': 'This link cannot rate: scan the QR code on your ticket again',
  'rate.tooMany': 'Too many attempts; please try again in a minute',
  'rate.failed': 'Your rating could not be sent; please try again',
  'rate.noSecret': 'To rate, open this page by scanning the QR code on your ticket',
};

/** A ticket-page string in `lang`, `{name}` placeholders filled from `vars`. */
export function ts(lang: Lang, key: TicketStringKey, vars: Record<string, string | number> = {}): string {
  const text: string = lang === 'zh' ? zh[key] : en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
