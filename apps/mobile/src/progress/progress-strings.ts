import type { Lang } from '@yichuang/ui';

/** 办件进度查询: the words of the progress page, plain Chinese first. */
const zh = {
  title: '办件进度查询',
  intro: '输入受理回执上的受理编号和受理时登记的手机号码，查看办理进度',
  no: '受理编号',
  noPlaceholder: '如 SL20261206-001',
  phone: '手机号码',
  search: '查询进度',
  searching: '正在查询…',
  noInvalid: '受理编号形如 SL20261206-001，见窗口给您的受理回执',
  phoneInvalid: '请输入 11 位手机号码',
  'error.UNKNOWN_CASE': '受理编号或手机号码不正确，请核对受理回执上的编号和受理时登记的手机号码',
  'error.RATE_LIMITED': '查询太频繁，请一分钟后再试',
  'error.NETWORK': '网络不通，请检查网络后重试',
  'error.VALIDATION_FAILED': '填写的信息有误，请核对后重试',
  'error.other': '查询没有成功，请稍后再试',
  matter: '办理事项',
  acceptedAt: '受理时间',
  due: '办结期限',
  dueBy: '{day} 前办结',
  duePassed: '办结期限 {day} 已过',
  kind: '受理方式',
  'kind.accepted': '受理',
  'kind.accepted-pending': '容缺受理（材料后补）',
  steps: '办理进度',
  'step.accepted': '已受理',
  'step.materials': '材料已补齐',
  'step.done': '已办结',
  'step.waitMaterials': '请尽快补齐下列材料',
  'step.working': '正在办理',
  'step.todo': '未到此步',
  pending: '待补材料',
  pendingHint: '补齐材料后带受理回执到大厅窗口提交',
  'status.open': '办理中',
  'status.materials-received': '办理中',
  'status.done': '已办结',
  'status.overdue': '已超期',
  overdue: '该件已超过办结期限，大厅已收到提醒。如有疑问请致电咨询。',
  overdueCall: '咨询电话 {phone}',
  doneNote: '已办结。如需领取证件或结果，请按窗口告知的方式领取。',
  refresh: '刷新进度',
  another: '查询其他办件',
  updated: '查询时间 {time}',
  privacy: '为保护您的信息，本页不显示姓名和手机号码',
} as const;

export type ProgressKey = keyof typeof zh;

const en: Record<ProgressKey, string> = {
  title: 'Case progress',
  intro: 'Enter the case number on your receipt and the mobile number you gave at the window',
  no: 'Case number',
  noPlaceholder: 'e.g. SL20261206-001',
  phone: 'Mobile number',
  search: 'Check progress',
  searching: 'Checking…',
  noInvalid: 'A case number looks like SL20261206-001; it is on the receipt from the window',
  phoneInvalid: 'Enter your 11-digit mobile number',
  'error.UNKNOWN_CASE':
    'The case number or mobile number is not right; check the receipt and the number you gave at the window',
  'error.RATE_LIMITED': 'Too many checks; please try again in a minute',
  'error.NETWORK': 'No connection; check your network and try again',
  'error.VALIDATION_FAILED': 'Some details are not valid; please check them',
  'error.other': 'That did not work; please try again later',
  matter: 'Matter',
  acceptedAt: 'Accepted',
  due: 'Due',
  dueBy: 'by {day}',
  duePassed: 'was due {day}',
  kind: 'Accepted as',
  'kind.accepted': 'Accepted',
  'kind.accepted-pending': 'Accepted, materials to follow',
  steps: 'Progress',
  'step.accepted': 'Accepted',
  'step.materials': 'Materials complete',
  'step.done': 'Done',
  'step.waitMaterials': 'Please bring the materials below soon',
  'step.working': 'In progress',
  'step.todo': 'Not yet',
  pending: 'Materials to bring',
  pendingHint: 'Bring them with your receipt to a window in the hall',
  'status.open': 'In progress',
  'status.materials-received': 'In progress',
  'status.done': 'Done',
  'status.overdue': 'Overdue',
  overdue: 'This case is past its due day and the hall has been alerted. Call us with any question.',
  overdueCall: 'Enquiries {phone}',
  doneNote: 'Done. Collect your document or result as the window told you.',
  refresh: 'Refresh',
  another: 'Check another case',
  updated: 'Checked at {time}',
  privacy: 'To protect you, this page shows no name or mobile number',
};

const table: Record<Lang, Record<ProgressKey, string>> = { zh, en };

export function pt(lang: Lang, key: ProgressKey, vars: Record<string, string | number> = {}): string {
  return table[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The words for a look-up's error code, or the generic ones. */
export function lookupError(lang: Lang, code: string): string {
  const key = `error.${code}`;
  return key in zh ? pt(lang, key as ProgressKey) : pt(lang, 'error.other');
}
