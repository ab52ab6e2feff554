import { formatChineseDate, formatDateTime } from './datetime.ts';
import { EscPosBuilder } from './escpos.ts';
import { applicantText, labelled, PARA, slipTitle } from './slip-parts.ts';
import { phoneLines, type HallPhones, type LayoutOptions } from './ticket-layout.ts';
import { layoutColumns } from './text-width.ts';

export interface RefusalNoticePrint {
  /** The issuing organisation, e.g. `重庆市万州区公安局`. */
  organization: string;
  /** e.g. `BY20261206-001`. */
  refusalNo: string;
  /** The applicant's name in clear (from the hub's contacts), else the masked one; empty: a blank to fill in. */
  applicantName: string;
  /** The matter (Service name). */
  serviceName: string;
  /** The reason from the list, e.g. `不符合法定受理条件`. */
  reasonLabel: string;
  /** The officer's words on the reason; may be empty. */
  note: string;
  /** The legal basis of the matter (its `basis` in the catalogue); empty: no 依据 line is printed. */
  basis: string;
  /** Epoch ms. */
  at: number;
  timezone: string;
  windowName: string;
  officerName: string;
  ticketNumber: string | null;
  phones: HallPhones;
}

export type RefusalPart = 'stub' | 'notice';

const PART_LABEL: Record<RefusalPart, string> = { stub: '（存根）', notice: '（申请人联）' };

export function refusalTitle(part: RefusalPart): string {
  return `不予受理告知书${PART_LABEL[part]}`;
}

/** The remedy every refusal states (行政复议法, 行政诉讼法). */
export const REFUSAL_REMEDY = '如不服本决定，可依法申请行政复议或者提起行政诉讼。';

/** The reason as one sentence: the label, then the officer's note when it adds something. */
export function refusalReasonText(reasonLabel: string, note: string): string {
  const n = note.trim();
  if (n === '' || n === reasonLabel) return `${reasonLabel}。`;
  return `${reasonLabel}。${n}${/[。！？.!?]$/.test(n) ? '' : '。'}`;
}

/** 存根: kept by the window (留底备查); the applicant signs for the notice. */
function stub(b: EscPosBuilder, r: RefusalNoticePrint): void {
  slipTitle(b, r.organization, refusalTitle('stub'));
  b.bold(true).line(`编号：${r.refusalNo}`).bold(false);
  labelled(b, '申请人', applicantText(r.applicantName));
  labelled(b, '申请事项', r.serviceName);
  b.line(`申请时间：${formatDateTime(r.at, r.timezone)}`);
  b.leftRight(`窗口：${r.windowName}`, `经办民警：${r.officerName}`);
  if (r.ticketNumber !== null) b.line(`排队号：${r.ticketNumber}`);
  labelled(b, '不予受理理由', refusalReasonText(r.reasonLabel, r.note));
  b.newline();
  b.line('经办人（签字）：');
  b.newline();
  b.line('申请人签收：');
  b.newline();
  b.line('签收日期：    年   月   日');
}

/** 申请人联: the decision in the usual wording of a 不予受理告知书, with the remedy. */
function notice(b: EscPosBuilder, r: RefusalNoticePrint): void {
  const date = formatChineseDate(r.at, r.timezone);
  slipTitle(b, r.organization, refusalTitle('notice'));
  b.bold(true).line(`编号：${r.refusalNo}`).bold(false);
  b.newline();
  b.line(`${applicantText(r.applicantName)}：`);
  b.line(`${PARA}你于${date}申请办理${r.serviceName}事项，经审查，决定不予受理。理由如下：`);
  b.line(`${PARA}${refusalReasonText(r.reasonLabel, r.note)}`);
  if (r.basis.trim() !== '') b.line(`${PARA}依据：${r.basis.trim()}`);
  b.line(`${PARA}${REFUSAL_REMEDY}`);
  b.newline();
  b.leftRight(`窗口：${r.windowName}`, `经办民警：${r.officerName}`);
  b.newline();
  b.line('经办人（签字）：');
  b.newline();
  b.align('right').line(r.organization).line(date).align('left');
  const phones = phoneLines(r.phones);
  if (phones.length > 0) b.newline().lines(phones);
}

/**
 * 不予受理告知书: two parts cut apart, first the stub (存根) the window keeps with the applicant's
 * signature, then the applicant's part with the reason, the legal basis and the remedy.
 */
export function refusalNoticeLayout(r: RefusalNoticePrint, options: LayoutOptions): Buffer {
  const b = new EscPosBuilder({ columns: layoutColumns(options) });
  b.init();
  stub(b, r);
  b.cut();
  notice(b, r);
  return b.cut().build();
}
