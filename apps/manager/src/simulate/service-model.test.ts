import { describe, expect, it } from 'vitest';
import { meanAndSpread, serviceModelJson, serviceRows } from './service-model.ts';
import type { HistoryView } from './sim-api.ts';

const QUEUES = [
  { id: 'quick', name: '小业务' },
  { id: 'long', name: '大业务' },
];

describe('service times per queue', () => {
  it('start from the day’s fits, in minutes, and from the hall’s default where there is none', () => {
    const history = {
      queues: [{ queueId: 'quick', serviceTime: { kind: 'lognormal', meanS: 474, sdS: 84 } }],
    } as unknown as HistoryView;
    expect(serviceRows(QUEUES, history, 5)).toEqual([
      { queueId: 'quick', name: '小业务', meanMin: 7.9, spreadMin: 1.4 },
      { queueId: 'long', name: '大业务', meanMin: 5, spreadMin: 5 },
    ]);
  });

  it('become the simulator’s model: lognormal with a spread, fixed without', () => {
    expect(
      serviceModelJson([
        { queueId: 'quick', name: '小业务', meanMin: 4, spreadMin: 1.5 },
        { queueId: 'long', name: '大业务', meanMin: 12, spreadMin: 0 },
      ]),
    ).toEqual({
      byQueue: { quick: { kind: 'lognormal', meanS: 240, sdS: 90 }, long: { kind: 'fixed', s: 720 } },
    });
  });

  it('read any distribution as a mean and a spread', () => {
    expect(meanAndSpread({ kind: 'exponential', meanS: 300 })).toEqual({ meanS: 300, sdS: 300 });
    expect(meanAndSpread({ kind: 'fixed', s: 60 })).toEqual({ meanS: 60, sdS: 0 });
  });
});
