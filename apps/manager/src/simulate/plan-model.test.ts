import { describe, expect, it } from 'vitest';
import {
  addWindow,
  copyPlan,
  draftFromPlan,
  fieldTarget,
  nextWindow,
  planJson,
  removeWindow,
  setAllQueues,
  toggleQueue,
  unservedQueues,
  updateWindow,
  withoutField,
  type HallWindow,
} from './plan-model.ts';

const HALL: HallWindow[] = [
  { id: 'w1', number: 1, name: '1号窗口', queues: 'all', greenChannel: true },
  { id: 'w2', number: 2, name: '2号窗口', queues: ['quick'], greenChannel: false },
  { id: 'w3', number: 3, name: '3号窗口', queues: ['quick', 'long'], greenChannel: false },
];
const QUEUES = ['quick', 'long'];
const HOURS = { open: '09:00', close: '17:00', serviceEnd: '17:30' };

/** Today's hall with w3 closed, as GET /api/simulation/plan gives it. */
const today = draftFromPlan(
  {
    name: '今日大厅',
    windows: [
      { id: 'w1', number: 1, name: '1号窗口', queues: 'all', greenChannel: true },
      { id: 'w2', number: 2, name: '2号窗口', queues: ['quick'], greenChannel: false },
    ],
  },
  '今日大厅',
  HALL,
);

describe('plan drafts', () => {
  it('start from the hub’s plan: the hall’s windows, all day, no lunch', () => {
    expect(today.windows.map((w) => [w.id, w.inHall, w.queues, w.green, w.from, w.to, w.lunchFrom])).toEqual([
      ['w1', true, 'all', true, '', '', ''],
      ['w2', true, ['quick'], false, '', '', ''],
    ]);
  });

  it('a copy is a plan of its own: editing it leaves the original alone', () => {
    const b = copyPlan(today, '调整方案');
    const edited = updateWindow(b, 'w2', toggleQueue(b.windows[1]!, 'long', QUEUES));
    expect(edited.windows[1]!.queues).toEqual(['quick', 'long']);
    expect(today.windows[1]!.queues).toEqual(['quick']);
    expect(b.name).toBe('调整方案');
  });

  it('adding opens the hall’s closed window first, then new ones numbered after every existing one', () => {
    const one = addWindow(today, HALL);
    expect(one.windows.map((w) => w.id)).toEqual(['w1', 'w2', 'w3']);
    expect(one.windows[2]).toMatchObject({ inHall: true, queues: ['quick', 'long'], name: '3号窗口' });
    const two = addWindow(one, HALL);
    expect(two.windows[3]).toMatchObject({ id: 'new-4', number: 4, name: '4号窗口', inHall: false, queues: 'all' });
    expect(nextWindow(two, HALL)).toMatchObject({ id: 'new-5', number: 5 });
    // A hall window taken off and added again is that window again, not a new one.
    const gap = addWindow(removeWindow(two, 'w1'), HALL);
    expect(gap.windows.map((w) => w.id)).toEqual(['w1', 'w2', 'w3', 'new-4']);
  });

  it('queues: all, or a list taken on and off in the hall’s order', () => {
    const w1 = today.windows[0]!;
    expect(setAllQueues(w1, false, QUEUES)).toEqual({ queues: ['quick', 'long'] });
    expect(toggleQueue(w1, 'quick', QUEUES)).toEqual({ queues: ['long'] });
    const w2 = today.windows[1]!;
    expect(toggleQueue(w2, 'long', QUEUES)).toEqual({ queues: ['quick', 'long'] });
    expect(toggleQueue(w2, 'quick', QUEUES)).toEqual({ queues: [] });
    expect(setAllQueues(w2, true, QUEUES)).toEqual({ queues: 'all' });
  });

  it('says which queues nobody serves', () => {
    expect(unservedQueues(today, QUEUES)).toEqual([]);
    const narrow = updateWindow(today, 'w1', { queues: ['quick'] });
    expect(unservedQueues(narrow, QUEUES)).toEqual(['long']);
  });
});

describe('planJson', () => {
  it('leaves the day’s own hours out, keeps other times and lunch pauses', () => {
    let plan = updateWindow(today, 'w1', { from: '09:00', to: '17:30', lunchFrom: '12:00', lunchMinutes: 40 });
    plan = updateWindow(plan, 'w2', { from: '13:00', lunchFrom: '' });
    expect(planJson(plan, HOURS)).toEqual({
      name: '今日大厅',
      windows: [
        { id: 'w1', number: 1, name: '1号窗口', queues: 'all', greenChannel: true },
        { id: 'w2', number: 2, name: '2号窗口', queues: ['quick'], greenChannel: false, shifts: [{ from: '13:00' }] },
      ],
      pauses: [{ window: 'w1', from: '12:00', minutes: 40, reason: 'meal' }],
    });
  });

  it('round-trips through the draft', () => {
    const plan = planJson(updateWindow(addWindow(today, HALL), 'w3', { to: '12:00', lunchFrom: '11:30' }), HOURS);
    expect(planJson(draftFromPlan(plan, plan.name!, HALL), HOURS)).toEqual(plan);
  });
});

describe('the hub’s refusal at its place', () => {
  it('points at a plan and its window', () => {
    expect(fieldTarget('plans.1.windows.2.queues')).toEqual({ plan: 1, window: 2 });
    expect(fieldTarget('plans.0')).toEqual({ plan: 0, window: null });
    expect(fieldTarget('demand.curve')).toBeNull();
    expect(fieldTarget(undefined)).toBeNull();
  });

  it('drops the field path in front of the message', () => {
    expect(withoutField('plans.1.windows.1.queues: 每个窗口至少办理一个队列', 'plans.1.windows.1.queues')).toBe(
      '每个窗口至少办理一个队列',
    );
    expect(withoutField('方案B中 2号窗口 出现两次', 'plans.1.windows.3')).toBe('方案B中 2号窗口 出现两次');
  });
});
