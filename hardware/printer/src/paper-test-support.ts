import { expect } from 'vitest';

/**
 * Test helper: what a Chinese-mode ESC/POS printer with `columns` Font A columns puts on paper, worked
 * out from the bytes independently of our own decoder (escpos-decode.ts): text is split into GB18030
 * characters by their byte structure and decoded with the platform's `TextDecoder('gb18030')`, and a
 * line too wide for the head wraps as the printer would wrap it. Any command it does not know fails
 * the test, so a layout cannot slip in bytes nobody checked.
 */

export interface PaperLine {
  text: string;
  widthMul: number;
  heightMul: number;
  /** The printer broke this line itself (the previous one was too wide); a layout must never cause it. */
  wrapped: boolean;
}

export interface Paper {
  lines: PaperLine[];
  qr: string[];
  /** Each cut as sent: `GS V m` or `GS V m n`. */
  cuts: number[][];
  /** `ESC d n` feeds seen. */
  feeds: number[];
}

const gb18030 = new TextDecoder('gb18030', { fatal: true });
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte length of the GB18030 character starting at `i` (1, 2 or 4). */
function charLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  if (b < 0x80) return 1;
  const second = bytes[i + 1] ?? 0;
  return second >= 0x30 && second <= 0x39 ? 4 : 2;
}

export function printOnPaper(input: Uint8Array, columns: number): Paper {
  const bytes = Uint8Array.from(input);
  const paper: Paper = { lines: [], qr: [], cuts: [], feeds: [] };
  let widthMul = 1;
  let heightMul = 1;
  let chinese = false;
  let text = '';
  let used = 0;
  let lineWidth = 1;
  let lineHeight = 1;
  let wrapped = false;
  let qrData = '';
  const endLine = (byPrinter: boolean): void => {
    paper.lines.push({ text, widthMul: lineWidth, heightMul: lineHeight, wrapped });
    text = '';
    used = 0;
    lineWidth = 1;
    lineHeight = 1;
    wrapped = byPrinter;
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const p1 = bytes[i + 1] ?? 0;
    const p2 = bytes[i + 2] ?? 0;
    if (b === 0x0a) {
      endLine(false);
      i += 1;
    } else if (b === 0x1b) {
      if (p1 === 0x40) {
        widthMul = 1;
        heightMul = 1;
        chinese = false;
        i += 2;
      } else if (p1 === 0x61 || p1 === 0x45) {
        i += 3; // alignment, emphasis: no effect on what fits
      } else if (p1 === 0x64) {
        paper.feeds.push(p2);
        i += 3;
      } else throw new Error(`unknown ESC 0x${p1.toString(16)} at byte ${i}`);
    } else if (b === 0x1d) {
      if (p1 === 0x21) {
        widthMul = ((p2 >> 4) & 7) + 1;
        heightMul = (p2 & 7) + 1;
        i += 3;
      } else if (p1 === 0x56) {
        const len = p2 >= 65 ? 4 : 3;
        if (text !== '') endLine(false);
        paper.cuts.push([...bytes.subarray(i + 2, i + len)]);
        i += len;
      } else if (p1 === 0x28 && p2 === 0x6b) {
        const len = (bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256;
        const payload = bytes.subarray(i + 5, i + 5 + len);
        if (payload[0] === 0x31 && payload[1] === 0x50) qrData = utf8.decode(payload.subarray(3));
        if (payload[0] === 0x31 && payload[1] === 0x51) paper.qr.push(qrData);
        i += 5 + len;
      } else throw new Error(`unknown GS 0x${p1.toString(16)} at byte ${i}`);
    } else if (b === 0x1c) {
      if (p1 === 0x26) chinese = true;
      else if (p1 === 0x2e) chinese = false;
      else throw new Error(`unknown FS 0x${p1.toString(16)} at byte ${i}`);
      i += 2;
    } else if (b < 0x20 || b === 0x7f) {
      throw new Error(`unexpected control byte 0x${b.toString(16)} at byte ${i}`);
    } else {
      const n = charLength(bytes, i);
      if (n > 1 && !chinese) throw new Error(`a multi-byte character outside Chinese mode at byte ${i}`);
      const ch = gb18030.decode(bytes.subarray(i, i + n));
      const w = (n === 1 ? 1 : 2) * widthMul;
      if (used + w > columns) endLine(true);
      text += ch;
      used += w;
      lineWidth = Math.max(lineWidth, widthMul);
      lineHeight = Math.max(lineHeight, heightMul);
      i += n;
    }
  }
  if (text !== '') endLine(false);
  return paper;
}

/** Characters that must not start or end a printed line (禁则). */
const NO_START = /^[，。、：；！？）》」』】〕〉…·％”’,.;:!?)\]}%]/u;
const NO_END = /[（《「『【〔〈“‘([{]$/u;

/** Every line was broken by the layout, none by the printer, and none breaks 禁则. */
export function expectLaidOutFor(paper: Paper, columns: number): void {
  for (const [n, line] of paper.lines.entries()) {
    expect(line.wrapped, `line ${n} "${line.text}" wrapped at ${columns} columns`).toBe(false);
    const t = line.text.trim();
    expect(t, `line ${n} starts with closing punctuation`).not.toMatch(NO_START);
    expect(t, `line ${n} ends with an opening bracket`).not.toMatch(NO_END);
  }
}

/** The text lines, trimmed. */
export function paperText(paper: Paper): string[] {
  return paper.lines.map((l) => l.text.trim());
}
