import { describe, expect, it } from 'vitest';
import {
  curveFromHistory,
  curveFromJson,
  curveJson,
  curveTotal,
  openHours,
  parseCurveJson,
  scaleCurve,
  setCell,
  typicalWeekday,
} from './curve-model.ts';
import type { HistoryView } from './sim-api.ts';

const QUEUES = [
  { id: 'quick', name: '小业务' },
  { id: 'long', name: '大业务' },
];
const HOURS = openHours({ open: '09:00', close: '17:00', serviceEnd: '17:30' });

const history: HistoryView = {
  day: '2026-11-23',
  issued: 50,
  green: 5,
  appointments: 2,
  queues: [
    {
      queueId: 'quick',
      name: '小业务',
      issued: 40,
      perHour: { '09': 25, '10': 15 },
      serviceTime: null,
      finished: 0,
      meanServiceS: null,
    },
    {
      queueId: 'long',
      name: '大业务',
      issued: 10,
      perHour: { '10': 6, '14': 4 },
      serviceTime: null,
      finished: 0,
      meanServiceS: null,
    },
  ],
  serviceTimes: { byService: {}, byQueue: {} },
  recentDays: [{ day: '2026-11-23', tickets: 50 }],
};

describe('the curve table', () => {
  it('has a column for each hour a ticket can be taken in', () => {
    expect(HOURS).toEqual(['09', '10', '11', '12', '13', '14', '15', '16']);
    expect(openHours({ open: '08:30', close: '12:30', serviceEnd: '13:00' })).toEqual(['08', '09', '10', '11', '12']);
    expect(openHours({ open: '00:00', close: '23:59', serviceEnd: '24:29' })).toHaveLength(24);
  });

  it('fills from a past day: its arrivals hour by hour and its shares', () => {
    const c = curveFromHistory(history, HOURS);
    expect(c.rows.map((r) => [r.queueId, r.perHour['09'], r.perHour['10'], r.perHour['14'], r.perHour['16']])).toEqual([
      ['quick', 25, 15, 0, 0],
      ['long', 0, 6, 4, 0],
    ]);
    expect([c.greenPct, c.appointmentPct]).toEqual([10, 4]);
    expect(curveTotal(c)).toBe(50);
  });

  it('a typical weekday peaks at ten, dips at lunch, and keeps each queue’s level', () => {
    const c = typicalWeekday(QUEUES, HOURS, (q) => (q === 'quick' ? 20 : 5));
    const quick = c.rows[0]!.perHour;
    expect(Math.max(...Object.values(quick))).toBe(quick['09']);
    expect(quick['12']).toBeLessThan(quick['11']!);
    expect(curveTotal(c)).toBeCloseTo(25 * HOURS.length, -1);
  });

  it('a hall open around the clock (the demo) gets its weekday by day: nobody at night, the same day as 09–17', () => {
    const allDay = openHours({ open: '00:00', close: '23:59', serviceEnd: '24:00' });
    const c = typicalWeekday(QUEUES, allDay, () => 10);
    const quick = c.rows[0]!.perHour;
    for (const h of ['00', '03', '06', '21', '23']) expect(quick[h], h).toBe(0);
    expect(quick['10']).toBeGreaterThan(10);
    expect(quick['19']).toBeGreaterThan(0);
    expect(curveTotal(c)).toBeCloseTo(2 * 10 * 14, -1); // 07:00–21:00, two queues
  });

  it('as JSON: empty cells and empty queues left out, shares as fractions', () => {
    let c = curveFromHistory(history, HOURS);
    c = setCell(setCell(c, 'long', '10', 0), 'long', '14', 0);
    expect(curveJson(c)).toEqual({
      greenShare: 0.1,
      appointmentShare: 0.04,
      queues: [{ queue: 'quick', perHour: { '09': 25, '10': 15 } }],
    });
  });

  it('JSON and table round-trip, and queues the hall lacks are named', () => {
    const c = scaleCurve(curveFromHistory(history, HOURS), 2);
    const json = curveJson(c);
    const back = curveFromJson(json, QUEUES, HOURS);
    expect(back.unknownQueues).toEqual([]);
    expect(curveJson(back.curve)).toEqual(json);
    const foreign = curveFromJson({ queues: [{ queue: 'vehicle', perHour: { '09': 3 } }] }, QUEUES, HOURS);
    expect(foreign.unknownQueues).toEqual(['vehicle']);
    expect(curveTotal(foreign.curve)).toBe(0);
  });

  it('reads pasted JSON, and says what is wrong with a bad one', () => {
    const text = JSON.stringify({ greenShare: 0.05, queues: [{ queue: 'quick', perHour: { '09': 20 } }] });
    expect(parseCurveJson(text)).toEqual({
      greenShare: 0.05,
      appointmentShare: 0,
      queues: [{ queue: 'quick', perHour: { '09': 20 } }],
    });
    expect(parseCurveJson('{"queues": [{"queue": "quick", "perHour": {"9": 20}}]}')).toBe('queues.0.perHour.9');
    expect(parseCurveJson('{"queue": []}')).toBe('queues: [...]');
    expect(typeof parseCurveJson('{')).toBe('string');
  });
});
