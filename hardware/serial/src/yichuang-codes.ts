import { ratingReasons, type RatingLevel } from '@yichuang/protocol';
import iconv from 'iconv-lite';
import { keypadKeys, type KeypadKey, type PadRating, type ScreenLines } from './device-types.ts';
import { MAX_PAYLOAD } from './frame.ts';

/**
 * Command bytes, key codes and payload layouts of the `yichuang` protocol. Every payload starts with the
 * sender's sequence number (0–255, wrapping), which the ACK/NAK echoes, so a late answer to an earlier try
 * is never taken for the answer to this one and a re-sent event is recognised as such.
 */
export const CMD = {
  /** device → hub or hub → device: `SEQ CMD` of the frame acknowledged. */
  ack: 0x06,
  /** `SEQ CMD REASON` of the frame refused. */
  nak: 0x15,
  /** hub → device: `SEQ FLAGS N1 LINE1[N1] LINE2[…]` (GB18030). Screens, keypad LCDs, rating pads. */
  show: 0x10,
  /** hub → device: `SEQ`. Blank display. */
  clear: 0x11,
  /** hub → rating pad: like `show`, and arms the rating keys until a rating is sent or the display changes. */
  ratePrompt: 0x12,
  /** device → hub: `SEQ KEY`. */
  key: 0x30,
  /** device → hub: `SEQ LEVEL REASON` (REASON 0xFF = none, else an index into `ratingReasons`). */
  rating: 0x31,
} as const;

export const NAK_REASON = {
  unknownCommand: 0x01,
  badPayload: 0x02,
  busy: 0x03,
} as const;

export const SHOW_FLAG_BLINK = 0x01;
export const NO_REASON = 0xff;

/** Key code on the wire = index in `keypadKeys` + 1 (0x01 call-next … 0x07 resume). */
export const keyCode = (key: KeypadKey): number => keypadKeys.indexOf(key) + 1;
export const keyFromCode = (code: number): KeypadKey | null => keypadKeys[code - 1] ?? null;

export const encodeGb = (text: string): Buffer => iconv.encode(text, 'gb18030');
export const decodeGb = (bytes: Buffer): string => iconv.decode(bytes, 'gb18030');

/** `FLAGS N1 LINE1 LINE2` (without SEQ). Throws RangeError when it does not fit one frame. */
export function encodeLines(lines: ScreenLines): Buffer {
  const l1 = encodeGb(lines.line1);
  const l2 = encodeGb(lines.line2 ?? '');
  // SEQ FLAGS N1 + both lines must fit LEN.
  if (3 + l1.length + l2.length > MAX_PAYLOAD) {
    throw new RangeError(`screen text too long (${l1.length + l2.length} bytes in GB18030)`);
  }
  return Buffer.concat([Buffer.from([lines.blink ? SHOW_FLAG_BLINK : 0, l1.length]), l1, l2]);
}

/** The inverse of `encodeLines`; null when the lengths do not add up. */
export function decodeLines(body: Buffer): ScreenLines | null {
  const flags = body[0];
  const n1 = body[1];
  if (flags === undefined || n1 === undefined || body.length < 2 + n1) return null;
  const line2 = decodeGb(body.subarray(2 + n1));
  return {
    line1: decodeGb(body.subarray(2, 2 + n1)),
    ...(line2 === '' ? {} : { line2 }),
    blink: (flags & SHOW_FLAG_BLINK) !== 0,
  };
}

/** `LEVEL REASON` (without SEQ). */
export function encodeRating(r: PadRating): Buffer {
  if (!Number.isInteger(r.level) || r.level < 1 || r.level > 5) throw new RangeError(`rating level ${r.level}`);
  let reason = NO_REASON;
  if (r.reason !== null) {
    reason = (ratingReasons as readonly string[]).indexOf(r.reason);
    if (reason < 0) throw new RangeError(`unknown rating reason "${r.reason}"`);
  }
  return Buffer.from([r.level, reason]);
}

/** null for a level outside 1–5 or a reason index outside the list. */
export function decodeRating(body: Buffer): PadRating | null {
  const level = body[0];
  const reasonByte = body[1];
  if (level === undefined || reasonByte === undefined || level < 1 || level > 5) return null;
  if (reasonByte === NO_REASON) return { level: level as RatingLevel, reason: null };
  const reason = ratingReasons[reasonByte];
  return reason === undefined ? null : { level: level as RatingLevel, reason };
}

/** The texts the rating pad shows (fixed by the national 好差评 wording). */
export const RATING_TEXT = {
  prompt: '请对本次服务进行评价',
  thanks: '谢谢您的评价',
  levels: { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } satisfies Record<
    RatingLevel,
    string
  >,
} as const;
