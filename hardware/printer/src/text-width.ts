/**
 * Column arithmetic for a Chinese-mode ESC/POS printer (Font A, 12×24 dots).
 *
 * In Chinese mode (`FS &`) every character that is not ASCII is sent as a multi-byte GB18030
 * character and printed as a 24-dot-wide glyph, i.e. two columns. So the rule is simply:
 * printable ASCII = 1 column, anything else = 2 columns. This covers CJK, full-width forms and
 * punctuation such as `【】，：￥`, and also characters like `·` or `…` that a Western terminal
 * would call narrow but the printer prints full width.
 */

/** Font A columns per line for the two common paper widths. */
export function columnsForPaper(paperWidthMm: 58 | 80): number {
  return paperWidthMm === 58 ? 32 : 48;
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

/** Characters that must not start a line (行首禁则). */
const NO_LINE_START = new Set([...'，。、：；！？）》」』】〕〉…,.;:!?)]}%']);

/** A word of ASCII non-space characters, a run of spaces, or one other character. */
function tokenize(text: string): string[] {
  return text.match(/[\x21-\x7e]+| +|[^]/gu) ?? [];
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
 * Fold text into lines no wider than `width` columns. ASCII words (numbers, URLs) are kept whole when
 * they fit on a line; Chinese breaks between any two characters, except that closing punctuation is not
 * allowed to start a line. Explicit `\n` starts a new line.
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
  let tokens: string[] = [];
  let used = 0;
  let limit = width;
  const pad = ' '.repeat(indent);
  const flush = (): void => {
    lines.push((lines.length > 0 ? pad : '') + tokens.join('').trimEnd());
    tokens = [];
    used = 0;
    limit = width - indent;
  };
  for (const token of tokenize(paragraph)) {
    const w = textWidth(token);
    if (used + w <= limit) {
      if (used === 0 && token.startsWith(' ') && lines.length > 0) continue; // no leading spaces after a fold
      tokens.push(token);
      used += w;
      continue;
    }
    if (token.startsWith(' ')) {
      flush();
      continue;
    }
    // Keep closing punctuation with the character before it.
    let carry: string[] = [];
    if (NO_LINE_START.has(token) && tokens.length > 1) {
      const last = tokens[tokens.length - 1] ?? '';
      if (textWidth(last) + w <= width - indent) {
        carry = [last];
        tokens = tokens.slice(0, -1);
      }
    }
    if (tokens.length > 0) flush();
    for (const c of carry) {
      tokens.push(c);
      used += textWidth(c);
    }
    if (used + w <= limit) {
      tokens.push(token);
      used += w;
      continue;
    }
    // A word longer than a whole line: hard-split it.
    let rest = token;
    while (rest !== '') {
      const [piece, remainder] = takeWidth(rest, limit - used);
      if (piece === '') {
        if (tokens.length === 0) throw new RangeError(`cannot fit "${rest}" in ${limit} columns`);
        flush();
        continue;
      }
      tokens.push(piece);
      used += textWidth(piece);
      rest = remainder;
      if (rest !== '') flush();
    }
  }
  if (tokens.length > 0 || lines.length === 0) flush();
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
