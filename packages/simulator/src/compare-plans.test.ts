import { describe, expect, it } from 'vitest';
import { demoInput, plan6, plan8 } from './demo-test-input.ts';
import type { DemandInputJson } from './input-schema.ts';
import { comparePlans } from './simulate.ts';

const { plan: _plan, ...demand } = demoInput({ noShow: { share: 0.04, waitS: 60 } });
const input: DemandInputJson = demand;

describe('comparePlans', () => {
  const cmp = comparePlans(input, plan6(), plan8());

  it('runs both plans on the same citizens with the same service times (common random numbers)', () => {
    expect(cmp.a.totals.arrivals).toBe(cmp.b.totals.arrivals);
    expect(cmp.a.queues.map((q) => q.issued)).toEqual(cmp.b.queues.map((q) => q.issued));
    expect(cmp.a.byHour.map((h) => h.issued)).toEqual(cmp.b.byHour.map((h) => h.issued));
    expect(cmp.a.totals.noShow).toBe(cmp.b.totals.noShow);
    // Everyone is served under both plans, so the service given is the same work.
    expect(cmp.a.totals.carriedOver + cmp.b.totals.carriedOver).toBe(0);
    expect(cmp.a.totals.meanServiceS).toBe(cmp.b.totals.meanServiceS);
  });

  it('shows what the extra windows buy, as b minus a', () => {
    expect(cmp.b.windows).toHaveLength(8);
    expect(cmp.a.windows).toHaveLength(6);
    expect(cmp.b.totals.wait.meanS).toBeLessThan(cmp.a.totals.wait.meanS);
    expect(cmp.difference.meanWaitS).toBeCloseTo(cmp.b.totals.wait.meanS - cmp.a.totals.wait.meanS, 5);
    expect(cmp.difference.staffedHours).toBeGreaterThan(0);
  });

  it('finds no difference between a plan and itself', () => {
    const same = comparePlans(input, plan6(), plan6());
    expect(same.difference).toEqual({ meanWaitS: 0, p90WaitS: 0, maxWaitS: 0, carriedOver: 0, staffedHours: 0 });
    expect(JSON.stringify(same.a)).toBe(JSON.stringify(same.b));
  });
});
