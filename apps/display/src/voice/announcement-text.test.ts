import { describe, expect, it } from 'vitest';
import {
  REQUIRED_CLIPS,
  buildAnnouncement,
  cardinalParts,
  clipSequence,
  readCodeZh,
  windowNumberZh,
} from './announcement-text.ts';

describe('announcement text', () => {
  it('reads a call as 请 A001 号 到 3 号窗口 办理, digits one by one', () => {
    const a = buildAnnouncement({ number: 'A001', windowNumber: 3 });
    expect(a.text).toBe('请 A001 号 到 3 号窗口 办理');
    expect(a.spokenZh).toBe('请，A零零一号，到三号窗口办理');
    expect(a.en).toBe('Number A 0 0 1, please go to window 3');
  });

  it('never reads a ticket number as a quantity: A010 is A零一零, not A十', () => {
    expect(readCodeZh('A010')).toBe('A零一零');
    expect(readCodeZh('AB1234567890')).toBe('AB一二三四五六七八九零');
    expect(readCodeZh('c-07')).toBe('C零七');
  });

  it('says window numbers as people do', () => {
    expect([1, 9, 10, 12, 20, 21, 100, 101, 110, 999].map(windowNumberZh)).toEqual([
      '一',
      '九',
      '十',
      '十二',
      '二十',
      '二十一',
      '一百',
      '一百零一',
      '一百一十',
      '九百九十九',
    ]);
  });

  it('builds the clip sequence, with or without the 十/百 clips', () => {
    expect(clipSequence({ number: 'B012', windowNumber: 3 }, true)).toEqual([
      'qing',
      'B',
      '0',
      '1',
      '2',
      'hao',
      'dao',
      '3',
      'hao-chuangkou',
      'banli',
    ]);
    expect(clipSequence({ number: 'A1', windowNumber: 12 }, true).slice(5, 7)).toEqual(['shi', '2']);
    expect(clipSequence({ number: 'A1', windowNumber: 12 }, false).slice(5, 7)).toEqual(['1', '2']);
    expect(cardinalParts(105)).toEqual(['1', 'bai', '0', '5']);
    // Every clip a call can need is in the required set, except the optional 十/百.
    const all = clipSequence({ number: 'XZ9087654321', windowNumber: 456 }, false);
    expect(all.every((c) => REQUIRED_CLIPS.includes(c))).toBe(true);
  });
});
