import { describe, expect, it } from 'vitest';
import { SERVICE_SAMPLES } from './hall-state.ts';
import { TestHall, officer } from './test-hall.ts';
import { meanServiceS, queueViews, servingWindows, staffedWindows, ticketView } from './views.ts';

/** Serve `minutes.length` 户籍 tickets at w1, each taking the given minutes from call to finish. */
function serveTimed(h: TestHall, minutes: number[]): void {
  for (const m of minutes) {
    h.take('hz-move');
    h.callNext('w1');
    h.advance(m);
    h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
  }
}

/** The wait a ticket taken now would have, per queue: `{ hz: [seconds, unstaffed], … }`. */
function waits(h: TestHall): Record<string, [number, boolean]> {
  return Object.fromEntries(queueViews(h.state, h.now).map((q) => [q.id, [q.estimatedWaitS, q.unstaffed]]));
}

function takeMany(h: TestHall, serviceId: string, n: number): void {
  for (let i = 0; i < n; i++) h.take(serviceId);
}

describe('service time', () => {
  it('uses defaultServiceMinutes until a service time is known', () => {
    const h = new TestHall({ callRules: { defaultServiceMinutes: 4 } });
    expect(meanServiceS(h.state, 'hz')).toBe(240);
  });

  it('pads the first service times with the default: one quick ticket is not the pace of the day', () => {
    const h = new TestHall(); // default 5 minutes
    h.at('09:00');
    h.signIn('w1', 'o1');
    serveTimed(h, [2]);
    expect(meanServiceS(h.state, 'hz')).toBe(240); // (120 + 300 + 300) / 3
    serveTimed(h, [4]);
    expect(meanServiceS(h.state, 'hz')).toBe(220); // (120 + 240 + 300) / 3
    serveTimed(h, [9]);
    expect(h.state.samples.get('hz')).toEqual([120, 240, 540]);
    expect(meanServiceS(h.state, 'hz')).toBe(300); // three known: their mean alone
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

  it('never below a minute (tickets finished within seconds are mis-clicks), unless the hall says less', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    serveTimed(h, [0.1, 0.1, 0.1, 0.1]); // 6 s each
    expect(meanServiceS(h.state, 'hz')).toBe(60);

    const quick = new TestHall({ callRules: { defaultServiceMinutes: 0.5 } });
    quick.at('09:00');
    quick.signIn('w1', 'o1');
    serveTimed(quick, [0.1, 0.1, 0.1, 0.1]);
    expect(meanServiceS(quick.state, 'hz')).toBe(30);
  });
});

describe('windows serving a queue', () => {
  it('counts staffed windows: open, signed in, the officer not away (a short pause still counts)', () => {
    const h = new TestHall();
    h.at('09:00');
    expect(staffedWindows(h.state, 'hz')).toBe(0); // nobody signed in: no open window counts
    h.signIn('w1', 'o1');
    h.signIn('w3', 'o5'); // w3 serves all
    expect(['hz', 'crj', 'jg'].map((q) => staffedWindows(h.state, q))).toEqual([2, 1, 1]);
    h.ok('window:pause', { windowId: 'w3', reason: 'other' }, officer('o5'));
    expect(staffedWindows(h.state, 'hz')).toBe(2);
    h.ok('window:resume', { windowId: 'w3' }, officer('o5'));
    h.ok('window:pause', { windowId: 'w3', reason: 'meal' }, officer('o5'));
    expect(['hz', 'crj', 'jg'].map((q) => staffedWindows(h.state, q))).toEqual([1, 0, 0]);
  });

  it('a window serving only the queue counts 1; one serving every queue counts a share when the others have people waiting', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1'); // 户籍 only
    h.signIn('w3', 'o5'); // all queues
    const demand = (hz: number, crj: number, jg = 0): Map<string, number> =>
      new Map([
        ['hz', hz],
        ['crj', crj],
        ['jg', jg],
      ]);
    // Nothing else waiting: the comprehensive window gives 户籍 all its time.
    expect(servingWindows(h.state, 'hz', demand(2, 0))).toBe(2);
    // 4 waiting for 出入境, which only w3 serves: w3 is busy 1200 s first, w1 does the 600 s of 户籍 alone.
    expect(servingWindows(h.state, 'hz', demand(2, 4))).toBe(1);
    // 1800 s of 户籍: w1 alone until w3 is free at 1200 s, then both: done at 1500 s.
    expect(servingWindows(h.state, 'hz', demand(6, 4))).toBeCloseTo(1800 / 1500);
    // w4 opens for 出入境 and takes half of that line: w3 joins 户籍 at 600 s, done at 1200 s.
    h.signIn('w4', 'o7');
    expect(servingWindows(h.state, 'hz', demand(6, 4))).toBeCloseTo(1.5);
    // A window alone with three equally busy queues: about a third of a window for each.
    h.ok('window:sign-out', { windowId: 'w1' }, officer('o1'));
    h.ok('window:sign-out', { windowId: 'w4' }, officer('o7'));
    expect(servingWindows(h.state, 'jg', demand(1, 1, 1))).toBeCloseTo(1 / 3);
    // No staffed window for the queue at all.
    h.ok('window:sign-out', { windowId: 'w3' }, officer('o5'));
    expect(servingWindows(h.state, 'hz', demand(2, 0))).toBe(0);
  });
});

describe('estimated wait', () => {
  it('3 waiting, 1 staffed window of 5 minutes: 15 minutes, not "within a minute"', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    takeMany(h, 'hz-move', 3);
    expect(waits(h).hz).toEqual([900, false]);
  });

  it('a window that also serves other queues joins in once it has done its part of theirs', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1'); // 户籍 only
    h.signIn('w3', 'o5'); // all queues
    takeMany(h, 'hz-move', 6);
    takeMany(h, 'crj-pass', 4);
    // 户籍: w1 from the start; w3 after the 4 × 300 s of 出入境 that only it serves. 1800 s done at 1500 s.
    expect(waits(h).hz).toEqual([1500, false]);
    // 出入境: w3 after its half of the 6 户籍 tickets (900 s), then 1200 s: 2100 s.
    expect(waits(h).crj).toEqual([2100, false]);
    h.signIn('w4', 'o7'); // 出入境 has its own window now
    expect(waits(h)).toMatchObject({ hz: [1200, false], crj: [1050, false] });
  });

  it('a comprehensive window with a long line of its own does not slow a queue its own windows serve', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1'); // 户籍 only
    h.signIn('w3', 'o5'); // all queues, the only one open for 交管
    takeMany(h, 'jg-lic', 20);
    h.take('hz-move');
    h.take('hz-move');
    expect(waits(h).hz).toEqual([600, false]); // w1 does both; w3 is busy with 交管 for 100 minutes
    expect(waits(h).jg).toEqual([6300, false]); // its half of the 户籍 pair, then 20 × 300 s
  });

  it('a ticket waits for the other queues’ tickets that are called before it, not for later ones', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w3', 'o5'); // one window for everything
    takeMany(h, 'crj-pass', 2);
    h.advance(1);
    h.take('hz-move');
    h.advance(1);
    const mine = h.take('hz-move');
    h.advance(1);
    takeMany(h, 'crj-pass', 3);
    // 1 户籍 ahead and the 2 older 出入境 tickets: 3 × 300 s at one window; the 3 newer ones do not count.
    expect(ticketView(h.state, h.ticket(mine.id))).toMatchObject({ ahead: 1, estimatedWaitS: 900, unstaffed: false });
    // A ticket taken now waits for all 7.
    expect(waits(h).hz).toEqual([2100, false]);
  });

  it('at least one service time while anyone is ahead, however many windows are open', () => {
    const h = new TestHall();
    h.at('09:00');
    for (const [w, o] of [
      ['w1', 'o1'],
      ['w2', 'o3'],
      ['w3', 'o5'],
    ] as const)
      h.signIn(w, o);
    h.take('hz-move');
    expect(waits(h).hz).toEqual([300, false]); // 300 s / 3 windows would be 100 s
  });

  it('a window leaving makes the wait longer, never shorter; with none left: unstaffed, a one-window guess', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    h.signIn('w2', 'o3');
    takeMany(h, 'hz-move', 6);
    expect(waits(h).hz).toEqual([900, false]);
    h.ok('window:pause', { windowId: 'w2', reason: 'meal' }, officer('o3'));
    expect(waits(h).hz).toEqual([1800, false]);
    h.ok('window:pause', { windowId: 'w1', reason: 'away' }, officer('o1'));
    expect(waits(h).hz).toEqual([1800, true]);
    const t = h.take('hz-move');
    expect(t).toMatchObject({ ahead: 6, estimatedWaitS: 1800, unstaffed: true });
    h.ok('window:resume', { windowId: 'w1' }, officer('o1'));
    expect(ticketView(h.state, h.ticket(t.id))).toMatchObject({ estimatedWaitS: 1800, unstaffed: false });
  });

  it('nobody signed in: every queue is unstaffed; a called ticket has no wait', () => {
    const h = new TestHall();
    h.at('09:00');
    h.take('hz-move');
    h.take('crj-pass');
    expect(waits(h)).toEqual({ hz: [300, true], crj: [300, true], jg: [0, true] });
    h.signIn('w1', 'o1');
    const called = h.callNext('w1')!;
    expect(called).toMatchObject({ status: 'called', estimatedWaitS: 0, unstaffed: false });
  });

  it('on the ticket: its own queue ahead, and the rolling mean', () => {
    const h = new TestHall();
    h.at('09:00');
    h.signIn('w1', 'o1');
    serveTimed(h, [2, 4, 3]); // mean 180 s
    h.take('hz-move');
    h.advance(1);
    h.take('hz-move');
    h.advance(1);
    expect(h.take('hz-move')).toMatchObject({ ahead: 2, estimatedWaitS: 360 });
    expect(ticketView(h.state, h.ticket('t4'))).toMatchObject({ ahead: 0, estimatedWaitS: 0 });
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
    expect(green).toMatchObject({ ahead: 0, estimatedWaitS: 0 });
    h.advance(1);
    expect(h.take('hz-move')).toMatchObject({ ahead: 3, estimatedWaitS: 900 });
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
    serveTimed(h, [6]); // 户籍 mean (360 + 300 + 300) / 3 = 320 s
    h.at('09:10');
    h.take('hz-move');
    h.take('hz-id');
    h.at('09:20');
    h.take('crj-pass');
    h.at('09:30');
    h.tick();
    expect(queueViews(h.state, h.now)).toEqual([
      { id: 'hz', prefix: 'A', name: '户籍', waiting: 2, longestWaitS: 1200, estimatedWaitS: 640, unstaffed: false },
      { id: 'crj', prefix: 'B', name: '出入境', waiting: 1, longestWaitS: 600, estimatedWaitS: 300, unstaffed: false },
      { id: 'jg', prefix: 'C', name: '交管', waiting: 0, longestWaitS: 0, estimatedWaitS: 0, unstaffed: true },
    ]);
  });
});
