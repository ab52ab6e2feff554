import type { Align } from './escpos.ts';
import { textWidth } from './text-width.ts';

/**
 * ESC/POS bytes → what a printer would print, for tests and previews. Understands the commands our
 * builder sends (and skips the usual others by their length). Text is decoded as GB18030.
 */

export type DecodedBlock =
  | {
      kind: 'text';
      text: string;
      align: Align;
      bold: boolean;
      /** Largest width/height multiplier used on the line. */
      widthMul: number;
      heightMul: number;
      /** Printed width in Font A columns (double-width characters count twice). */
      columns: number;
    }
  | { kind: 'qr'; data: string; align: Align }
  | { kind: 'cut'; partial: boolean };

export interface DecodedPrint {
  /** One entry per printed line (blank lines included), GB18030-decoded. */
  lines: string[];
  /** Printed width in columns of each entry of `lines`. */
  lineColumns: number[];
  /** Data of every QR code printed. */
  qr: string[];
  cuts: number;
  /** `FS &` was sent and no non-ASCII text was printed outside Chinese mode. */
  chineseMode: boolean;
  /** Lines printed (partly) at double width or height. */
  doubleSizeLines: string[];
  /** Everything in print order. */
  blocks: DecodedBlock[];
}

const ALIGNS: readonly Align[] = ['left', 'center', 'right'];
const gb18030 = new TextDecoder('gb18030');
const utf8 = new TextDecoder('utf-8');

interface Segment {
  bytes: number[];
  widthMul: number;
  heightMul: number;
  bold: boolean;
}

export function decodeEscPos(input: Buffer | Uint8Array): DecodedPrint {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const blocks: DecodedBlock[] = [];
  let align: Align = 'left';
  let lineAlign: Align | null = null;
  let bold = false;
  let widthMul = 1;
  let heightMul = 1;
  let chinese = false;
  let sawChineseMode = false;
  let textOutsideChinese = false;
  let qrData: string | null = null;
  let segments: Segment[] = [];

  const reset = (): void => {
    align = 'left';
    bold = false;
    widthMul = 1;
    heightMul = 1;
    chinese = false; // ESC @ restores power-on defaults; we always re-send FS &.
  };
  const addByte = (b: number): void => {
    if (b >= 0x80 && !chinese) textOutsideChinese = true;
    lineAlign ??= align;
    let seg = segments[segments.length - 1];
    if (!seg || seg.widthMul !== widthMul || seg.heightMul !== heightMul || seg.bold !== bold) {
      seg = { bytes: [], widthMul, heightMul, bold };
      segments.push(seg);
    }
    seg.bytes.push(b);
  };
  const endLine = (): void => {
    let text = '';
    let columns = 0;
    let wMax = 1;
    let hMax = 1;
    let anyBold = false;
    for (const s of segments) {
      const t = gb18030.decode(Uint8Array.from(s.bytes));
      text += t;
      columns += textWidth(t) * s.widthMul;
      wMax = Math.max(wMax, s.widthMul);
      hMax = Math.max(hMax, s.heightMul);
      anyBold ||= s.bold;
    }
    blocks.push({
      kind: 'text',
      text,
      align: lineAlign ?? align,
      bold: anyBold,
      widthMul: wMax,
      heightMul: hMax,
      columns,
    });
    segments = [];
    lineAlign = null;
  };
  const pending = (): boolean => segments.length > 0;

  let i = 0;
  const at = (k: number): number => buf[i + k] ?? 0;
  while (i < buf.length) {
    const b = at(0);
    if (b === 0x0a) {
      endLine();
      i += 1;
    } else if (b === 0x0d || b === 0x0b || b === 0x00) {
      i += 1;
    } else if (b === 0x09) {
      addByte(0x20);
      i += 1;
    } else if (b === 0x1b) {
      i += escLength(buf, i, (cmd, n) => {
        if (cmd === 0x40) reset();
        else if (cmd === 0x61) align = ALIGNS[n % 48] ?? 'left';
        else if (cmd === 0x45) bold = (n & 1) === 1;
        else if (cmd === 0x21) {
          bold = (n & 0x08) !== 0;
          heightMul = n & 0x10 ? 2 : 1;
          widthMul = n & 0x20 ? 2 : 1;
        } else if (cmd === 0x64) {
          let feed = n;
          if (pending()) {
            endLine();
            feed -= 1;
          }
          for (let k = 0; k < feed; k++) endLine();
        } else if (cmd === 0x4a && pending()) endLine();
      });
    } else if (b === 0x1d) {
      const cmd = at(1);
      if (cmd === 0x21) {
        widthMul = ((at(2) >> 4) & 0x07) + 1;
        heightMul = (at(2) & 0x07) + 1;
        i += 3;
      } else if (cmd === 0x56) {
        if (pending()) endLine();
        const m = at(2);
        blocks.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 || m === 98 || m === 104 });
        i += m >= 65 ? 4 : 3;
      } else if (cmd === 0x28 && at(2) === 0x6b) {
        const len = at(3) + at(4) * 256;
        const payload = buf.subarray(i + 5, i + 5 + len);
        if (payload[0] === 0x31 && payload[1] === 0x50) qrData = utf8.decode(payload.subarray(3));
        if (payload[0] === 0x31 && payload[1] === 0x51) {
          if (pending()) endLine();
          blocks.push({ kind: 'qr', data: qrData ?? '', align });
        }
        i += 5 + len;
      } else if (cmd === 0x76 && at(2) === 0x30) {
        i += 8 + (at(4) + at(5) * 256) * (at(6) + at(7) * 256); // raster image
      } else if (cmd === 0x6b) {
        i += barcodeLength(buf, i);
      } else {
        i += 3; // GS r n, GS B n, GS h n, GS w n, GS H n, GS f n …
      }
    } else if (b === 0x1c) {
      const cmd = at(1);
      if (cmd === 0x26) {
        chinese = true;
        sawChineseMode = true;
        i += 2;
      } else if (cmd === 0x2e) {
        chinese = false;
        i += 2;
      } else {
        i += cmd === 0x53 ? 4 : 3; // FS ! n, FS C n, FS W n; FS S n1 n2
      }
    } else if (b === 0x10) {
      i += at(1) === 0x14 ? 5 : 3; // DLE EOT n / DLE ENQ n; DLE DC4 fn m t
    } else if (b < 0x20 || b === 0x7f) {
      i += 1;
    } else {
      addByte(b);
      i += 1;
    }
  }
  if (pending()) endLine();

  const lines: string[] = [];
  const lineColumns: number[] = [];
  const qr: string[] = [];
  const doubleSizeLines: string[] = [];
  let cuts = 0;
  for (const block of blocks) {
    if (block.kind === 'text') {
      lines.push(block.text);
      lineColumns.push(block.columns);
      if (block.widthMul > 1 || block.heightMul > 1) doubleSizeLines.push(block.text);
    } else if (block.kind === 'qr') qr.push(block.data);
    else cuts += 1;
  }
  return {
    lines,
    lineColumns,
    qr,
    cuts,
    chineseMode: sawChineseMode && !textOutsideChinese,
    doubleSizeLines,
    blocks,
  };
}

/** Length of the ESC command at `i`; calls `apply(cmd, n)` with its first parameter. */
function escLength(buf: Buffer, i: number, apply: (cmd: number, n: number) => void): number {
  const cmd = buf[i + 1] ?? 0;
  const n = buf[i + 2] ?? 0;
  switch (cmd) {
    case 0x40: // ESC @
    case 0x32: // ESC 2
    case 0x3c: // ESC <
      apply(cmd, 0);
      return 2;
    case 0x70: // ESC p m t1 t2
      return 5;
    case 0x42: // ESC B n t (beep)
    case 0x24: // ESC $ nL nH
      return 4;
    case 0x2a: {
      // ESC * m nL nH d…
      const dots = (buf[i + 3] ?? 0) + (buf[i + 4] ?? 0) * 256;
      return 5 + (n >= 32 ? 3 * dots : dots);
    }
    default:
      apply(cmd, n);
      return 3; // ESC a/E/!/d/J/M/-/R/t/3/G/V/{ n
  }
}

function barcodeLength(buf: Buffer, i: number): number {
  const m = buf[i + 2] ?? 0;
  if (m >= 65) return 4 + (buf[i + 3] ?? 0);
  let k = i + 3;
  while (k < buf.length && buf[k] !== 0) k++;
  return k + 1 - i;
}
