import { describe, expect, it } from 'vitest';
import { SERVICE_SAMPLES } from './hall-state.ts';
import { TestHall, officer } from './test-hall.ts';
import { meanServiceS, queueViews, servingWindows, ticketView } from './views.ts';

/** Serve `minutes.length` 户籍 tickets at w1, each taking the given minutes from call to finish. */
function serveTimed(h: TestHall, minutes: number[]): void {
  for (const m of minutes) {
    h.take('hz-move');
    h.callNext('w1');
    h.advance(m);
    h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
  }
}

describe('service time', () => {
  it('uses defaultServiceMinutes until a service time is known', () => {
    const h = new TestHall({ callRules: { defaultServiceMinutes: 4 } });
    expect(meanServiceS(h.state, 'hz')).toBe(240);
  });

  it('is the mean of recent service times of the queue', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    serveTimed(h, [2, 4, 9]);
    expect(h.state.samples.get('hz')).toEqual([120, 240, 540]);
    expect(meanServiceS(h.state, 'hz')).toBe(300);
    expect(meanServiceS(h.state, 'crj')).toBe(300); // default: nothing served yet
  });

  it(`keeps only the last ${SERVICE_SAMPLES} service times`, () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    serveTimed(h, [30, ...Array<number>(SERVICE_SAMPLES).fill(3)]);
    expect(h.state.samples.get('hz')).toHaveLength(SERVICE_SAMPLES);
    expect(meanServiceS(h.state, 'hz')).toBe(180);
  });
});

describe('windows serving a queue', () => {
  it('counts active windows; with none active, the open windows that would serve it', () => {
    const h = new TestHall();
    h.at('09:00');
    expect(servingWindows(h.state, 'hz')).toBe(3); // w1, w2, w3 (all)
    expect(servingWindows(h.state, 'crj')).toBe(3); // w2, w3, w4
    expect(servingWindows(h.state, 'jg')).toBe(1); // w3; w5 is closed
    h.signIn('w1', 'o1');
    expect(servingWindows(h.state, 'hz')).toBe(1);
    h.signIn('w3', 'o5');
    expect(servingWindows(h.state, 'hz')).toBe(2);
    h.ok('window:pause', { windowId: 'w3', reason: 'other' }, officer('o5'));
    expect(servingWindows(h.state, 'hz')).toBe(1);
  });
});

describe('estimated wait', () => {
  it('on the ticket: tickets ahead × mean service time ÷ serving windows', () => {
    const h = new TestHall();
    h.at('09:00');
    h.take('hz-move');
    h.advance(1);
    h.take('hz-move');
    h.advance(1);
    const third = h.take('hz-move');
    // Nobody signed in: 3 windows would serve 户籍; 2 ahead × 300 s ÷ 3.
    expect(third).toMatchObject({ ahead: 2, estimatedWaitS: 200 });
    h.signIn('w1', 'o1');
    expect(ticketView(h.state, h.ticket('t3'))).toMatchObject({ ahead: 2, estimatedWaitS: 600 });
    expect(ticketView(h.state, h.ticket('t1'))).toMatchObject({ ahead: 0, estimatedWaitS: 0 });
  });

  it('follows the rolling mean', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    serveTimed(h, [2, 4]); // mean 180 s
    h.take('hz-move');
    h.advance(1);
    expect(h.take('hz-move')).toMatchObject({ ahead: 1, estimatedWaitS: 180 });
  });

  it('puts green tickets ahead of ordinary ones, and ordinary ones behind every priority ticket', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    h.take('hz-move'); // A001
    h.advance(1);
    h.take('hz-move'); // A002
    h.advance(1);
    const green = h.take('hz-move', { green: 'sick' }); // A003
    expect(green.ahead).toBe(0);
    h.advance(1);
    expect(h.take('hz-move').ahead).toBe(3);
    expect(ticketView(h.state, h.ticket('t1')).ahead).toBe(1);
  });

  it('does not count a ticket issued at the same moment but numbered after it', () => {
    const h = new TestHall();
    h.at('09:00');
    h.take('hz-move');
    h.take('hz-move');
    expect(ticketView(h.state, h.ticket('t1')).ahead).toBe(0);
    expect(ticketView(h.state, h.ticket('t2')).ahead).toBe(1);
  });

  it('per queue: waiting count, longest wait and the wait a new ticket would have', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    h.signIn('w4', 'o7');
    serveTimed(h, [6]); // 户籍 mean 360 s
    h.at('09:10');
    h.take('hz-move');
    h.take('hz-id');
    h.at('09:20');
    h.take('crj-pass');
    h.at('09:30');
    h.tick();
    expect(queueViews(h.state, h.now)).toEqual([
      { id: 'hz', prefix: 'A', name: '户籍', waiting: 2, longestWaitS: 1200, estimatedWaitS: 720 },
      { id: 'crj', prefix: 'B', name: '出入境', waiting: 1, longestWaitS: 600, estimatedWaitS: 300 },
      { id: 'jg', prefix: 'C', name: '交管', waiting: 0, longestWaitS: 0, estimatedWaitS: 0 },
    ]);
  });
});
