import { describe, expect, it } from 'vitest';
import { charWidth, columnsForPaper, foldText, leftRight, normalizeText, textWidth } from './text-width.ts';

describe('text width (Chinese-mode printer: ASCII 1 column, everything else 2)', () => {
  it('counts columns', () => {
    expect(charWidth('A')).toBe(1);
    expect(charWidth('请')).toBe(2);
    expect(charWidth('￥')).toBe(2);
    expect(charWidth('【')).toBe(2);
    expect(textWidth('请A001号到3号窗口')).toBe(2 + 4 + 2 + 2 + 1 + 2 + 2 + 2);
    expect(columnsForPaper(80)).toBe(48);
    expect(columnsForPaper(58)).toBe(32);
  });

  it('normalises ¥ to ￥ and drops control characters', () => {
    expect(normalizeText('¥5\t元\r\n好\u0007')).toBe('￥5 元\n好');
  });

  it('folds CJK by width and keeps closing punctuation off the line start', () => {
    const text = '需要补齐以下资料后方可办理，经审查，办理事项的资料不全。谢谢您的合作！';
    for (const width of [10, 11, 16, 32]) {
      const lines = foldText(text, width);
      expect(lines.join('')).toBe(text);
      for (const l of lines) {
        expect(textWidth(l)).toBeLessThanOrEqual(width);
        expect('，。！').not.toContain(l[0]);
      }
    }
  });

  it('禁则: no line ends with an opening bracket, none starts with closing punctuation or ·', () => {
    const text = '请携带（原件）、复印件·两份；【注意】材料：「身份证」『户口簿』。好！';
    for (let width = 6; width <= 40; width++) {
      const lines = foldText(text, width);
      expect(lines.join('')).toBe(text);
      for (const l of lines) {
        expect(textWidth(l), `${width}: ${l}`).toBeLessThanOrEqual(width);
        expect(l, `${width}: ${lines.join(' | ')}`).not.toMatch(/^[）。，、：；！？」』】·]/u);
        expect(l, `${width}: ${lines.join(' | ')}`).not.toMatch(/[（「『【]$/u);
      }
    }
    // "X（" would end a line with the bracket at 10 columns: the bracket moves down with its group.
    expect(foldText('一二三四（五六七八九十）', 10)).toEqual(['一二三四', '（五六七八', '九十）']);
    expect(foldText('张三·李四', 4)).toEqual(['张', '三·', '李四']);
  });

  it('keeps 1号窗口, A001号 and short bracketed groups such as （存根） whole', () => {
    const whole = ['（存根）', '1号窗口', '12号窗口', 'A001号'];
    for (let width = 8; width <= 30; width++) {
      const lines = foldText('政务服务一次性告知单（存根）请到综合1号窗口或12号窗口，凭A001号办理', width);
      for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(width);
      const joined = lines.join('|');
      for (const w of whole)
        for (let p = 1; p < w.length; p++)
          expect(joined, String(width)).not.toContain(`${w.slice(0, p)}|${w.slice(p)}`);
    }
    expect(foldText('告知单（通知联）', 10)).toEqual(['告知单', '（通知联）']);
    expect(foldText('窗口：综合服务1号窗口', 16)).toEqual(['窗口：综合服务', '1号窗口']);
  });

  it('keeps ASCII words whole when they fit, hard-splits longer ones', () => {
    expect(foldText('号码 A001 与 B002 号', 10)).toEqual(['号码 A001', '与 B002 号']);
    const url = 'http://hall.local:8080/t/AbC123456789';
    const lines = foldText(`网址 ${url}`, 16);
    expect(lines.every((l) => textWidth(l) <= 16)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`网址${url}`);
  });

  it('indents continuation lines', () => {
    const lines = foldText('1、户口簿原件及复印件（户主页和本人页）', 16, { indent: 3 });
    expect(lines[0]?.startsWith('1、')).toBe(true);
    for (const l of lines.slice(1)) expect(l.startsWith('   ')).toBe(true);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(16);
  });

  it('leftRight pads to exactly the width, or folds', () => {
    const [line] = leftRight('经办民警：李四', '窗口：3号窗口', 32);
    expect(textWidth(line ?? '')).toBe(32);
    expect(line).toMatch(/^经办民警：李四 +窗口：3号窗口$/);
    const long = leftRight('经办民警：欧阳某某某某某某某', '窗口：综合服务3号窗口', 32);
    expect(long.length).toBe(2);
    for (const l of long) expect(textWidth(l)).toBeLessThanOrEqual(32);
    expect(long[1]?.endsWith('窗口：综合服务3号窗口')).toBe(true);
  });
});
