import type { Lang } from '@yichuang/ui';

/**
 * The kiosk's own words, beside the shared ones in @yichuang/ui: the green channel from the home screen,
 * the appointment slot and its check-in window, the refusals that name a time.
 */
const zh = {
  'home.green': '绿色通道',
  'home.greenHint': '老人、病人、孕妇、残疾人、军人等优先办理',
  'greenMode.bar': '绿色通道 · {reason}',
  'greenMode.hint': '请选择要办理的业务，取号后优先叫号',
  'greenMode.hintGuide': '取号后优先叫号，工作人员将现场核验',
  'greenMode.leave': '取消优先',
  'green.next': '下一步：选择业务',
  'guide.takeGreen': '取优先号',
  'guide.basisOriginal': '办理依据',
  'appt.window': '可在预约时段开始前 {early} 分钟至结束后 {late} 分钟内签到',
  'appt.caseFree': '字母不区分大小写',
  'appt.byCode': '预约码',
  'arrival.title': '线上号已签到',
  'arrival.wait': '前面还有 {n} 人，请留意叫号',
  'arrival.called': '已经叫到您的号，请马上到窗口办理',
  'appt.byPhone': '手机号',
  'appt.byId': '身份证号',
  'appt.subtitle.phone': '请输入预约时登记的手机号码',
  'appt.subtitle.id': '请输入预约时登记的身份证号码',
  'appt.placeholder.phone': '11位手机号码',
  'appt.placeholder.id': '18位身份证号码',
  'appt.hint.phone': '签到今天用该手机号预约的事项或线上取的号',
  'appt.hint.id': '将为您签到今天用该身份证预约的事项',
  'confirm.slot': '预约时段',
  'slot.today': '今天 {time}',
  'error.APPOINTMENT_TOO_EARLY': '还没到签到时间',
  'error.APPOINTMENT_TOO_LATE': '已过这个预约的签到时间',
  'search.results': '查找结果',
} as const;

export type KioskKey = keyof typeof zh;

const en: Record<KioskKey, string> = {
  'home.green': 'Priority lane',
  'home.greenHint': 'Elderly, ill, pregnant, disabled, military and others go first',
  'greenMode.bar': 'Priority lane · {reason}',
  'greenMode.hint': 'Choose your service; your ticket will be called first',
  'greenMode.hintGuide': 'Your ticket will be called first; staff check at the window',
  'greenMode.leave': 'Leave priority lane',
  'green.next': 'Next: choose your service',
  'guide.takeGreen': 'Take a priority ticket',
  'guide.basisOriginal': 'Legal basis (in Chinese)',
  'appt.window': 'Check in from {early} minutes before your slot until {late} minutes after it',
  'appt.caseFree': 'Capitals do not matter',
  'appt.byCode': 'Code',
  'arrival.title': 'Online ticket checked in',
  'arrival.wait': '{n} ahead of you: watch for your number',
  'arrival.called': 'Your number has been called: go to the window now',
  'appt.byPhone': 'Mobile',
  'appt.byId': 'ID card',
  'appt.subtitle.phone': 'Enter the mobile number you booked with',
  'appt.subtitle.id': 'Enter the ID-card number you booked with',
  'appt.placeholder.phone': '11-digit mobile number',
  'appt.placeholder.id': '18-character ID-card number',
  'appt.hint.phone': "Checks in today's appointment or online ticket taken with this number",
  'appt.hint.id': "Checks in today's appointment booked with this ID card",
  'confirm.slot': 'Appointment',
  'slot.today': 'today, {time}',
  'error.APPOINTMENT_TOO_EARLY': 'It is too early to check in',
  'error.APPOINTMENT_TOO_LATE': 'Check-in for this appointment has closed',
  'search.results': 'Results',
};

const table: Record<Lang, Record<KioskKey, string>> = { zh, en };

/** A kiosk string in `lang`, with `{name}` placeholders filled from `vars`. */
export function kt(lang: Lang, key: KioskKey, vars: Record<string, string | number> = {}): string {
  return table[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const kioskStrings = table;
