import { issueText } from '../config/issue-messages.ts';
import type { Lang } from './make-strings.ts';

/**
 * The hub checks every body with zod and refuses with the first issue as "path: message", in zod's
 * English ("reason: Invalid option: expected one of …"). Here, where the console shows it, it is put
 * into Chinese: the field by its Chinese name, the issue by its kind (zod's issue codes show in the
 * wording: invalid_type "Invalid input: expected …", invalid_value "Invalid option …", too_big "Too big: …",
 * too_small, invalid_format "Invalid string …", unrecognized_keys "Unrecognized key …"). A message the
 * hub already gave in Chinese is kept. English is shown as it comes.
 */

/** Body and query fields the console's requests carry, by their last two path segments or the last one. */
const FIELD: Record<string, string> = {
  'pauses.minutes': '午休时长（分钟）',
  'pauses.from': '午休开始时间',
  'shifts.from': '上岗时间',
  'shifts.to': '下岗时间',
  reason: '原因',
  note: '备注',
  level: '评价等级',
  pin: '密码',
  officerId: '警号',
  queues: '办理的队列',
  queue: '队列',
  open: '开放',
  windowId: '窗口',
  toWindowId: '转至窗口',
  toQueueId: '转至队列',
  serviceId: '事项',
  ticketId: '号票',
  ticketIds: '号票',
  requestId: '请求编号',
  citizenName: '群众姓名',
  missing: '缺少的材料',
  code: '预约码',
  date: '日期',
  day: '日期',
  on: '模拟日期',
  from: '开始时间',
  to: '结束时间',
  notices: '滚动通知',
  printerId: '打印机',
  type: '类别',
  actor: '操作人',
  before: '翻页位置',
  limit: '条数',
  format: '格式',
  seed: '随机种子',
  plans: '方案',
  windows: '窗口',
  name: '名称',
  number: '窗口号',
  greenChannel: '绿色通道',
  shifts: '上下岗时间',
  pauses: '午休安排',
  minutes: '时长（分钟）',
  demand: '客流',
  curve: '客流曲线',
  perHour: '每小时人数',
  greenShare: '绿色通道占比',
  appointmentShare: '预约占比',
  serviceTimes: '办理时长',
  meanS: '平均办理时长',
  sdS: '办理时长波动',
  carryOverWindow: '顺延窗口',
  key: '设备密钥',
};

const CJK = /[\u4e00-\u9fff]/;

/** zod's own wording for an issue, by kind, where the config page's translations do not say it better. */
const KINDS: [RegExp, string][] = [
  [/^Invalid option/, '不是可选的值，请从列出的选项中选择'],
  [/^Invalid input: expected "/, '不是可选的值'],
  [/^Unrecognized keys?:/, '含有不认识的项'],
  [/^Invalid input$/, '格式不对'],
  [/^Invalid string/, '格式不对'],
  [/^Invalid (ISO )?(date|datetime|time)/, '日期或时间格式不对'],
  [/^Invalid (url|URL)/, '网址格式不对'],
];

function fieldName(path: string): string | null {
  const names = path.split('.').filter((p) => !/^\d+$/.test(p));
  const last = names.at(-1);
  if (last === undefined) return null;
  return FIELD[names.slice(-2).join('.')] ?? FIELD[last] ?? null;
}

function reasonText(reason: string): string | null {
  if (CJK.test(reason)) return reason;
  // The config page lists an enum's options, which it shows as codes a manager types in JSON; here they
  // would be raw codes of a form the manager did not type.
  if (/^Invalid option/.test(reason)) return KINDS[0]![1];
  const said = issueText('zh', reason);
  if (said !== reason) return said;
  for (const [pattern, zh] of KINDS) if (pattern.test(reason)) return zh;
  return null;
}

export function validationText(lang: Lang, message: string, field?: string): string {
  if (lang === 'en') return message;
  const m = /^([A-Za-z0-9_.]+): ([\s\S]*)$/.exec(message);
  const path = m !== null && (field === undefined || m[1] === field) ? m[1]! : null;
  const reason = path === null ? message : m![2]!;
  if (path === null) return reasonText(reason) ?? (CJK.test(message) ? message : '输入有误，请检查后重试');
  const name = fieldName(path) ?? '输入';
  const said = reasonText(reason);
  if (said !== null && CJK.test(reason)) return said;
  return said === null ? `${name}不符合要求` : `${name}：${said}`;
}
