import iconv from 'iconv-lite';
import { foldText, leftRight, normalizeText, textWidth, type FoldOptions } from './text-width.ts';

/**
 * ESC/POS encoding done by us, not by node-thermal-printer: its encoder picks code pages by itself,
 * sends EUC-CN, counts CJK as one column and writes a wrong QR length (see docs/hardware-notes.md).
 * Every init is followed by `FS &` (Chinese mode) and all text is GB18030.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export const CMD = {
  init: Buffer.from([ESC, 0x40]), // ESC @
  chineseMode: Buffer.from([FS, 0x26]), // FS &
  fullCut: Buffer.from([GS, 0x56, 0x00]), // GS V 0: cut where the paper is
  partialCut: Buffer.from([GS, 0x56, 0x01]), // GS V 1
} as const;

export type Align = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

const ALIGN_CODE: Record<Align, number> = { left: 0, center: 1, right: 2 };
const QR_LEVEL_CODE: Record<QrErrorLevel, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/** Text → GB18030 bytes, after `normalizeText` (so `¥` prints as `￥`). */
export function encodeText(text: string): Buffer {
  return iconv.encode(normalizeText(text), 'gb18030');
}

/** `DLE EOT n`: real-time status request (n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export function dleEot(n: 1 | 2 | 3 | 4): Buffer {
  return Buffer.from([DLE, EOT, n]);
}

function gsK(payload: Buffer): Buffer {
  // GS ( k pL pH cn fn … — the length counts cn, fn and the parameters (bytes, not characters).
  const len = payload.length;
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, len & 0xff, (len >> 8) & 0xff]), payload]);
}

export interface QrOptions {
  /** Module size in dots, 1–16 (6 ≈ 0.75 mm on a 203 dpi head). */
  moduleSize?: number;
  errorLevel?: QrErrorLevel;
}

/** `GS ( k` QR code, model 2: select model, module size, error level, store (UTF-8 byte length), print. */
export function qrCommands(data: string, options: QrOptions = {}): Buffer {
  const size = options.moduleSize ?? 6;
  if (!Number.isInteger(size) || size < 1 || size > 16) throw new RangeError(`QR module size ${size} not in 1..16`);
  const bytes = Buffer.from(data, 'utf8');
  if (bytes.length === 0) throw new RangeError('QR data is empty');
  if (bytes.length > 7089) throw new RangeError(`QR data too long (${bytes.length} bytes)`);
  return Buffer.concat([
    gsK(Buffer.from([0x31, 0x41, 0x32, 0x00])), // fn 65: model 2
    gsK(Buffer.from([0x31, 0x43, size])), // fn 67: module size
    gsK(Buffer.from([0x31, 0x45, QR_LEVEL_CODE[options.errorLevel ?? 'M']])), // fn 69: error level
    gsK(Buffer.concat([Buffer.from([0x31, 0x50, 0x30]), bytes])), // fn 80: store data
    gsK(Buffer.from([0x31, 0x51, 0x30])), // fn 81: print
  ]);
}

export interface BuilderOptions {
  /** Font A columns per line (usually 48 on 80 mm paper and 32 on 58 mm; 42 and 30 on an Epson TM-T88). */
  columns: number;
}

/** Builds one print job. Line helpers fold text to the paper width (2 columns per CJK character). */
export class EscPosBuilder {
  readonly columns: number;
  private readonly parts: Buffer[] = [];
  private widthMul = 1;

  constructor(options: BuilderOptions) {
    this.columns = options.columns;
  }

  /** Columns available at the current character width (half the paper at double width). */
  get lineColumns(): number {
    return Math.floor(this.columns / this.widthMul);
  }

  raw(bytes: Buffer | readonly number[]): this {
    this.parts.push(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
    return this;
  }

  /** `ESC @` then `FS &`: reset the printer and turn Chinese mode back on. */
  init(): this {
    this.widthMul = 1;
    return this.raw(CMD.init).raw(CMD.chineseMode);
  }

  align(align: Align): this {
    return this.raw([ESC, 0x61, ALIGN_CODE[align]]);
  }

  bold(on: boolean): this {
    return this.raw([ESC, 0x45, on ? 1 : 0]);
  }

  /** `GS !`: character width and height multipliers (1–8). `size(2, 2)` is double size. */
  size(width: number, height: number = width): this {
    for (const m of [width, height]) {
      if (!Number.isInteger(m) || m < 1 || m > 8) throw new RangeError(`character size ${m} not in 1..8`);
    }
    this.widthMul = width;
    return this.raw([GS, 0x21, ((width - 1) << 4) | (height - 1)]);
  }

  /** Text as is, no folding and no line feed. */
  text(text: string): this {
    return this.raw(encodeText(text));
  }

  newline(count = 1): this {
    return this.raw(Buffer.alloc(count, LF));
  }

  /** Text folded to the line width at the current size, each printed line ended by LF. */
  line(text = '', fold: FoldOptions = {}): this {
    for (const l of foldText(text, this.lineColumns, fold)) this.text(l).newline();
    return this;
  }

  lines(texts: readonly string[]): this {
    for (const t of texts) this.line(t);
    return this;
  }

  leftRight(left: string, right: string): this {
    for (const l of leftRight(left, right, this.lineColumns)) this.text(l).newline();
    return this;
  }

  /** A full-width rule, e.g. `------`. */
  rule(char = '-'): this {
    return this.text(char.repeat(Math.floor(this.lineColumns / Math.max(1, textWidth(char))))).newline();
  }

  /** `ESC d n`: print and feed n lines. */
  feed(lines = 1): this {
    return this.raw([ESC, 0x64, Math.max(0, Math.min(255, lines))]);
  }

  qr(data: string, options: QrOptions = {}): this {
    return this.raw(qrCommands(data, options));
  }

  /**
   * `GS V 66 n` (or `GS V 65 n` for a full cut): the printer feeds until the last line is past the
   * cutter, `n` dots more, and cuts, so no fixed feed guesses the head-to-cutter distance. Then
   * `ESC @` + `FS &` so the next part starts from a known state in Chinese mode.
   */
  cut(options: { partial?: boolean; extraDots?: number } = {}): this {
    const n = Math.max(0, Math.min(255, Math.round(options.extraDots ?? 0)));
    this.raw([GS, 0x56, options.partial === false ? 65 : 66, n]);
    return this.init();
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}
