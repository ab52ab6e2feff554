import { describe, expect, it } from 'vitest';
import { MONDAY, demoInput } from './demo-test-input.ts';
import { planSchema, type PlanInput, type SimulationInputJson } from './input-schema.ts';
import { prepareDemand, runPlan, simulateDays } from './simulate.ts';

/** Two windows for the whole demo hall: far too few, so tickets are left at closing. */
const TWO_WINDOWS: PlanInput = {
  name: 'two windows',
  windows: [
    { id: 'w1', queues: 'all' },
    { id: 'w8', queues: 'all' },
  ],
  carryOverWindow: 'w8',
};

describe('延时服务 across days', () => {
  const input: SimulationInputJson = { ...demoInput(), plan: TWO_WINDOWS };

  it('counts the tickets still waiting at the end of extended service as carried over', () => {
    const [monday] = simulateDays(input, 1);
    expect(monday!.totals.carriedOver).toBeGreaterThan(20);
    expect(monday!.totals.issued).toBe(monday!.totals.served + monday!.totals.carriedOver);
    expect(monday!.queueLength.at(-1)!.total).toBe(monday!.totals.carriedOver);
    expect(monday!.queues.reduce((s, q) => s + q.carriedOver, 0)).toBe(monday!.totals.carriedOver);
  });

  it('calls them first the next day at the promised window, after the engine rolls the day over', () => {
    const { plan, ...demand } = input;
    const [monday, tuesday] = runPlan(prepareDemand(demand, 2), planSchema.parse(plan));
    const carried = tuesday!.tickets.filter((t) => t.carriedIn);
    expect(carried).toHaveLength(monday!.carriedOver);
    // w8 alone works through them; those it cannot reach by closing are carried on again.
    const served = carried.filter((t) => t.outcome === 'served');
    expect(served.length).toBeGreaterThan(20);
    expect(served.every((t) => t.windowId === 'w8')).toBe(true);
    expect(carried.every((t) => t.outcome === 'served' || t.outcome === 'carried')).toBe(true);
    const calledAtW8 = tuesday!.tickets.filter((t) => t.windowId === 'w8').sort((x, y) => x.calledAt! - y.calledAt!);
    expect(calledAtW8.slice(0, served.length).every((t) => t.carriedIn)).toBe(true);
    expect(tuesday!.tickets.some((t) => t.outcome === 'expired')).toBe(false);
  });

  it('keeps carried-in tickets out of the new day’s waits', () => {
    const [monday, tuesday] = simulateDays(input, 2);
    expect(tuesday!.day).toBe('2026-11-24');
    expect(tuesday!.totals.carriedIn).toBe(monday!.totals.carriedOver);
    const t = tuesday!.totals;
    expect(t.issued + t.carriedIn).toBe(t.served + t.noShow + t.carriedOver);
    expect(tuesday!.totals.wait.n).toBe(tuesday!.totals.called);
    expect(tuesday!.totals.wait.maxS).toBeLessThan(12 * 3600);
    expect(monday!.day).toBe(MONDAY);
  });
});
