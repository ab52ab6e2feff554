import type { WindowView } from '@yichuang/protocol';

export interface ScreenText {
  line1: string;
  line2?: string;
  blink?: boolean;
}

/**
 * What the LED screen above a window shows (工作监督牌 on the window itself):
 *   calling  请 A001 号 (blinking), the window's name below
 *   serving  A001 号 / 正在办理
 *   paused   暂停服务 (the supervision card's side), with the reason
 *   idle     the window's name / 欢迎办理
 *   nobody   暂停服务 during hours (an empty post), 未开放 outside them or when the window is closed
 */
export function windowScreenText(w: WindowView, inHours: boolean): ScreenText {
  if (!w.open) return { line1: '未开放', line2: w.name };
  if (w.state === 'paused') return { line1: '暂停服务', line2: PAUSE_LINE[w.pause?.reason ?? 'other'] ?? '' };
  if (w.holder === null) return inHours ? { line1: '暂停服务', line2: w.name } : { line1: '未开放', line2: w.name };
  if (w.state === 'calling' && w.ticket !== null)
    return { line1: `请 ${w.ticket.number} 号`, line2: `到${w.name}`, blink: true };
  if (w.state === 'serving' && w.ticket !== null) return { line1: `${w.ticket.number} 号`, line2: '正在办理' };
  return { line1: w.name, line2: '欢迎办理' };
}

/** What the keypad's small LCD shows the officer. */
export function keypadText(w: WindowView): ScreenText {
  if (w.holder === null) return { line1: '请先签到', line2: w.name };
  if (w.state === 'paused') return { line1: '暂停服务', line2: '按恢复键继续' };
  if (w.state === 'calling' && w.ticket !== null)
    return { line1: `呼叫 ${w.ticket.number}`, line2: `已重呼 ${w.ticket.recalls} 次` };
  if (w.state === 'serving' && w.ticket !== null) return { line1: `办理 ${w.ticket.number}`, line2: '办结按办结键' };
  return { line1: `${w.holder.name} 在岗`, line2: '按叫号键叫号' };
}

const PAUSE_LINE: Record<string, string> = {
  away: '临时离岗',
  meeting: '会议',
  meal: '用餐',
  other: '请稍候',
};
