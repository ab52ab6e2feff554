import { formatChineseDate, formatDateTime } from './datetime.ts';
import { EscPosBuilder } from './escpos.ts';
import { applicantText, chineseDay, labelled, numberedList, PARA, slipTitle } from './slip-parts.ts';
import { phoneLines, type HallPhones, type LayoutOptions } from './ticket-layout.ts';
import { layoutColumns } from './text-width.ts';

export interface AcceptanceReceiptPrint {
  /** The issuing organisation, e.g. `重庆市万州区公安局`. */
  organization: string;
  /** 受理编号, e.g. `SL20261206-001`. */
  caseNo: string;
  /** The applicant's name in clear (from the hub's contacts), else the masked one; empty: a blank to fill in. */
  applicantName: string;
  /** The matter (Service name). */
  serviceName: string;
  /** 容缺受理: accepted with materials to follow (listed in `pendingMaterials`). */
  pending: boolean;
  pendingMaterials: string[];
  /** Epoch ms. */
  acceptedAt: number;
  timezone: string;
  windowName: string;
  officerName: string;
  /** The ticket the matter was handled on, e.g. `A012`. */
  ticketNumber: string | null;
  /** 承诺办结时限 in working days. */
  timeLimitDays: number;
  /** The due day, `YYYY-MM-DD` (the time limit counted over the hall's working days). */
  dueDay: string;
  /** 领证方式, e.g. `窗口领取` or `邮政寄递`; not printed when unknown. */
  collect?: string | undefined;
  /** e.g. `￥20` or `免费`; not printed when unknown. */
  fee?: string | undefined;
  phones: HallPhones;
  /** The progress page of the case, printed as a QR code. */
  progressUrl: string;
}

export type ReceiptPart = 'stub' | 'receipt';

const PART_LABEL: Record<ReceiptPart, string> = { stub: '（存根）', receipt: '（申请人联）' };

export function receiptTitle(part: ReceiptPart): string {
  return `受理回执${PART_LABEL[part]}`;
}

/** `2027年1月5日前`: the day the matter is to be finished by. */
export function dueDayText(dueDay: string): string {
  return `${chineseDay(dueDay)}前`;
}

export function timeLimitText(days: number): string {
  return days > 0 ? `${days} 个工作日` : '即时办结';
}

function head(b: EscPosBuilder, r: AcceptanceReceiptPrint, part: ReceiptPart): void {
  slipTitle(b, r.organization, receiptTitle(part));
  b.bold(true).line(`受理编号：${r.caseNo}`).bold(false);
  labelled(b, '申请人', applicantText(r.applicantName));
  labelled(b, '办理事项', r.serviceName);
  labelled(b, '受理方式', r.pending ? '容缺受理（材料后补）' : '受理');
  b.line(`受理时间：${formatDateTime(r.acceptedAt, r.timezone)}`);
  b.leftRight(`受理窗口：${r.windowName}`, `经办民警：${r.officerName}`);
  if (r.ticketNumber !== null) b.line(`排队号：${r.ticketNumber}`);
  b.line(`承诺办结时限：${timeLimitText(r.timeLimitDays)}`);
  b.bold(true)
    .line(`办结日期：${dueDayText(r.dueDay)}`)
    .bold(false);
  if (r.pending) {
    b.line('待补材料：');
    numberedList(b, r.pendingMaterials);
  }
}

/** 存根: kept by the window (留底备查), signed by the officer and, on receipt, by the applicant. */
function stub(b: EscPosBuilder, r: AcceptanceReceiptPrint): void {
  head(b, r, 'stub');
  b.newline();
  b.line('经办人（签字）：');
  b.newline();
  b.line('申请人签收：');
  b.newline();
  b.align('right').line(formatChineseDate(r.acceptedAt, r.timezone)).align('left');
}

/** 申请人联: what happens next, how to collect, the fee, phones and the progress QR code. */
function receipt(b: EscPosBuilder, r: AcceptanceReceiptPrint): void {
  head(b, r, 'receipt');
  if (r.collect !== undefined && r.collect !== '') labelled(b, '领取方式', r.collect);
  if (r.fee !== undefined && r.fee !== '') labelled(b, '收费标准', r.fee);
  b.newline();
  b.line(
    r.pending
      ? `${PARA}您的申请已容缺受理。请尽快补齐上述材料，我们将在承诺时限内办结。`
      : `${PARA}您的申请已受理，我们将在承诺时限内办结。`,
  );
  b.line(`${PARA}请妥善保管本回执，凭受理编号查询办理进度、领取办理结果。`);
  b.newline();
  b.align('center');
  b.qr(r.progressUrl, { moduleSize: b.columns <= 32 ? 5 : 6, errorLevel: 'M' });
  b.line('扫码查询办理进度');
  b.align('left');
  const phones = phoneLines(r.phones);
  if (phones.length > 0) b.newline().lines(phones);
  b.newline();
  b.align('right').line(r.organization).line(formatChineseDate(r.acceptedAt, r.timezone)).align('left');
}

/**
 * 受理回执: two parts cut apart, first the stub (存根) the window keeps, then the applicant's part
 * (申请人联) with the due day, how to collect, the fee and a QR code to the case's progress page.
 */
export function acceptanceReceiptLayout(r: AcceptanceReceiptPrint, options: LayoutOptions): Buffer {
  const b = new EscPosBuilder({ columns: layoutColumns(options) });
  b.init();
  stub(b, r);
  b.cut();
  receipt(b, r);
  return b.cut().build();
}
