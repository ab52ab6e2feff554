import { localToEpoch } from '@yichuang/engine';
import { describe, expect, it } from 'vitest';
import { curveArrivals, citizensOn, poissonTimes, shiftArrivals } from './demand.ts';
import { MONDAY, demoConfig, exampleServiceTimes, weekdayCurve } from './demo-test-input.ts';
import { parseHallConfig } from './hall-variant.ts';
import { demandInputSchema, rateCurveSchema, type RateCurveInput } from './input-schema.ts';
import { Rng } from './prng.ts';

const config = parseHallConfig(demoConfig());
const at = (hhmm: string, day = MONDAY): number => localToEpoch(day, hhmm, 'Asia/Shanghai');
const demand = (curve: RateCurveInput, seed = 3) =>
  demandInputSchema.parse({
    config: demoConfig(),
    day: MONDAY,
    demand: { kind: 'curve', curve },
    serviceTimes: exampleServiceTimes(),
    seed,
  });

describe('poissonTimes', () => {
  it('draws about rate × time arrivals, in order, inside the interval', () => {
    const rng = new Rng(1);
    let total = 0;
    for (let k = 0; k < 200; k++) {
      const times = poissonTimes(rng, 30, 0, 3_600_000);
      expect(times.every((t, i) => t >= 0 && t < 3_600_000 && (i === 0 || t >= times[i - 1]!))).toBe(true);
      total += times.length;
    }
    // 200 hours at 30 an hour: 6000 ± 77 (one standard deviation).
    expect(Math.abs(total - 6000)).toBeLessThan(4 * 77);
    expect(poissonTimes(rng, 0, 0, 3_600_000)).toEqual([]);
  });
});

describe('curveArrivals', () => {
  const curve = rateCurveSchema.parse(weekdayCurve());

  it('draws each queue’s hourly rates within opening hours, with the green and appointment shares', () => {
    const arrivals = curveArrivals(curve, config, MONDAY, 1);
    expect(arrivals.length).toBeGreaterThan(250);
    expect(arrivals.every((a) => a.at >= at('09:00') && a.at < at('17:00'))).toBe(true);
    expect(arrivals.every((a, i) => i === 0 || a.at >= arrivals[i - 1]!.at)).toBe(true);
    const green = arrivals.filter((a) => a.green !== false).length / arrivals.length;
    const booked = arrivals.filter((a) => a.appointment !== null);
    expect(green).toBeGreaterThan(0.01);
    expect(green).toBeLessThan(0.12);
    expect(booked.every((a) => a.appointment!.slotStart <= a.at && a.at < a.appointment!.slotEnd)).toBe(true);
    const hukouQuick = arrivals.filter(
      (a) => config.services.find((s) => s.id === a.serviceId)?.queue === 'hukou-quick',
    );
    expect(new Set(hukouQuick.map((a) => a.serviceId)).size).toBeGreaterThan(3);
  });

  it('draws nothing on a day the hall is closed', () => {
    expect(curveArrivals(curve, config, '2026-11-29', 1)).toEqual([]);
  });
});

describe('citizensOn', () => {
  it('is the same for the same seed, and draws a service time for each citizen', () => {
    const a = citizensOn(demand(weekdayCurve()), config, MONDAY);
    expect(citizensOn(demand(weekdayCurve()), config, MONDAY)).toEqual(a);
    expect(a.every((c) => c.serviceMs > 0 && c.queueId !== null && !c.noShow)).toBe(true);
  });

  it('leaves the other queues’ citizens as they were when one queue’s demand changes', () => {
    const base = weekdayCurve();
    const busier: RateCurveInput = {
      ...base,
      queues: base.queues.map((q) => (q.queue === 'vehicle' ? { ...q, perHour: { '09': 40 } } : q)),
    };
    const before = citizensOn(demand(base), config, MONDAY).filter((c) => c.queueId !== 'vehicle');
    const after = citizensOn(demand(busier), config, MONDAY).filter((c) => c.queueId !== 'vehicle');
    expect(after).toEqual(before);
  });
});

describe('shiftArrivals', () => {
  it('moves arrivals and their appointment slots to the same time of day on another day', () => {
    const past = '2026-11-16';
    const moved = shiftArrivals(
      [
        {
          at: at('10:15', past),
          serviceId: 'passport',
          green: false,
          appointment: { slotStart: at('10:00', past), slotEnd: at('10:30', past) },
        },
      ],
      MONDAY,
      'Asia/Shanghai',
    );
    expect(moved).toEqual([
      {
        at: at('10:15'),
        serviceId: 'passport',
        green: false,
        appointment: { slotStart: at('10:00'), slotEnd: at('10:30') },
      },
    ]);
  });
});
