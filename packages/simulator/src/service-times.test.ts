import { describe, expect, it } from 'vitest';
import { Rng } from './prng.ts';
import { fitServiceTime, sampleServiceS, summarizeSamples } from './service-times.ts';

describe('service times', () => {
  it('draws lognormal times with the asked mean and spread', () => {
    const rng = new Rng(11);
    const xs = Array.from({ length: 200_000 }, () => sampleServiceS({ kind: 'lognormal', meanS: 600, sdS: 300 }, rng));
    const { meanS, sdS } = summarizeSamples(xs);
    expect(meanS / 600).toBeCloseTo(1, 2);
    expect(sdS / 300).toBeCloseTo(1, 1);
    expect(xs.every((x) => x > 0)).toBe(true);
  });

  it('draws exponential times with the asked mean, and fixed times exactly', () => {
    const rng = new Rng(12);
    const xs = Array.from({ length: 200_000 }, () => sampleServiceS({ kind: 'exponential', meanS: 90 }, rng));
    const { meanS, sdS } = summarizeSamples(xs);
    expect(meanS / 90).toBeCloseTo(1, 2);
    expect(sdS / 90).toBeCloseTo(1, 1); // an exponential's spread equals its mean
    expect(sampleServiceS({ kind: 'fixed', s: 75 }, rng)).toBe(75);
  });

  it('fits the mean and spread of observed times as a lognormal, fixed when they do not vary', () => {
    expect(fitServiceTime([100, 200, 300])).toEqual({ kind: 'lognormal', meanS: 200, sdS: 100 });
    expect(fitServiceTime([240, 240])).toEqual({ kind: 'fixed', s: 240 });
    expect(fitServiceTime([])).toBeNull();
  });

  it('a fitted distribution gives back the moments it was fitted to', () => {
    const rng = new Rng(13);
    const observed = Array.from({ length: 5000 }, () => 60 + rng.exponential(400));
    const fit = fitServiceTime(observed)!;
    const again = summarizeSamples(Array.from({ length: 200_000 }, () => sampleServiceS(fit, rng)));
    const first = summarizeSamples(observed);
    expect(again.meanS / first.meanS).toBeCloseTo(1, 1);
    expect(again.sdS / first.sdS).toBeCloseTo(1, 1);
  });
});
