import { formatDateTime, formatTime } from './datetime.ts';
import { EscPosBuilder } from './escpos.ts';
import { layoutColumns, textWidth } from './text-width.ts';

/** Same values as `greenReasons` in @yichuang/protocol. */
export type GreenReason = 'elderly' | 'weak' | 'sick' | 'disabled' | 'pregnant' | 'military' | 'exam' | 'urgent';

export const GREEN_REASON_LABELS: Record<GreenReason, string> = {
  elderly: '老年人',
  weak: '体弱',
  sick: '患病',
  disabled: '残疾人',
  pregnant: '孕妇',
  military: '军人',
  exam: '考生',
  urgent: '急事急办',
};

export interface HallPhones {
  consult?: string;
  complaint?: string;
}

export interface TicketPrint {
  hallName: string;
  /** e.g. `A001` */
  number: string;
  /** The matter (Service name). */
  serviceName: string;
  queueName: string;
  green: GreenReason | null;
  /** Checked in from an appointment. */
  appointment: boolean;
  /** The appointment's booked slot (epoch ms), printed under its mark. */
  appointmentSlot?: { start: number; end: number } | null;
  /** People ahead in the queue. */
  ahead: number;
  estimatedWaitS: number;
  /** No staffed window serves the queue now: no estimate is printed, 暂无窗口办理 instead. */
  unstaffed?: boolean;
  /** Epoch ms. */
  issuedAt: number;
  /** The hall's IANA time zone, e.g. `Asia/Shanghai`. */
  timezone: string;
  /** The ticket's live page with its secret, e.g. `http://hall.local:8080/t/AbC123?s=…`; printed as a QR code. */
  ticketUrl: string;
  phones: HallPhones;
}

export interface LayoutOptions {
  paperWidthMm: 58 | 80;
  /** Font A columns per line of this printer (`printers[].columns`); default by paper width (48 / 32). */
  columns?: number;
}

/**
 * Character size of the ticket number: 4×4 on 80 mm paper when it fits the line, else 3×3 (smaller
 * only for a number too long for 3×3 on the line).
 */
export function numberSize(number: string, columns: number, paperWidthMm: 58 | 80): number {
  const w = Math.max(1, textWidth(number));
  for (let m = paperWidthMm === 80 ? 4 : 3; m >= 3; m--) if (w * m <= columns) return m;
  return Math.max(1, Math.min(3, Math.floor(columns / w)));
}

export function waitText(estimatedWaitS: number, unstaffed = false): string {
  if (unstaffed) return '暂无窗口办理，请留意叫号';
  if (!(estimatedWaitS > 0)) return '无需等候';
  return `预计等候约 ${Math.max(1, Math.ceil(estimatedWaitS / 60))} 分钟`;
}

export function phoneLines(phones: HallPhones): string[] {
  const out: string[] = [];
  if (phones.consult) out.push(`咨询电话 ${phones.consult}`);
  if (phones.complaint) out.push(`投诉电话 ${phones.complaint}`);
  return out;
}

/**
 * 号票: hall name, the number at 3×3 or 4×4, matter and queue, green-channel / appointment marks,
 * people ahead and estimated wait, issue time, a QR code to the live page, hints and phones; then cut.
 */
export function ticketLayout(t: TicketPrint, options: LayoutOptions): Buffer {
  const columns = layoutColumns(options);
  const b = new EscPosBuilder({ columns });
  b.init().align('center');
  b.bold(true).line(t.hallName).bold(false);
  b.rule('-');
  b.size(numberSize(t.number, columns, options.paperWidthMm))
    .bold(true)
    .line(t.number)
    .bold(false)
    .size(1, 1);
  b.bold(true).line(t.serviceName).bold(false);
  b.line(`排队队列：${t.queueName}`);
  if (t.green) b.bold(true).line(`【绿色通道】${GREEN_REASON_LABELS[t.green]}`).bold(false);
  if (t.appointment) b.bold(true).line('【预约签到】').bold(false);
  if (t.appointment && t.appointmentSlot)
    b.line(
      `预约时段 ${formatTime(t.appointmentSlot.start, t.timezone)}–${formatTime(t.appointmentSlot.end, t.timezone)}`,
    );
  b.newline();
  b.bold(true)
    .line(`前面还有 ${Math.max(0, Math.floor(t.ahead))} 人`)
    .bold(false);
  b.line(waitText(t.estimatedWaitS, t.unstaffed));
  b.line(`取号时间 ${formatDateTime(t.issuedAt, t.timezone)}`);
  b.newline();
  b.qr(t.ticketUrl, { moduleSize: options.paperWidthMm === 58 ? 5 : 6, errorLevel: 'M' });
  b.line('扫码查看排队进度');
  b.newline();
  b.line('请留意叫号，过号请重新取号');
  b.lines(phoneLines(t.phones));
  return b.cut().build();
}
