import { ratingReasons } from '@yichuang/protocol';
import { describe, expect, it } from 'vitest';
import { keypadKeys } from './device-types.ts';
import {
  decodeLines,
  decodeRating,
  encodeLines,
  encodeRating,
  keyCode,
  keyFromCode,
  NO_REASON,
  SHOW_FLAG_BLINK,
} from './yichuang-codes.ts';

describe('yichuang payloads', () => {
  it('round-trips one and two lines with the blink flag', () => {
    for (const lines of [
      { line1: '请 A001 号', blink: true },
      { line1: '暂停服务', blink: false },
      { line1: '请对本次服务进行评价', line2: 'A001号 3号窗口', blink: false },
      { line1: '', blink: false },
    ]) {
      expect(decodeLines(encodeLines(lines))).toEqual(lines);
    }
    const body = encodeLines({ line1: '未开放', line2: '3号窗口', blink: true });
    expect(body[0]).toBe(SHOW_FLAG_BLINK);
    expect(body[1]).toBe(6); // 未开放 is 3 characters, 6 bytes in GB18030
  });

  it('rejects text that does not fit one frame, and a body whose lengths do not add up', () => {
    expect(() => encodeLines({ line1: '窗'.repeat(100), line2: '口'.repeat(30) })).toThrow(RangeError);
    expect(decodeLines(Buffer.from([0, 5, 0x41]))).toBeNull();
    expect(decodeLines(Buffer.from([0]))).toBeNull();
  });

  it('numbers the keys 1–7 in the documented order', () => {
    expect(keypadKeys.map(keyCode)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(keypadKeys.map((k) => keyFromCode(keyCode(k)))).toEqual([...keypadKeys]);
    expect(keyFromCode(0)).toBeNull();
    expect(keyFromCode(8)).toBeNull();
  });

  it('sends a rating reason as its index in the protocol package list', () => {
    ratingReasons.forEach((reason, i) => {
      const body = encodeRating({ level: 1, reason });
      expect([...body]).toEqual([1, i]);
      expect(decodeRating(body)).toEqual({ level: 1, reason });
    });
    expect([...encodeRating({ level: 5, reason: null })]).toEqual([5, NO_REASON]);
    expect(decodeRating(Buffer.from([4, NO_REASON]))).toEqual({ level: 4, reason: null });
  });

  it('refuses levels outside 1–5 and unknown reasons', () => {
    expect(decodeRating(Buffer.from([0, NO_REASON]))).toBeNull();
    expect(decodeRating(Buffer.from([6, NO_REASON]))).toBeNull();
    expect(decodeRating(Buffer.from([2, ratingReasons.length]))).toBeNull();
    expect(decodeRating(Buffer.from([2]))).toBeNull();
    expect(() => encodeRating({ level: 2, reason: 'rude' })).toThrow(RangeError);
  });
});
