import { describe, expect, it } from 'vitest';
import {
  levelLabel,
  lowCount,
  minutes,
  NONE,
  pauseTotal,
  percent,
  reasonLabel,
  satisfaction,
  shortDuration,
  signInKind,
  signInText,
  statCells,
  weekday,
} from './report-format.ts';

const ratings = (levels: [number, number, number, number, number], satisfiedRate: number) => ({
  count: levels.reduce((a, b) => a + b, 0),
  mean: 0,
  levels: { '1': levels[0], '2': levels[1], '3': levels[2], '4': levels[3], '5': levels[4] },
  satisfiedRate,
});

describe('report formats', () => {
  it('short durations for table cells, in both languages', () => {
    expect(shortDuration('zh', 45.4)).toBe('45秒');
    expect(shortDuration('zh', 200)).toBe('3分20秒');
    expect(shortDuration('zh', 65)).toBe('1分05秒');
    expect(shortDuration('zh', 3900)).toBe('1时05分');
    expect(shortDuration('en', 200)).toBe('3m 20s');
    expect(shortDuration('en', 7260)).toBe('2h 01m');
    expect(shortDuration('zh', -3)).toBe('0秒');
  });

  it('a stat with nothing measured is dashes, not zeros', () => {
    expect(statCells('zh', { count: 0, meanS: 0, p50S: 0, p90S: 0 })).toEqual([NONE, NONE, NONE]);
    expect(statCells('zh', { count: 3, meanS: 90, p50S: 60, p90S: 600 })).toEqual(['1分30秒', '1分00秒', '10分00秒']);
  });

  it('shares, minutes and pause sums as the hub rounds them', () => {
    expect(percent(0.875)).toBe('87.5%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0.33333)).toBe('33.3%');
    expect(percent(0, false)).toBe(NONE);
    expect(percent(Number.NaN)).toBe(NONE);
    expect(minutes(12)).toBe('12');
    expect(minutes(7.55)).toBe('7.6');
    expect(pauseTotal({ away: 0.1, meeting: 0.2, meal: 40, other: 0 })).toBe(40.3);
  });

  it('ratings: low ones are levels 1 and 2; an unrated window has no satisfaction rate', () => {
    expect(lowCount(ratings([1, 2, 0, 3, 4], 0.7))).toBe(3);
    expect(satisfaction(ratings([1, 2, 0, 3, 4], 0.7))).toBe('70.0%');
    expect(satisfaction(ratings([0, 0, 0, 0, 0], 0))).toBe(NONE);
    expect([5, 4, 3, 2, 1].map((l) => levelLabel('zh', l))).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    expect(levelLabel('en', 1)).toBe('Very dissatisfied');
  });

  it('reason codes in words; a citizen’s own words as written', () => {
    expect(
      ['waited-long', 'attitude', 'slow', 'unclear', 'not-done', 'repeated-trips'].map((r) => reasonLabel('zh', r)),
    ).toEqual(['等候时间太长', '服务态度不好', '办理效率低', '告知不清楚', '事情没有办成', '让我多跑了路']);
    expect(reasonLabel('en', 'attitude')).toBe('Unfriendly attitude');
    expect(reasonLabel('zh', '窗口人员解释不耐心')).toBe('窗口人员解释不耐心');
    expect(reasonLabel('zh', 'toString')).toBe('toString');
    expect(reasonLabel('zh', null)).toBe(NONE);
  });

  it('sign-ins against 提前10分钟上岗', () => {
    const rec = (earlyMinutes: number) => ({
      day: '2026-11-23',
      windowId: 'w1',
      earlyMinutes,
      early: earlyMinutes >= 10,
    });
    expect([30, 10, 7, 0, -20].map((m) => signInKind(rec(m)))).toEqual(['early', 'early', 'short', 'short', 'late']);
    expect(signInText('zh', rec(30))).toBe('提前 30 分');
    expect(signInText('zh', rec(-20))).toBe('迟到 20 分');
    expect(signInText('en', rec(7))).toBe('7 min early');
  });

  it('weekdays of a day string', () => {
    expect(weekday('zh', '2026-11-23')).toBe('星期一');
    expect(weekday('en', '2026-11-29')).toBe('Sun');
  });
});
