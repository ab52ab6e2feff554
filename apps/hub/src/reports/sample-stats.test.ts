import { describe, expect, it } from 'vitest';
import { PauseTally, RatingTally, StatCounter } from './sample-stats.ts';

const statOf = (xs: number[]) => {
  const c = new StatCounter();
  for (const x of xs) c.add(x);
  return c.stat();
};

describe('StatCounter', () => {
  it('nearest-rank percentiles: the smallest value with p% at or below it', () => {
    expect(statOf([15, 20, 35, 40, 50])).toEqual({ count: 5, meanS: 32, p50S: 35, p90S: 50 });
    expect(statOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, meanS: 6, p50S: 5, p90S: 9 });
    expect(statOf([7])).toEqual({ count: 1, meanS: 7, p50S: 7, p90S: 7 });
  });

  it('repeated values and input order do not matter', () => {
    expect(statOf([60, 60, 60, 5, 60, 600, 60, 60, 60, 60])).toEqual({ count: 10, meanS: 109, p50S: 60, p90S: 60 });
    expect(statOf([600, 5, 60])).toEqual(statOf([5, 60, 600]));
  });

  it('zeros when there is nothing', () => {
    expect(statOf([])).toEqual({ count: 0, meanS: 0, p50S: 0, p90S: 0 });
  });
});

describe('RatingTally and PauseTally', () => {
  it('sums levels, the mean and the share of level 4 and 5', () => {
    const r = new RatingTally();
    for (const l of [5, 5, 4, 3, 1, 2, 5]) r.add(l);
    expect(r.summary()).toEqual({
      count: 7,
      mean: 3.57,
      levels: { '1': 1, '2': 1, '3': 1, '4': 1, '5': 3 },
      satisfiedRate: 0.5714,
    });
    expect(new RatingTally().summary()).toEqual({
      count: 0,
      mean: 0,
      levels: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      satisfiedRate: 0,
    });
  });

  it('adds pause seconds before rounding to minutes', () => {
    const p = new PauseTally();
    for (let i = 0; i < 10; i++) p.add('meal', 20);
    p.add('away', 90);
    expect(p.minutes()).toEqual({ away: 1.5, meeting: 0, meal: 3.3, other: 0 });
  });
});
