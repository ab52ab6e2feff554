import { describe, expect, it } from 'vitest';
import { chooseNext } from './call-rules.ts';
import { stateData } from './hall-state.ts';
import { MONDAY, TestHall, manager, ofType, officer } from './test-hall.ts';

/** Monday 09:00 with o1 at w1 (户籍, ordinary window) and o5 at w3 (all queues, green channel). */
function hall(callRules: { greenMaxConsecutive?: number; maxWaitMinutes?: number } = {}): TestHall {
  const h = new TestHall({ callRules });
  h.at('08:55');
  h.signIn('w1', 'o1');
  h.signIn('w3', 'o5');
  h.at('09:00');
  return h;
}

/** Issue tickets one minute apart; `g` is green, `n` ordinary. Returns their numbers. */
function issue(h: TestHall, kinds: string): string[] {
  return [...kinds].map((k) => {
    h.advance(1);
    return h.take('hz-move', k === 'g' ? { green: 'elderly' } : {}).number;
  });
}

/** Call and finish `n` tickets at a window; the numbers and the streak each call recorded. */
function serve(h: TestHall, windowId: string, n: number): { numbers: string[]; streaks: number[] } {
  const numbers: string[] = [];
  const streaks: number[] = [];
  for (let i = 0; i < n; i++) {
    const { events, result } = h.ok('window:call-next', { windowId }, h.holder(windowId));
    numbers.push(result.ticket?.number ?? '-');
    streaks.push(ofType(events, 'ticket:called')[0]?.payload.streak ?? -1);
    if (result.ticket !== null) h.ok('window:finish', { windowId }, h.holder(windowId));
  }
  return { numbers, streaks };
}

describe('call order', () => {
  it('at an ordinary window: appointments due, then green, then ordinary, each by issue time', () => {
    const h = hall();
    h.ok(
      'appointment:book',
      { code: 'YY0001', serviceId: 'hz-move', day: MONDAY, start: '09:00', end: '09:30' },
      manager,
    );
    issue(h, 'ng'); // A001 ordinary 09:01, A002 green 09:02
    h.advance(1);
    h.take('hz-move', { appointmentCode: 'YY0001' }); // A003 appointment 09:03
    issue(h, 'gn'); // A004 green 09:04, A005 ordinary 09:05
    expect(serve(h, 'w1', 6).numbers).toEqual(['A003', 'A002', 'A004', 'A001', 'A005', '-']);
  });

  it('at a green-channel window green tickets go first, then due appointments, then ordinary', () => {
    const h = hall();
    h.ok(
      'appointment:book',
      { code: 'YY0001', serviceId: 'hz-move', day: MONDAY, start: '09:00', end: '09:30' },
      manager,
    );
    issue(h, 'n'); // A001
    h.advance(1);
    h.take('hz-move', { appointmentCode: 'YY0001' }); // A002
    issue(h, 'g'); // A003
    expect(serve(h, 'w3', 3).numbers).toEqual(['A003', 'A002', 'A001']);
  });

  it('orders tickets issued at the same moment by number', () => {
    const h = hall();
    h.take('hz-move');
    h.take('hz-move');
    expect(serve(h, 'w1', 2).numbers).toEqual(['A001', 'A002']);
  });

  it('chooseNext only looks: it changes nothing', () => {
    const h = hall();
    issue(h, 'ng');
    h.tick();
    const before = stateData(h.state);
    expect(chooseNext(h.state, 'w1', h.now)).toMatchObject({ ticket: { number: 'A002' }, streak: 1 });
    expect(chooseNext(h.state, 'w9', h.now)).toBeNull();
    expect(stateData(h.state)).toEqual(before);
  });
});

describe('anti-starvation', () => {
  it('after greenMaxConsecutive priority calls in a row, the oldest ordinary ticket goes next', () => {
    const h = hall(); // greenMaxConsecutive 3
    issue(h, 'ngggggn'); // A001 ordinary, A002–A006 green, A007 ordinary
    const { numbers, streaks } = serve(h, 'w1', 7);
    expect(numbers).toEqual(['A002', 'A003', 'A004', 'A001', 'A005', 'A006', 'A007']);
    expect(streaks).toEqual([1, 2, 3, 0, 1, 2, 0]);
  });

  it('honours a different cap', () => {
    const h = hall({ greenMaxConsecutive: 1 });
    issue(h, 'nnggg');
    expect(serve(h, 'w1', 5).numbers).toEqual(['A003', 'A001', 'A004', 'A002', 'A005']);
  });

  it('does not count priority calls made while no ordinary ticket waited', () => {
    const h = hall();
    issue(h, 'gggg');
    expect(serve(h, 'w1', 4).streaks).toEqual([0, 0, 0, 0]);
    issue(h, 'ngggg'); // A005 ordinary, A006–A009 green
    expect(serve(h, 'w1', 5).numbers).toEqual(['A006', 'A007', 'A008', 'A005', 'A009']);
  });

  it('a green-channel window does not apply the cap', () => {
    const h = hall();
    issue(h, 'nggggg');
    expect(serve(h, 'w3', 6).numbers).toEqual(['A002', 'A003', 'A004', 'A005', 'A006', 'A001']);
  });

  it('keeps the streak across windows separately', () => {
    const h = hall();
    issue(h, 'nggggg');
    expect(serve(h, 'w1', 2).streaks).toEqual([1, 2]);
    expect(h.state.windows.get('w3')?.priorityStreak).toBe(0);
  });

  it('a new day starts every window with no streak', () => {
    const h = hall();
    issue(h, 'ngg');
    serve(h, 'w1', 2);
    expect(h.state.windows.get('w1')?.priorityStreak).toBe(2);
    h.at('00:00', '2026-11-24');
    h.tick();
    expect(h.state.windows.get('w1')?.priorityStreak).toBe(0);
  });
});

describe('long waits count as priority', () => {
  it('an ordinary ticket waiting longer than maxWaitMinutes goes before a younger green ticket', () => {
    const h = hall(); // maxWaitMinutes 60
    issue(h, 'n'); // A001 at 09:01
    h.at('09:50');
    h.take('hz-move', { green: 'pregnant' }); // A002
    h.at('10:01'); // A001 has waited exactly 60 minutes: not yet overdue
    expect(serve(h, 'w1', 1).numbers).toEqual(['A002']);
    h.take('hz-move', { green: 'disabled' }); // A003 at 10:01
    h.at('10:02'); // A001 is now overdue
    expect(serve(h, 'w1', 2).numbers).toEqual(['A001', 'A003']);
  });

  it('an overdue ticket is still behind older green tickets, and an overdue call resets the streak', () => {
    const h = hall();
    issue(h, 'gn'); // A001 green 09:01, A002 ordinary 09:02
    h.at('10:30');
    issue(h, 'g'); // A003 green 10:31
    const { numbers, streaks } = serve(h, 'w1', 3);
    expect(numbers).toEqual(['A001', 'A002', 'A003']);
    expect(streaks).toEqual([1, 0, 0]);
  });

  it('bounds the wait of ordinary tickets at a green-channel window', () => {
    const h = hall();
    issue(h, 'n'); // A001 at 09:01
    h.at('09:30');
    issue(h, 'ggg'); // A002–A004 at 09:31–09:33
    h.at('09:40');
    expect(serve(h, 'w3', 1).numbers).toEqual(['A002']);
    h.at('10:05'); // A001 has waited 64 minutes: it goes before the younger green tickets
    expect(serve(h, 'w3', 3).numbers).toEqual(['A001', 'A003', 'A004']);
  });
});

describe('a named call (特呼)', () => {
  it('does not change the window streak', () => {
    const h = hall();
    issue(h, 'nggg');
    serve(h, 'w1', 2);
    const { events } = h.ok('window:call-ticket', { windowId: 'w1', ticketId: 't1' }, officer('o1'));
    expect(ofType(events, 'ticket:called')[0]?.payload).toMatchObject({ mode: 'named', streak: 2 });
  });
});
