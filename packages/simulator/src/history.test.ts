import type { DomainEvent } from '@yichuang/protocol';
import { describe, expect, it } from 'vitest';
import { MONDAY, demoInput } from './demo-test-input.ts';
import { extractHistory } from './history.ts';
import { planSchema } from './input-schema.ts';
import { prepareDemand, runPlan, simulateDay } from './simulate.ts';

/** A simulated Monday at the demo hall, and the event log the engine wrote for it. */
function simulatedLog() {
  const { plan, ...demand } = demoInput();
  const events: DomainEvent[] = [];
  const [run] = runPlan(prepareDemand(demand), planSchema.parse(plan), { onEvent: (e) => events.push(e) });
  return { run: run!, events };
}

describe('extractHistory', () => {
  const { run, events } = simulatedLog();
  const history = extractHistory(events, MONDAY);

  it('takes every ticket issued that day as an arrival, in order, with its green flag and appointment', () => {
    expect(history.arrivals).toHaveLength(run.tickets.length);
    expect(history.arrivals.map((a) => [a.at, a.serviceId])).toEqual(run.tickets.map((t) => [t.issuedAt, t.serviceId]));
    expect(history.arrivals.filter((a) => a.green !== false)).toHaveLength(run.tickets.filter((t) => t.green).length);
    expect(history.arrivals.filter((a) => a.appointment !== null)).toHaveLength(
      run.tickets.filter((t) => t.appointment).length,
    );
    expect(history.skipped).toBe(0);
  });

  it('fits service times per queue to the mean and spread of the day’s serviceS', () => {
    const served = run.tickets.filter((t) => t.outcome === 'served' && t.queueId === 'hukou-quick');
    const seconds = served.map((t) => Math.round((t.finishedAt! - t.calledAt!) / 1000));
    const mean = seconds.reduce((a, b) => a + b, 0) / seconds.length;
    const fit = history.serviceTimes.byQueue['hukou-quick']!;
    expect(fit.kind).toBe('lognormal');
    if (fit.kind !== 'lognormal') return;
    expect(fit.meanS).toBeCloseTo(mean, 6);
    // The example service times draw this queue from a lognormal with mean 240 s and spread 120 s.
    expect(fit.meanS / 240).toBeGreaterThan(0.8);
    expect(fit.meanS / 240).toBeLessThan(1.2);
    expect(history.serviceTimes.default).toBeDefined();
    for (const s of history.samples) expect(s.n >= 5).toBe(s.serviceId in history.serviceTimes.byService);
  });

  it('reads payloads still in JSON text, leaves other days out and skips what does not parse', () => {
    const asRows = events.map((e) => ({ at: e.at, type: e.type, payload: JSON.stringify(e.payload) }));
    const issued = events.find((e) => e.type === 'ticket:issued')!;
    if (issued.type !== 'ticket:issued') return;
    const otherDay = { ...issued, payload: { ticket: { ...issued.payload.ticket, id: 'x', day: '2026-11-24' } } };
    const broken = { at: 0, type: 'ticket:finished', payload: '{"ticketId":' };
    const again = extractHistory([...asRows, otherDay, broken], MONDAY);
    expect(again.arrivals).toEqual(history.arrivals);
    expect(again.serviceTimes).toEqual(history.serviceTimes);
    expect(again.skipped).toBe(1);
  });

  it('feeds a replay: the same arrivals with the fitted service times', () => {
    const out = simulateDay({
      ...demoInput(),
      demand: { kind: 'replay', arrivals: history.arrivals },
      serviceTimes: history.serviceTimes,
    });
    expect(out.totals.arrivals).toBe(run.tickets.length);
    expect(out.totals.issued).toBe(run.tickets.length);
  });
});
