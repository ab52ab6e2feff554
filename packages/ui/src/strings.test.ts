import { describe, expect, it } from 'vitest';
import { formatEstimate, formatWait } from './format-wait.ts';
import { hubMessage, strings, t, weekdaysLabel } from './strings.ts';

describe('strings', () => {
  it('English has every Chinese key, and no string is empty unless meant to be', () => {
    expect(Object.keys(strings.en).sort()).toEqual(Object.keys(strings.zh).sort());
    for (const [key, value] of Object.entries(strings.zh)) expect(value, key).not.toBe('');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('zh', 'confirm.ahead', { n: 3 })).toBe('前面还有 3 人');
    expect(t('en', 'mark.green', { reason: 'Elderly' })).toBe('Priority · Elderly');
    expect(t('zh', 'confirm.ahead')).toBe('前面还有 {n} 人');
  });

  it('formats waits in plain words', () => {
    expect(formatWait(0, 'zh')).toBe('无需等候');
    expect(formatWait(61, 'zh')).toBe('约 2 分钟');
    expect(formatWait(720, 'zh')).toBe('约 12 分钟');
    expect(formatWait(80 * 60, 'zh')).toBe('约 1 小时 20 分钟');
    expect(formatWait(120 * 60, 'en')).toBe('about 2 h');
    expect(formatEstimate({ estimatedWaitS: 720, unstaffed: true }, 'zh')).toBe('暂无窗口办理');
    expect(formatEstimate({ estimatedWaitS: 720, unstaffed: false }, 'zh')).toBe('约 12 分钟');
  });

  it('names weekday runs', () => {
    expect(weekdaysLabel('zh', [1, 2, 3, 4, 5])).toBe('周一至周五');
    expect(weekdaysLabel('zh', [6, 0])).toBe('周六、周日');
    expect(weekdaysLabel('en', [1, 2, 3, 5])).toBe('Mon–Wed, Fri');
  });

  it('keeps the half of a hub message in the screen language', () => {
    const m = '您已有本队列的号票 A001，请勿重复取号 / you already hold ticket A001 in this queue';
    expect(hubMessage(m, 'zh')).toBe('您已有本队列的号票 A001，请勿重复取号');
    expect(hubMessage(m, 'en')).toBe('you already hold ticket A001 in this queue');
    expect(hubMessage('现在不能取号', 'en')).toBe('现在不能取号');
  });
});
