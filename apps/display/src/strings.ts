/** The display's words. Chinese is always shown; English is added under it when the hall turns it on. */
const zh = {
  nowCalling: '请以下号码到窗口办理',
  recent: '最近呼叫',
  noCalls: '暂无叫号，请留意屏幕和语音提示',
  windows: '窗口',
  queues: '等候情况',
  'window.name': '{n}号窗口',
  'window.paused': '暂停服务',
  'window.idle': '空闲',
  'window.closed': '未开放',
  'window.empty': '无人值守',
  'window.serving': '办理中',
  'window.calling': '请到窗口',
  'window.all': '综合业务',
  noWait: '无需等候',
  withinMinute: '预计 1 分钟内',
  noQueues: '暂无排队业务',
  linkLost: '连接中断',
  noticeHead: '警务公开',
  consult: '咨询电话：{p}',
  complaint: '投诉电话：{p}',
  soundOff: '点击屏幕任意处，启用语音叫号',
  connecting: '正在连接服务器…',
  notConfigured: '本屏幕尚未登记',
  notConfiguredHint: '请在地址后加上设备密钥 ?key=… 打开（见大厅配置 devices）',
  badKey: '设备密钥无效，请联系大厅管理员',
  tooOld: '页面版本与服务器不一致，请刷新或更新',
  recall: '重呼',
} as const;

export type DisplayStringKey = keyof typeof zh;

const en: Record<DisplayStringKey, string> = {
  nowCalling: 'Now calling',
  recent: 'Recent calls',
  noCalls: 'No calls yet',
  windows: 'Windows',
  queues: 'Waiting',
  'window.name': 'Window {n}',
  'window.paused': 'Paused',
  'window.idle': 'Available',
  'window.closed': 'Closed',
  'window.empty': 'Unstaffed',
  'window.serving': 'Serving',
  'window.calling': 'Please come',
  'window.all': 'All matters',
  noWait: 'No wait',
  withinMinute: 'within a minute',
  noQueues: 'No queues',
  linkLost: 'Connection lost',
  noticeHead: 'Notice',
  consult: 'Enquiries: {p}',
  complaint: 'Complaints: {p}',
  soundOff: 'Click anywhere to turn on voice calls',
  connecting: 'Connecting…',
  notConfigured: 'This screen is not set up',
  notConfiguredHint: 'Open it once with its device key: ?key=…',
  badKey: 'Device key not accepted',
  tooOld: 'Page and hub versions differ: reload or update',
  recall: 'Recall',
};

export const displayStrings = { zh, en } as const;

export function ds(lang: 'zh' | 'en', key: DisplayStringKey, vars: Record<string, string | number> = {}): string {
  return displayStrings[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
