import { localToEpoch } from '@yichuang/engine';
import { describe, expect, it } from 'vitest';
import { MONDAY, demoInput, plan6 } from './demo-test-input.ts';
import { planSchema, type SimulationInputJson } from './input-schema.ts';
import { prepareDemand, runPlan, simulateDay } from './simulate.ts';
import { SimulationError } from './simulation-error.ts';

const at = (hhmm: string): number => localToEpoch(MONDAY, hhmm, 'Asia/Shanghai');

/** The raw day behind simulateDay: every ticket with its window and times. */
function rawDay(input: SimulationInputJson, options: { tickEveryCommand?: boolean } = {}) {
  const { plan, ...demand } = input;
  return runPlan(prepareDemand(demand), planSchema.parse(plan), options)[0]!;
}

describe('simulateDay on the demo hall', () => {
  const input = demoInput({ noShow: { share: 0.05, waitS: 60 } });
  const out = simulateDay(input);

  it('is reproducible: the same input and seed give the same output, another seed another', () => {
    expect(JSON.stringify(simulateDay(input))).toBe(JSON.stringify(out));
    expect(JSON.stringify(simulateDay({ ...input, seed: 8 }))).not.toBe(JSON.stringify(out));
  });

  it('accounts for every citizen and every ticket', () => {
    const t = out.totals;
    expect(t.arrivals).toBeGreaterThan(250);
    expect(t.arrivals).toBe(t.issued + t.refused);
    expect(t.issued).toBe(t.served + t.noShow + t.carriedOver);
    expect(t.called).toBe(t.served + t.noShow);
    expect(t.expired).toBe(0);
    expect(t.wait.n).toBe(t.called);
    expect(out.queues.reduce((s, q) => s + q.issued, 0)).toBe(t.issued);
    expect(out.byHour.reduce((s, h) => s + h.issued, 0)).toBe(t.issued);
    expect(out.windows.reduce((s, w) => s + w.called, 0)).toBe(t.called);
    expect(t.noShow).toBeGreaterThan(0.02 * t.called);
    expect(t.noShow).toBeLessThan(0.09 * t.called);
    expect(t.wait.p50S).toBeLessThanOrEqual(t.wait.p90S);
    expect(t.wait.p90S).toBeLessThanOrEqual(t.wait.maxS);
    expect(out.openingHours).toEqual({ open: '09:00', close: '17:00', serviceEnd: '17:30' });
  });

  it('reports the planned windows only, with staffed, paused and busy time', () => {
    expect(out.windows.map((w) => w.windowId)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w7']);
    for (const w of out.windows) {
      expect(w.utilisation).toBeGreaterThan(0);
      expect(w.utilisation).toBeLessThanOrEqual(1);
      expect(w.busyS).toBeLessThanOrEqual(w.staffedS - w.pausedS);
    }
    const byId = new Map(out.windows.map((w) => [w.windowId, w]));
    expect(byId.get('w2')!.greenChannel).toBe(true);
    expect(byId.get('w3')!.pausedS).toBe(1800);
    expect(byId.get('w7')!.pausedS).toBe(1800);
    expect(byId.get('w1')!.pausedS).toBe(0);
    // w5 works 09:00–12:00 and 13:00–17:30; a ticket in hand at 12:00 is finished first.
    expect(byId.get('w5')!.staffedS).toBeGreaterThanOrEqual(7.5 * 3600);
    expect(byId.get('w5')!.staffedS).toBeLessThan(7.5 * 3600 + 3600);
  });

  it('samples the queue every five minutes from opening to the end of extended service', () => {
    expect(out.queueLength).toHaveLength(8.5 * 12 + 1);
    expect(out.queueLength[0]!.at).toBe('09:00');
    expect(out.queueLength.at(-1)!.at).toBe('17:30');
    for (const s of out.queueLength) expect(s.total).toBe(Object.values(s.byQueue).reduce((a, b) => a + b, 0));
  });

  it('keeps to the plan: pauses, shifts and the queues each window serves', () => {
    const run = rawDay(input);
    const calledAt = (w: string) => run.tickets.filter((t) => t.windowId === w).map((t) => t.calledAt!);
    expect(calledAt('w3').filter((t) => t >= at('12:00') && t < at('12:30'))).toEqual([]);
    expect(calledAt('w7').filter((t) => t >= at('12:30') && t < at('13:00'))).toEqual([]);
    expect(calledAt('w5').filter((t) => t >= at('12:00') && t < at('13:00'))).toEqual([]);
    const servedAt = (queue: string) => new Set(run.tickets.filter((t) => t.queueId === queue).map((t) => t.windowId));
    expect([...servedAt('vehicle')].every((w) => w === 'w1' || w === 'w5')).toBe(true);
    expect([...servedAt('exit-entry')].every((w) => w === 'w1' || w === 'w4')).toBe(true);
    expect(run.tickets.some((t) => t.windowId === 'w6' || t.windowId === 'w8')).toBe(false);
  });

  it('gives the same day whether it ticks before every command, as the hub does, or only at the hours', () => {
    const fast = rawDay(input);
    const hubLike = rawDay(input, { tickEveryCommand: true });
    expect(JSON.stringify(hubLike)).toBe(JSON.stringify(fast));
  });
});

describe('simulateDay: demand and rules', () => {
  it('serves the green channel first under load', () => {
    const curve = demoInput().demand;
    if (curve.kind !== 'curve') throw new Error('curve expected');
    const busy = {
      ...curve.curve,
      greenShare: 0.1,
      queues: curve.curve.queues.map((q) => ({
        ...q,
        perHour: Object.fromEntries(Object.entries(q.perHour).map(([h, n]) => [h, n * 1.25])),
      })),
    };
    const run = rawDay(demoInput({ demand: { kind: 'curve', curve: busy } }));
    const mean = (green: boolean) => {
      const w = run.tickets
        .filter((t) => t.green === green && t.calledAt !== null)
        .map((t) => t.calledAt! - t.issuedAt);
      return w.reduce((a, b) => a + b, 0) / w.length;
    };
    expect(run.tickets.filter((t) => t.green).length).toBeGreaterThan(30);
    expect(mean(true)).toBeLessThan(mean(false) / 3);
  });

  it('replays given arrivals: the kiosk refuses those outside opening hours and unknown matters', () => {
    const arrivals = [
      { at: at('08:30'), serviceId: 'passport' },
      { at: at('09:05'), serviceId: 'passport' },
      { at: at('09:06'), serviceId: 'id-card-renew', green: 'elderly' as const },
      { at: at('09:07'), serviceId: 'hukou-migration', appointment: { slotStart: at('09:00'), slotEnd: at('09:30') } },
      { at: at('09:08'), serviceId: 'no-such-matter' },
      { at: at('17:10'), serviceId: 'passport' },
    ];
    const out = simulateDay(demoInput({ demand: { kind: 'replay', arrivals } }));
    expect(out.totals).toMatchObject({ arrivals: 6, issued: 3, refused: 3, served: 3, carriedOver: 0 });
    expect(out.totals.wait.maxS).toBe(0); // six windows, three citizens: nobody waits
  });

  it('moves replayed arrivals from a past day to the day simulated, keeping the time of day', () => {
    const lastMonday = '2026-11-16';
    const arrivals = [{ at: localToEpoch(lastMonday, '10:15', 'Asia/Shanghai'), serviceId: 'passport' }];
    const out = simulateDay(demoInput({ demand: { kind: 'replay', arrivals } }));
    expect(out.day).toBe(MONDAY);
    expect(out.byHour.map((h) => h.hour)).toEqual(['10:00']);
    expect(out.totals.issued).toBe(1);
  });

  it('does nothing on a day the hall is closed', () => {
    const out = simulateDay(demoInput({ day: '2026-11-29' })); // a Sunday
    expect(out.openingHours).toBeNull();
    expect(out.totals.arrivals).toBe(0);
    expect(out.windows.every((w) => w.staffedS === 0)).toBe(true);
  });

  it('refuses a plan it cannot run, saying why', () => {
    const bad = (plan: unknown) => () => simulateDay(demoInput({ plan: plan as never }));
    expect(bad({ windows: [{ id: 'w1', queues: ['no-such-queue'] }] })).toThrow(/unknown queue/);
    expect(bad({ windows: [{ id: 'w99' }] })).toThrow(/needs its queues/);
    expect(bad({ ...plan6(), pauses: [{ window: 'w8', from: '12:00', minutes: 30 }] })).toThrow(/not planned/);
    expect(bad({ windows: [] })).toThrow(SimulationError);
    expect(bad({ windows: [{ id: 'w1', shifts: [{ from: '12:00', to: '11:00' }] }] })).toThrow(SimulationError);
  });
});
