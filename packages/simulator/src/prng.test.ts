import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { Rng } from './prng.ts';

const draw = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('gives the same numbers for the same seed and stream', () => {
    expect(draw(new Rng(42, 'a'), 50)).toEqual(draw(new Rng(42, 'a'), 50));
  });

  it('gives different numbers for another seed or another stream', () => {
    const base = draw(new Rng(42, 'a'), 10);
    expect(draw(new Rng(43, 'a'), 10)).not.toEqual(base);
    expect(draw(new Rng(42, 'b'), 10)).not.toEqual(base);
  });

  it('is uniform on [0, 1): mean ½, variance 1/12, ten equal bins', () => {
    const xs = draw(new Rng(7), 200_000);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
    const bins = new Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]!++;
    // χ² with 9 degrees of freedom: 27.9 is its 99.9 % point.
    const chi2 = bins.reduce((a, b) => a + (b - 20_000) ** 2 / 20_000, 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('draws exponentials and normals with the right moments', () => {
    const rng = new Rng(9);
    const ex = Array.from({ length: 100_000 }, () => rng.exponential(120));
    const exMean = ex.reduce((a, b) => a + b, 0) / ex.length;
    expect(exMean / 120).toBeCloseTo(1, 1);
    const no = Array.from({ length: 100_000 }, () => rng.normal());
    const noMean = no.reduce((a, b) => a + b, 0) / no.length;
    const noVar = no.reduce((a, b) => a + (b - noMean) ** 2, 0) / no.length;
    expect(noMean).toBeCloseTo(0, 1);
    expect(noVar).toBeCloseTo(1, 1);
  });

  it('draws weighted indices in proportion to their weights', () => {
    const rng = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.weighted([1, 2, 3])]!++;
    expect(counts[0]! / 10_000).toBeCloseTo(1, 1);
    expect(counts[1]! / 20_000).toBeCloseTo(1, 1);
    expect(counts[2]! / 30_000).toBeCloseTo(1, 1);
  });
});

describe('EventQueue', () => {
  it('pops by time, and in push order at the same time', () => {
    const q = new EventQueue<string>();
    const rng = new Rng(1);
    const pushed: { t: number; item: string }[] = [];
    for (let i = 0; i < 1000; i++) {
      const t = Math.floor(rng.next() * 50);
      pushed.push({ t, item: `e${i}` });
      q.push(t, `e${i}`);
    }
    const popped: { t: number; item: string }[] = [];
    for (let e = q.pop(); e !== undefined; e = q.pop()) popped.push(e);
    expect(popped).toEqual([...pushed].sort((a, b) => a.t - b.t)); // Array.sort is stable
    expect(q.size).toBe(0);
  });
});
