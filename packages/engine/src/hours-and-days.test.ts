import { describe, expect, it } from 'vitest';
import { CLOSED_TUESDAY, MONDAY, SATURDAY, TUESDAY, TestHall, kiosk, ofType, officer, types } from './test-hall.ts';

describe('opening hours', () => {
  it.each([
    ['08:59', MONDAY],
    ['17:00', MONDAY],
    ['17:10', MONDAY],
    ['10:00', SATURDAY],
    ['10:00', CLOSED_TUESDAY],
  ])('issues no ticket at %s on %s (HALL_CLOSED)', (time, day) => {
    const h = new TestHall({ day });
    h.at(time);
    expect(h.fail('ticket:take', { serviceId: 'hz-move' }, kiosk)).toBe('HALL_CLOSED');
  });

  it('issues tickets from opening to just before closing', () => {
    const h = new TestHall();
    h.at('09:00');
    expect(h.take('hz-move').number).toBe('A001');
    h.at('16:59');
    expect(h.take('hz-move').number).toBe('A002');
  });

  it('serves tickets still waiting at closing during the extended minutes, then refuses calls', () => {
    const h = new TestHall();
    h.at('16:50');
    h.signIn('w1', 'o1');
    h.take('hz-move');
    h.take('hz-move');
    h.take('hz-move');
    h.at('17:10');
    expect(h.serveNext('w1')).toBe('A001');
    h.at('17:29');
    expect(h.callNext('w1')?.number).toBe('A002');
    h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    h.at('17:30');
    expect(h.fail('window:call-next', { windowId: 'w1' }, officer('o1'))).toBe('OUTSIDE_HOURS');
    expect(h.fail('window:call-ticket', { windowId: 'w1', ticketId: 't3' }, officer('o1'))).toBe('OUTSIDE_HOURS');
  });

  it('refuses calls before opening', () => {
    const h = new TestHall();
    h.at('08:45');
    h.signIn('w1', 'o1');
    expect(h.fail('window:call-next', { windowId: 'w1' }, officer('o1'))).toBe('OUTSIDE_HOURS');
  });

  it('an empty post ending at closing counts only the promised hours, even when ticked late', () => {
    const h = new TestHall();
    h.at('16:00');
    h.tick();
    h.at('18:30'); // the first tick after closing
    const ended = ofType(h.tick(), 'window:empty-post-ended');
    expect(ended.map((e) => e.payload.durationS)).toEqual([3600, 3600, 3600, 3600]);
  });
});

describe('day rollover', () => {
  it('turns the day at local midnight in the hall time zone', () => {
    const h = new TestHall();
    h.now = Date.UTC(2026, 10, 23, 15, 59); // 23:59 in Shanghai
    expect(h.tick()).toEqual([]);
    h.now = Date.UTC(2026, 10, 23, 16, 0); // 00:00 on Tuesday in Shanghai, still Monday in UTC
    const events = h.tick();
    expect(ofType(events, 'hall:day-started')[0]?.payload).toEqual({ day: TUESDAY, previousDay: MONDAY });
    expect(h.state.day).toBe(TUESDAY);
  });

  it('restarts ticket numbers every day, per queue', () => {
    const h = new TestHall();
    h.at('10:00');
    h.take('hz-move');
    h.take('hz-move');
    h.take('crj-pass');
    h.at('09:00', TUESDAY);
    expect(h.take('hz-move')).toMatchObject({ number: 'A001', id: 't4' });
    expect(h.take('crj-pass').number).toBe('B001');
    expect(h.ticket('t4').day).toBe(TUESDAY);
  });

  it('expires tickets left waiting, called or serving, frees windows and signs everyone out', () => {
    const h = new TestHall();
    h.at('16:30');
    h.signIn('w1', 'o1');
    h.signIn('w2', 'o3');
    h.take('hz-move'); // t1 → served
    h.take('hz-move'); // t2 → serving at midnight
    h.take('hz-move'); // t3 → called at midnight
    h.take('hz-move'); // t4 → waiting
    h.serveNext('w1');
    h.callNext('w1');
    h.ok('window:start', { windowId: 'w1' }, officer('o1'));
    h.callNext('w2');
    h.at('00:01', TUESDAY);
    const events = h.tick();
    expect(ofType(events, 'ticket:expired').map((e) => e.payload)).toEqual([
      { ticketId: 't2', status: 'serving' },
      { ticketId: 't3', status: 'called' },
      { ticketId: 't4', status: 'waiting' },
    ]);
    expect(ofType(events, 'window:signed-out').map((e) => [e.payload.officerId, e.payload.handover])).toEqual([
      ['o1', false],
      ['o3', false],
    ]);
    expect(types(events).at(-1)).toBe('hall:day-started');
    expect(h.state.tickets.size).toBe(0);
    expect([...h.state.windows.values()].every((w) => w.holder === null && w.ticketId === null)).toBe(true);
    expect(h.state.firstSignIns.size).toBe(0);
    h.at('08:50');
    expect(ofType(h.signIn('w1', 'o1').events, 'window:signed-in')[0]?.payload.earlyMinutes).toBe(10);
  });

  it('a rollover that finds an empty post still open ends it at closing time', () => {
    const h = new TestHall();
    h.at('16:00');
    h.tick();
    h.at('07:00', TUESDAY);
    const ended = ofType(h.tick(), 'window:empty-post-ended');
    expect(ended.map((e) => e.payload.durationS)).toEqual([3600, 3600, 3600, 3600]);
    expect([...h.state.windows.values()].every((w) => w.emptySince === null)).toBe(true);
  });
});
