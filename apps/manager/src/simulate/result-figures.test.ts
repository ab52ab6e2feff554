import { describe, expect, it } from 'vitest';
import type { SimulationOutput, WaitStats } from '@yichuang/simulator';
import { diffTone, peakHour, summarySentence, waitRows } from './result-figures.ts';
import type { SimulationResult } from './sim-api.ts';

const wait = (meanMin: number, p90Min = meanMin * 2): WaitStats => ({
  n: 10,
  meanS: meanMin * 60,
  p50S: meanMin * 60,
  p90S: p90Min * 60,
  maxS: p90Min * 90,
});

function output(o: { mean: number; byHour: [string, number][]; carriedOver: number }): SimulationOutput {
  return {
    day: '2026-11-30',
    plan: 'p',
    seed: 1,
    openingHours: { open: '09:00', close: '17:00', serviceEnd: '17:30' },
    totals: {
      arrivals: 100,
      issued: 100,
      refused: 0,
      called: 100 - o.carriedOver,
      served: 100 - o.carriedOver,
      noShow: 0,
      carriedOver: o.carriedOver,
      carriedIn: 0,
      expired: 0,
      wait: wait(o.mean),
      meanServiceS: 300,
      lastFinish: '17:20',
    },
    queues: [
      {
        queueId: 'quick',
        name: '小业务',
        issued: 100,
        served: 100,
        noShow: 0,
        carriedOver: o.carriedOver,
        wait: wait(o.mean),
      },
    ],
    byHour: o.byHour.map(([hour, p90]) => ({ hour, issued: 10, all: wait(p90 / 2, p90), byQueue: {} })),
    windows: [],
    queueLength: [],
  };
}

const result = (a: SimulationOutput, b: SimulationOutput | null): SimulationResult => ({
  day: '2026-11-30',
  replayOf: '2026-11-23',
  seed: 1,
  a,
  b,
  difference: null,
  serviceTimes: {},
  runMs: 40,
});

describe('summarySentence', () => {
  const a = output({
    mean: 18,
    byHour: [
      ['09:00', 30],
      ['10:00', 42],
      ['11:00', 20],
    ],
    carriedOver: 4,
  });

  it('says what plan B changes, as a manager reports it', () => {
    const b = output({
      mean: 12,
      byHour: [
        ['09:00', 20],
        ['10:00', 25],
        ['11:00', 10],
      ],
      carriedOver: 0,
    });
    expect(summarySentence('zh', result(a, b))).toBe(
      '方案B 平均等候减少 6 分钟，高峰 10 时 P90 由 42 分降至 25 分，下班前无需顺延（方案A需顺延 4 人）',
    );
    expect(summarySentence('en', result(a, b))).toBe(
      'Plan B cuts the mean wait by 6 min, P90 at the 10:00 peak down from 42 min to 25 min, nobody carried over at closing (Plan A: 4)',
    );
  });

  it('a worse plan B, and people left at closing in both', () => {
    const b = output({ mean: 25, byHour: [['10:00', 50]], carriedOver: 9 });
    expect(summarySentence('zh', result(a, b))).toBe(
      '方案B 平均等候增加 7 分钟，高峰 10 时 P90 由 42 分升至 50 分，下班时仍有 9 人需顺延至次日（方案A 4 人）',
    );
  });

  it('under half a minute apart is the same', () => {
    const b = output({ mean: 18.3, byHour: [['10:00', 42.2]], carriedOver: 4 });
    expect(summarySentence('zh', result(a, b))).toBe(
      '方案B 平均等候与方案A相当（约 18 分钟），高峰 10 时 P90 均约 42 分，下班时仍有 4 人需顺延至次日',
    );
  });

  it('waits that read the same in whole minutes are the same', () => {
    const short = output({ mean: 0.2, byHour: [['09:00', 1.7]], carriedOver: 0 });
    const shorter = output({ mean: 0.1, byHour: [['09:00', 2.3]], carriedOver: 0 });
    expect(summarySentence('zh', result(short, shorter))).toBe(
      '方案A、方案B 平均等候均不到 1 分钟，高峰 9 时 P90 均约 2 分，下班前无需顺延',
    );
  });

  it('one plan alone', () => {
    const calm = output({ mean: 0.2, byHour: [['09:00', 1]], carriedOver: 0 });
    expect(summarySentence('zh', result(calm, null))).toBe('平均等候 不到 1 分钟，高峰 9 时 P90 1 分，下班前无需顺延');
  });
});

describe('result figures', () => {
  it('the peak is the hour whose arrivals waited longest at P90', () => {
    expect(
      peakHour(
        output({
          mean: 1,
          byHour: [
            ['09:00', 5],
            ['14:00', 9],
          ],
          carriedOver: 0,
        }),
      ),
    ).toEqual({
      hour: '14:00',
      p90S: 540,
    });
    expect(peakHour(output({ mean: 0, byHour: [], carriedOver: 0 }))).toBeNull();
  });

  it('B lower is better; under half a minute is no difference', () => {
    expect(diffTone(600, 300)).toBe('better');
    expect(diffTone(300, 600)).toBe('worse');
    expect(diffTone(300, 320)).toBe('same');
  });

  it('the table has the whole hall first, then each queue with A and B', () => {
    const a = output({ mean: 18, byHour: [], carriedOver: 4 });
    const b = output({ mean: 12, byHour: [], carriedOver: 0 });
    const rows = waitRows('zh', result(a, b));
    expect(rows.map((r) => [r.id, r.name, r.a.meanS, r.b?.meanS, r.carriedOver])).toEqual([
      ['all', '全部', 1080, 720, [4, 0]],
      ['quick', '小业务', 1080, 720, [4, 0]],
    ]);
    expect(waitRows('zh', result(a, null))[0]!.b).toBeNull();
  });
});
