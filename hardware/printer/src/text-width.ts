/**
 * Column arithmetic for a Chinese-mode ESC/POS printer (Font A, 12×24 dots).
 *
 * In Chinese mode (`FS &`) every character that is not ASCII is sent as a multi-byte GB18030
 * character and printed as a 24-dot-wide glyph, i.e. two columns. So the rule is simply:
 * printable ASCII = 1 column, anything else = 2 columns. This covers CJK, full-width forms and
 * punctuation such as `【】，：￥`, and also characters like `·` or `…` that a Western terminal
 * would call narrow but the printer prints full width.
 */

/**
 * Font A columns per line usual for a paper width: 48 on 80 mm and 32 on 58 mm. Some printers print
 * fewer (an Epson TM-T88: 42 on 80 mm, 30 on 58 mm); the printer's config says so with `columns`.
 */
export function columnsForPaper(paperWidthMm: 58 | 80): number {
  return paperWidthMm === 58 ? 32 : 48;
}

/** The columns a layout uses: the printer's own `columns` when configured, else the paper's usual. */
export function layoutColumns(printer: { paperWidthMm: 58 | 80; columns?: number | undefined }): number {
  return printer.columns ?? columnsForPaper(printer.paperWidthMm);
}

export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return 0;
  return cp < 0x80 ? 1 : 2;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/**
 * Make text safe for the printer: `¥` (which GB18030 encodes as a 4-byte sequence most printers
 * cannot print) becomes the full-width `￥`, tabs and no-break spaces become spaces, CR/LF pairs become
 * LF, and other control characters are dropped.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/¥/g, '￥')
      .replace(/[\t\u00a0]/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
  );
}

/** Characters that must not start a line (行首禁则): closing brackets and punctuation, the middle dot. */
const NO_LINE_START = new Set([...'，。、：；！？）》」』】〕〉〗｝…‥·・％”’,.;:!?)]}%']);

/** Characters that must not end a line (行尾禁则): opening brackets and quotes. */
const NO_LINE_END = new Set([...'（《「『【〔〈〖｛“‘([{']);

/**
 * Tokens that are never split when they fit on a line: an ASCII word (numbers, URLs), with a
 * following 号 or 号窗口 (`A001号`, `1号窗口`); a short bracketed group (`（存根）`, `（签字）`); a run
 * of spaces; or one other character.
 */
const TOKEN = /[\x21-\x7e]+(?:号窗口|号)?|[（【〔「『《][^（）【】〔〕「」『』《》\s]{1,8}[）】〕」』》]| +|[^]/gu;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isSpace = (token: string): boolean => token.startsWith(' ');
const isAsciiWord = (token: string): boolean => /^[\x21-\x7e]+$/.test(token);
/** A kept-together token that may still be split between its characters when it must. */
const isGroup = (token: string): boolean => !isSpace(token) && !isAsciiWord(token) && [...token].length > 1;

/** Whether a line may break between two tokens (禁则: no opener at a line's end, no closer at its start). */
function canBreak(before: string, after: string): boolean {
  if (isSpace(before) || isSpace(after)) return true;
  const last = [...before].pop() ?? '';
  const first = [...after][0] ?? '';
  return !NO_LINE_END.has(last) && !NO_LINE_START.has(first);
}

/** The longest prefix of `text` that fits in `room` columns, and the rest. */
function takeWidth(text: string, room: number): [string, string] {
  let taken = '';
  let w = 0;
  for (const ch of text) {
    if (w + charWidth(ch) > room) break;
    taken += ch;
    w += charWidth(ch);
  }
  return [taken, text.slice(taken.length)];
}

export interface FoldOptions {
  /** Hanging indent: continuation lines start with this many spaces (e.g. the width of "1、"). */
  indent?: number;
}

/**
 * Fold text into lines no wider than `width` columns. ASCII words (numbers, URLs) and short groups such
 * as `1号窗口` or `（存根）` are kept whole when they fit on a line; Chinese breaks between any two
 * characters except where 禁则 forbids it: no line ends with an opening bracket, none starts with closing
 * punctuation or `·`. Explicit `\n` starts a new line.
 */
export function foldText(text: string, width: number, options: FoldOptions = {}): string[] {
  if (width < 2) throw new RangeError(`line width ${width} is too small`);
  const indent = Math.max(0, Math.min(options.indent ?? 0, width - 2));
  const out: string[] = [];
  for (const paragraph of normalizeText(text).split('\n')) {
    out.push(...foldParagraph(paragraph, width, indent));
  }
  return out;
}

function foldParagraph(paragraph: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  const next = width - indent;
  let line: string[] = [];
  let used = 0;
  const limit = (): number => (lines.length === 0 ? width : next);
  const emit = (tokens: string[]): void => {
    lines.push((lines.length > 0 ? pad : '') + tokens.join('').trimEnd());
  };
  /** Start a new line holding `carry` (leading spaces dropped). */
  const restart = (carry: string[]): void => {
    const first = carry.findIndex((t) => !isSpace(t));
    line = first < 0 ? [] : carry.slice(first);
    used = textWidth(line.join(''));
  };
  const queue = tokenize(paragraph);
  for (let i = 0; i < queue.length; i++) {
    const token = queue[i] ?? '';
    const w = textWidth(token);
    if (isSpace(token)) {
      if (line.length === 0 && lines.length > 0) continue; // no leading spaces after a fold
      if (used + w <= limit()) {
        line.push(token);
        used += w;
      } else {
        emit(line);
        restart([]);
      }
      continue;
    }
    if (used + w <= limit()) {
      line.push(token);
      used += w;
      continue;
    }
    // A group wider than a whole line is laid out character by character.
    if (w > next && isGroup(token)) {
      queue.splice(i, 1, ...[...token]);
      i -= 1;
      continue;
    }
    // Break at the last place 禁则 allows, carrying what follows it to the next line with this token.
    let k = line.length;
    let carried = 0;
    while (k > 0 && !canBreak(line[k - 1] ?? '', line[k] ?? token)) {
      carried += textWidth(line[k - 1] ?? '');
      k -= 1;
    }
    if (k === 0 || carried + w > next) {
      // Nowhere allowed. A bracketed group on the line may hold a legal break: lay the line out again
      // with its characters apart; when there is none, break here after all (a `1号窗口` stays whole).
      const bracketed = (t: string): boolean => isGroup(t) && NO_LINE_END.has([...t][0] ?? '');
      if (line.some(bracketed)) {
        queue.splice(i, 0, ...line.flatMap((t) => (bracketed(t) ? [...t] : [t])));
        line = [];
        used = 0;
        i -= 1;
        continue;
      }
      k = line.length;
    }
    if (k > 0) {
      const carry = line.slice(k);
      emit(line.slice(0, k));
      restart(carry);
    }
    if (used + w <= limit()) {
      line.push(token);
      used += w;
      continue;
    }
    // A word longer than a whole line: hard-split it.
    let rest = token;
    while (rest !== '') {
      const [piece, remainder] = takeWidth(rest, limit() - used);
      if (piece === '') {
        if (line.length === 0) throw new RangeError(`cannot fit "${rest}" in ${limit()} columns`);
        emit(line);
        restart([]);
        continue;
      }
      line.push(piece);
      used += textWidth(piece);
      rest = remainder;
      if (rest !== '') {
        emit(line);
        restart([]);
      }
    }
  }
  if (line.length > 0 || lines.length === 0) emit(line);
  return lines;
}

/** Pad `text` with spaces on the right to `width` columns (never truncates). */
export function padEndColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/**
 * `left` flush left and `right` flush right on one line of `width` columns, with at least one space
 * between. When both do not fit, `left` is folded and `right` goes flush right on a line of its own.
 * Returns the printed lines.
 */
export function leftRight(left: string, right: string, width: number): string[] {
  const l = normalizeText(left);
  const r = normalizeText(right);
  const lw = textWidth(l);
  const rw = textWidth(r);
  if (lw + 1 + rw <= width) return [l + ' '.repeat(width - lw - rw) + r];
  const lines = l === '' ? [] : foldText(l, width);
  const last = lines[lines.length - 1];
  if (last !== undefined && textWidth(last) + 1 + rw <= width) {
    lines[lines.length - 1] = last + ' '.repeat(width - textWidth(last) - rw) + r;
    return lines;
  }
  for (const piece of foldText(r, width)) lines.push(' '.repeat(width - textWidth(piece)) + piece);
  return lines;
}
