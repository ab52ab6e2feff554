import type { EscPosBuilder } from './escpos.ts';
import { textWidth } from './text-width.ts';

/** Paragraph indent: two ideographic spaces, as in official notices. */
export const PARA = '\u3000\u3000';

/**
 * A slip's heading: the organisation and the title with its part label, on one line when it fits,
 * else the organisation on a line of its own.
 */
export function slipTitleLines(organization: string, title: string, columns: number): string[] {
  const whole = `${organization}${title}`;
  if (textWidth(whole) <= columns) return [whole];
  return [organization, title];
}

export function slipTitle(b: EscPosBuilder, organization: string, title: string): void {
  b.align('center').bold(true);
  b.lines(slipTitleLines(organization, title, b.columns));
  b.bold(false).align('left');
  b.rule('-');
}

/** `1、…` items, a long one folded under its text (hanging indent); `（无）` when empty. */
export function numberedList(b: EscPosBuilder, items: readonly string[]): void {
  if (items.length === 0) {
    b.line('（无）');
    return;
  }
  items.forEach((item, i) => {
    const label = `${i + 1}、`;
    b.line(`${label}${item.trim()}`, { indent: textWidth(label) });
  });
}

/** `label：value`, continuation lines under the value (hanging indent) when the label is short. */
export function labelled(b: EscPosBuilder, label: string, value: string): void {
  const head = `${label}：`;
  const indent = textWidth(head);
  b.line(`${head}${value}`, { indent: indent <= b.lineColumns / 2 ? indent : 0 });
}

/** `2027-01-05` → `2027年1月5日` (a calendar day needs no time zone). */
export function chineseDay(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (m === null) return isoDay;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The applicant as printed: their name, or a blank to write it in by hand. */
export function applicantText(name: string): string {
  return name.trim() === '' ? '＿＿＿＿＿＿' : name.trim();
}
