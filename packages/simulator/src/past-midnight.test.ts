import { localToEpoch } from '@yichuang/engine';
import { describe, expect, it } from 'vitest';
import { MONDAY, demoConfig, demoInput } from './demo-test-input.ts';
import { planSchema, type PlanInput, type RateCurveInput, type SimulationInputJson } from './input-schema.ts';
import { dayClockText } from './service-day.ts';
import { prepareDemand, runPlan, simulateDay, simulateDays } from './simulate.ts';

/**
 * Halls whose extended service runs past midnight: the demo as `npm start` runs it (--always-open:
 * 00:00–23:59 every day, 30 minutes of 延时服务, so "until 00:29 the next day") and a hall closing at
 * 23:45. The engine turns the day at midnight, so service runs until then and what is left is
 * carried over just before.
 */

const TZ = 'Asia/Shanghai';
const at = (hhmm: string, day = MONDAY): number => localToEpoch(day, hhmm, TZ);

function withHours(hours: { days: number[]; open: string; close: string }[]): unknown {
  const config = demoConfig() as { hall: Record<string, unknown> };
  return { ...config, hall: { ...config.hall, hours, closedDates: [] } };
}
const ALWAYS_OPEN = withHours([{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }]);
const LATE_HALL = withHours([{ days: [1, 2, 3, 4, 5], open: '09:00', close: '23:45' }]);

/** Two windows for everything, and a late evening rush they cannot finish by midnight. */
const TWO_WINDOWS: PlanInput = {
  name: 'two windows',
  windows: [
    { id: 'w1', queues: 'all' },
    { id: 'w8', queues: 'all' },
  ],
  carryOverWindow: 'w8',
};
const LATE_RUSH: RateCurveInput = {
  queues: [
    { queue: 'hukou-quick', perHour: { '10': 6, '22': 50, '23': 60 } },
    { queue: 'vehicle', perHour: { '14': 4, '23': 10 } },
  ],
};

function input(config: unknown, overrides: Partial<SimulationInputJson> = {}): SimulationInputJson {
  return { ...demoInput(), config, demand: { kind: 'curve', curve: LATE_RUSH }, plan: TWO_WINDOWS, ...overrides };
}

describe('a day whose extended service runs past midnight', () => {
  it('simulates the always-open demo hall up to midnight and carries over what is left just before', () => {
    const out = simulateDay(input(ALWAYS_OPEN));
    expect(out.openingHours).toEqual({
      open: '00:00',
      close: '23:59',
      serviceEnd: '24:00',
      configuredServiceEnd: '24:29',
    });
    const t = out.totals;
    expect(t.issued).toBeGreaterThan(50);
    expect(t.carriedOver).toBeGreaterThan(5);
    // Whoever is at a window when the day turns is cut off there, as in the hub: at most one per window.
    expect(t.expired).toBeLessThanOrEqual(2);
    expect(t.issued).toBe(t.served + t.noShow + t.carriedOver + t.expired);
    expect(out.queueLength[0]!.at).toBe('00:00');
    expect(out.queueLength.at(-1)!.at).toBe('23:55');
    for (const w of out.windows) expect(w.staffedS).toBeLessThanOrEqual(24 * 3600);
  });

  it('calls nobody after midnight and finishes nobody after it', () => {
    const { plan, ...demand } = input(ALWAYS_OPEN);
    const [run] = runPlan(prepareDemand(demand), planSchema.parse(plan));
    const turn = at('00:00', '2026-11-24');
    expect(run!.tickets.every((t) => t.calledAt === null || t.calledAt < turn)).toBe(true);
    expect(run!.tickets.every((t) => t.finishedAt === null || t.finishedAt <= turn)).toBe(true);
    const carried = run!.tickets.filter((t) => t.outcome === 'carried');
    expect(carried.length).toBeGreaterThan(5);
    expect(carried.every((t) => t.issuedAt >= at('22:00'))).toBe(true);
  });

  it('does the same for a hall closing at 23:45 with 30 minutes of extended service', () => {
    const out = simulateDay(input(LATE_HALL));
    expect(out.openingHours).toEqual({
      open: '09:00',
      close: '23:45',
      serviceEnd: '24:00',
      configuredServiceEnd: '24:15',
    });
    expect(out.totals.carriedOver).toBeGreaterThan(5);
    expect(out.totals.refused).toBe(0);
  });

  it('calls the carried tickets first the next day, around the clock too', () => {
    const [monday, tuesday] = simulateDays(input(ALWAYS_OPEN), 2);
    expect(tuesday!.day).toBe('2026-11-24');
    expect(tuesday!.totals.carriedIn).toBe(monday!.totals.carriedOver);
    expect(tuesday!.totals.served).toBeGreaterThan(monday!.totals.carriedOver);
  });

  it('leaves a day that ends before midnight as it was', () => {
    const out = simulateDay(demoInput());
    expect(out.openingHours).toEqual({ open: '09:00', close: '17:00', serviceEnd: '17:30' });
  });
});

describe('dayClockText', () => {
  it('says 次日 for a time past midnight and keeps the end of the day as 24:00', () => {
    expect(dayClockText('24:29')).toBe('次日 00:29');
    expect(dayClockText('24:29', 'en')).toBe('00:29 next day');
    expect(dayClockText('24:00')).toBe('24:00');
    expect(dayClockText('17:30')).toBe('17:30');
  });
});
