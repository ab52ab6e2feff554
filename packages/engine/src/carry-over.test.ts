import { describe, expect, it } from 'vitest';
import { CLOSED_TUESDAY, FRIDAY, NEXT_MONDAY, TUESDAY, TestHall, manager, ofType, officer } from './test-hall.ts';

/**
 * Monday: o1 at w1 [hz] serves A001; A002, A003, A004 and B001 are still waiting when the
 * extended minutes begin.
 */
function closingMonday(): TestHall {
  const h = new TestHall();
  h.at('16:40');
  h.signIn('w1', 'o1');
  h.take('hz-move'); // t1 A001
  h.advance(1);
  h.take('hz-move'); // t2 A002
  h.advance(1);
  h.take('hz-id'); // t3 A003
  h.advance(1);
  h.take('hz-move'); // t4 A004
  h.advance(1);
  h.take('crj-pass'); // t5 B001
  h.at('17:05');
  expect(h.serveNext('w1')).toBe('A001');
  return h;
}

describe('carry-over at closing (延时服务)', () => {
  it('is refused while the hall is open or before it opens: waiting tickets are still called today', () => {
    const h = new TestHall();
    h.at('08:50');
    h.signIn('w1', 'o1');
    expect(h.fail('hall:carry-over', { toWindowId: 'w2' }, manager)).toBe('OUTSIDE_HOURS');
    h.at('10:00');
    h.take('hz-move');
    expect(h.fail('hall:carry-over', { toWindowId: 'w2' }, manager)).toBe('OUTSIDE_HOURS');
    h.at('17:01');
    expect(h.ok('hall:carry-over', { toWindowId: 'w2' }, manager).result.tickets).toHaveLength(1);
  });

  it('promises the named tickets to a window on the next open day and keeps their numbers', () => {
    const h = closingMonday();
    h.at('17:20');
    const { events, result } = h.ok('hall:carry-over', { toWindowId: 'w2', ticketIds: ['t3', 't4'] }, manager);
    expect(ofType(events, 'ticket:carried-over').map((e) => e.payload)).toEqual([
      { ticketId: 't3', toWindowId: 'w2', toDay: TUESDAY },
      { ticketId: 't4', toWindowId: 'w2', toDay: TUESDAY },
    ]);
    expect(result.tickets.map((t) => [t.number, t.status, t.carriedOver, t.targetWindowId])).toEqual([
      ['A003', 'carried', true, 'w2'],
      ['A004', 'carried', true, 'w2'],
    ]);
    // Carried tickets are not called again today.
    expect(h.callNext('w1')?.number).toBe('A002');
  });

  it('next open day: carried tickets are waiting at once, the rest expired, new numbers skip them', () => {
    const h = closingMonday();
    h.at('17:20');
    h.ok('hall:carry-over', { toWindowId: 'w2', ticketIds: ['t3', 't4'] }, manager);
    h.at('00:00', TUESDAY);
    const rollover = h.tick();
    expect(ofType(rollover, 'ticket:expired').map((e) => e.payload.ticketId)).toEqual(['t2', 't5']);
    expect([...h.state.tickets.keys()]).toEqual(['t3', 't4']);
    expect(h.ticket('t3')).toMatchObject({
      status: 'waiting',
      number: 'A003',
      carriedToDay: TUESDAY,
      day: '2026-11-23',
    });
    h.at('09:00');
    expect([1, 2, 3, 4].map(() => h.take('hz-move').number)).toEqual(['A001', 'A002', 'A005', 'A006']);
    expect(h.take('crj-pass').number).toBe('B001');
  });

  it('the promised window calls carried tickets first, before green and older tickets; other windows cannot', () => {
    const h = closingMonday();
    h.at('17:20');
    h.ok('hall:carry-over', { toWindowId: 'w2', ticketIds: ['t3', 't4'] }, manager);
    h.at('09:00', TUESDAY);
    h.signIn('w1', 'o1');
    h.signIn('w2', 'o3');
    h.take('hz-move', { green: 'elderly' }); // A001, green
    h.take('hz-move'); // A002
    expect(h.fail('window:call-ticket', { windowId: 'w1', ticketId: 't3' }, officer('o1'))).toBe('INVALID_STATE');
    expect(h.callNext('w1')?.number).toBe('A001');
    expect(h.serveNext('w2')).toBe('A003');
    expect(h.serveNext('w2')).toBe('A004');
    expect(h.serveNext('w2')).toBe('A002');
  });

  it('carries over every waiting ticket when none are named', () => {
    const h = closingMonday();
    h.at('17:25');
    const { result } = h.ok('hall:carry-over', { toWindowId: 'w4' }, manager);
    expect(result.tickets.map((t) => t.number)).toEqual(['A002', 'A003', 'A004', 'B001']);
    h.at('00:05', TUESDAY);
    expect(ofType(h.tick(), 'ticket:expired')).toEqual([]);
    h.at('09:00');
    h.signIn('w4', 'o7');
    expect([1, 2, 3, 4].map(() => h.serveNext('w4'))).toEqual(['A002', 'A003', 'A004', 'B001']);
  });

  it('a Friday carry-over is promised to Monday and is not released on the weekend', () => {
    const h = new TestHall({ day: FRIDAY });
    h.at('16:50');
    h.take('hz-move');
    h.at('17:20');
    const { events } = h.ok('hall:carry-over', { toWindowId: 'w1' }, manager);
    expect(ofType(events, 'ticket:carried-over')[0]?.payload.toDay).toBe(NEXT_MONDAY);
    h.at('10:00', '2026-11-28');
    expect(ofType(h.tick(), 'ticket:expired')).toEqual([]);
    expect(h.ticket('t1').status).toBe('carried');
    h.at('08:00', NEXT_MONDAY);
    h.tick();
    expect(h.ticket('t1').status).toBe('waiting');
  });

  it('skips a closed date when choosing the next open day', () => {
    const h = new TestHall({ day: NEXT_MONDAY });
    h.at('16:50');
    h.take('hz-move');
    h.at('17:20');
    const { events } = h.ok('hall:carry-over', { toWindowId: 'w1' }, manager);
    expect(CLOSED_TUESDAY).toBe('2026-12-01');
    expect(ofType(events, 'ticket:carried-over')[0]?.payload.toDay).toBe('2026-12-02');
  });

  it('a carried ticket not called on its promised day expires at the next midnight', () => {
    const h = closingMonday();
    h.at('17:20');
    h.ok('hall:carry-over', { toWindowId: 'w2', ticketIds: ['t3'] }, manager);
    h.at('00:00', TUESDAY);
    h.tick();
    h.at('00:00', '2026-11-25');
    expect(ofType(h.tick(), 'ticket:expired').map((e) => e.payload)).toEqual([{ ticketId: 't3', status: 'waiting' }]);
    expect(h.state.tickets.size).toBe(0);
  });

  it('refuses an unknown or closed window, an unknown ticket, or a ticket that is not waiting', () => {
    const h = closingMonday();
    h.at('17:20');
    expect(h.fail('hall:carry-over', { toWindowId: 'w9' }, manager)).toBe('UNKNOWN_WINDOW');
    expect(h.fail('hall:carry-over', { toWindowId: 'w5' }, manager)).toBe('WINDOW_CLOSED');
    expect(h.fail('hall:carry-over', { toWindowId: 'w2', ticketIds: ['t2', 'zz'] }, manager)).toBe('UNKNOWN_TICKET');
    expect(h.fail('hall:carry-over', { toWindowId: 'w2', ticketIds: ['t1'] }, manager)).toBe('INVALID_STATE');
  });

  it('a carried number stays reserved even after the ticket moves to another queue', () => {
    const h = closingMonday();
    h.at('17:20');
    h.ok('hall:carry-over', { toWindowId: 'w2', ticketIds: ['t2'] }, manager); // A002
    h.at('09:00', TUESDAY);
    h.ok('ticket:transfer', { ticketId: 't2', toQueueId: 'crj', toWindowId: 'w4' }, manager);
    expect(h.ticket('t2')).toMatchObject({ number: 'A002', queueId: 'crj' });
    expect([1, 2].map(() => h.take('hz-move').number)).toEqual(['A001', 'A003']);
  });
});
