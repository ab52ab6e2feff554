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
