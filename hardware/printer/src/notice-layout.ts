import { formatChineseDate, formatDateTime } from './datetime.ts';
import { EscPosBuilder } from './escpos.ts';
import { phoneLines, type HallPhones, type LayoutOptions } from './ticket-layout.ts';
import { layoutColumns, textWidth } from './text-width.ts';

export interface NoticePrint {
  /** The issuing organisation as in annex 2, e.g. `重庆市万州区公安局`; the title appends `政务服务一次性告知单`. */
  hallName: string;
  noticeNo: string;
  citizenName: string;
  /** The matter (Service name). */
  serviceName: string;
  /** Missing materials in print order: ticked checklist items first, then the free-text lines. */
  missing: string[];
  officerName: string;
  windowName: string;
  /** Epoch ms. */
  createdAt: number;
  timezone: string;
  phones: HallPhones;
}

export type NoticePart = 'stub' | 'notice';

/** Paragraph indent: two ideographic spaces, as in the annex. */
const PARA = '\u3000\u3000';

const PART_LABEL: Record<NoticePart, string> = { stub: '（存根）', notice: '（通知联）' };

/** Title of one part; the organisation goes on its own line when the whole title does not fit. */
export function noticeTitleLines(hallName: string, part: NoticePart, columns: number): string[] {
  const whole = `${hallName}政务服务一次性告知单${PART_LABEL[part]}`;
  if (textWidth(whole) <= columns) return [whole];
  return [hallName, `政务服务一次性告知单${PART_LABEL[part]}`];
}

function numberedList(b: EscPosBuilder, items: readonly string[]): void {
  if (items.length === 0) {
    b.line('（无）');
    return;
  }
  items.forEach((item, i) => {
    const label = `${i + 1}、`;
    b.line(`${label}${item.trim()}`, { indent: textWidth(label) });
  });
}

function title(b: EscPosBuilder, n: NoticePrint, part: NoticePart): void {
  b.align('center').bold(true);
  b.lines(noticeTitleLines(n.hallName, part, b.columns));
  b.bold(false).align('left');
  b.rule('-');
}

/** 存根: kept by the window for audit (留底备查), signed by the officer and the citizen. */
function stub(b: EscPosBuilder, n: NoticePrint): void {
  title(b, n, 'stub');
  b.line(`编号：${n.noticeNo}`);
  b.line(`申请人：${n.citizenName}`);
  b.line(`办理事项：${n.serviceName}`);
  b.line(`时间：${formatDateTime(n.createdAt, n.timezone)}`);
  b.line(`${n.citizenName}同志前来办理${n.serviceName}事项时缺少以下材料，现书面告知：`);
  numberedList(b, n.missing);
  b.newline();
  b.leftRight(`经办民警：${n.officerName}`, `窗口：${n.windowName}`);
  b.newline();
  b.line('承办人（签字）：');
  b.newline();
  b.line('签收人（签字）：');
  b.newline();
  b.align('right').line(formatChineseDate(n.createdAt, n.timezone)).align('left');
}

/** 通知联: handed to the citizen. Wording follows annex 2 of the 万州 rules. */
function notice(b: EscPosBuilder, n: NoticePrint): void {
  const date = formatChineseDate(n.createdAt, n.timezone);
  title(b, n, 'notice');
  b.line(`编号：${n.noticeNo}`);
  b.newline();
  b.line(`${n.citizenName}同志：`);
  b.line(`${PARA}你于${date}办理${n.serviceName}事项时，经审查，办理事项的资料不全，需要补齐以下资料后方可办理：`);
  numberedList(b, n.missing);
  b.newline();
  b.line(`${PARA}谢谢您的合作！`);
  b.newline();
  b.leftRight(`经办民警：${n.officerName}`, `窗口：${n.windowName}`);
  b.newline();
  b.line('承办人（签字）：');
  b.newline();
  b.align('right').line(date).align('left');
  const phones = phoneLines(n.phones);
  if (phones.length > 0) b.newline().lines(phones);
}

/**
 * 一次性告知单 as in annex 2: two parts cut apart, first the stub (存根), then the notice (通知联).
 * Long items fold within the paper width with a hanging indent under their number.
 */
export function noticeLayout(n: NoticePrint, options: LayoutOptions): Buffer {
  const b = new EscPosBuilder({ columns: layoutColumns(options) });
  b.init();
  stub(b, n);
  b.cut();
  notice(b, n);
  return b.cut().build();
}
