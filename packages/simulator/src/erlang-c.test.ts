import { describe, expect, it } from 'vitest';
import { erlangC } from './erlang-c.ts';

describe('erlangC', () => {
  it('is ρ and ρ/(μ−λ) for one server (M/M/1)', () => {
    const r = erlangC(0.5, 1, 1);
    expect(r.rho).toBe(0.5);
    expect(r.probWait).toBeCloseTo(0.5, 12);
    expect(r.meanWait).toBeCloseTo(1, 12);
    expect(r.meanQueue).toBeCloseTo(0.5, 12);
  });

  it('matches the closed form of M/M/2, Wq = ρ²/(μ(1−ρ²))', () => {
    const rho = 0.75;
    const r = erlangC(1.5, 1, 2);
    expect(r.probWait).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
    expect(r.meanWait).toBeCloseTo((rho * rho) / (1 - rho * rho), 12);
  });

  it('matches published values: 2 erlangs on 3 servers, 10 on 11, 20 on 25, 90 on 100', () => {
    expect(erlangC(2, 1, 3).probWait).toBeCloseTo(4 / 9, 12);
    expect(erlangC(2, 1, 3).meanWait).toBeCloseTo(4 / 9, 12);
    expect(erlangC(10, 1, 11).probWait).toBeCloseTo(0.682118, 6);
    expect(erlangC(20, 1, 25).probWait).toBeCloseTo(0.209103, 6);
    expect(erlangC(90, 1, 100).probWait).toBeCloseTo(0.21694, 5);
  });

  it('scales with the time unit: rates per minute give minutes, per second give seconds', () => {
    const perMinute = erlangC(4, 0.5, 10).meanWait;
    const perSecond = erlangC(4 / 60, 0.5 / 60, 10).meanWait;
    expect(perSecond).toBeCloseTo(perMinute * 60, 9);
  });

  it('stays finite for hundreds of servers, where factorials would overflow', () => {
    const r = erlangC(950, 1, 1000);
    expect(Number.isFinite(r.meanWait)).toBe(true);
    expect(r.probWait).toBeGreaterThan(0);
    expect(r.probWait).toBeLessThan(1);
  });

  it('refuses an unstable or meaningless queue', () => {
    expect(() => erlangC(2, 1, 2)).toThrow(RangeError);
    expect(() => erlangC(1, 1, 0)).toThrow(RangeError);
    expect(() => erlangC(0, 1, 1)).toThrow(RangeError);
  });
});
