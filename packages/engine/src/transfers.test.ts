import { describe, expect, it } from 'vitest';
import { TestHall, manager, ofType, officer } from './test-hall.ts';

/** Monday 09:00, o1 at w1 [hz], o3 at w2 [hz, crj], o7 at w4 [crj]. */
function hall(): TestHall {
  const h = new TestHall();
  h.at('09:00');
  h.signIn('w1', 'o1');
  h.signIn('w2', 'o3');
  h.signIn('w4', 'o7');
  return h;
}

describe('transfer to another queue (转办)', () => {
  it('puts the ticket back in line in the new queue, keeping its place by issue time', () => {
    const h = hall();
    h.at('09:01');
    h.take('hz-move'); // t1 A001
    h.at('09:03');
    h.take('crj-pass'); // t2 B001
    h.at('09:04');
    h.take('crj-pass'); // t3 B002
    h.at('09:10');
    h.callNext('w1');
    const { events, result } = h.ok(
      'ticket:transfer',
      { ticketId: 't1', toQueueId: 'crj', note: '需办护照' },
      officer('o1'),
    );
    expect(ofType(events, 'ticket:transferred')[0]?.payload).toEqual({
      ticketId: 't1',
      officerId: 'o1',
      fromQueueId: 'hz',
      fromWindowId: 'w1',
      toQueueId: 'crj',
      toWindowId: null,
      note: '需办护照',
    });
    expect(result.ticket).toMatchObject({ number: 'A001', queueId: 'crj', status: 'waiting', windowId: null });
    expect(result.ticket.transfers).toHaveLength(1);
    expect(h.window('w1').state).toBe('idle');
    // A001 was issued before B001, so it goes first in 出入境.
    expect(h.callNext('w4')?.number).toBe('A001');
    expect(h.callNext('w2')?.number).toBe('B001');
  });

  it('keeps the first officer (首问责任) when another officer serves it afterwards', () => {
    const h = hall();
    h.take('hz-move');
    h.callNext('w1');
    h.ok('ticket:transfer', { ticketId: 't1', toQueueId: 'crj' }, officer('o1'));
    const called = h.callNext('w4');
    expect(called).toMatchObject({ firstOfficerId: 'o1', windowId: 'w4' });
    expect(h.ticket('t1')).toMatchObject({ officerId: 'o7', firstOfficerId: 'o1' });
    h.ok('window:finish', { windowId: 'w4' }, officer('o7'));
    expect(h.ticket('t1').firstOfficerId).toBe('o1');
  });

  it('a transferred ticket counts recalls afresh', () => {
    const h = hall();
    h.take('hz-move');
    h.callNext('w1');
    h.ok('window:recall', { windowId: 'w1' }, officer('o1'));
    h.ok('ticket:transfer', { ticketId: 't1', toQueueId: 'crj' }, officer('o1'));
    expect(h.ticket('t1').recalls).toBe(0);
  });
});

describe('transfer to a window', () => {
  it('makes the ticket callable only at that window, whatever queues it serves', () => {
    const h = hall();
    h.take('crj-pass'); // t1 B001
    h.advance(1);
    h.take('crj-pass'); // t2 B002
    h.callNext('w4');
    const { result } = h.ok('ticket:transfer', { ticketId: 't1', toWindowId: 'w1' }, officer('o7'));
    expect(result.ticket).toMatchObject({ queueId: 'crj', targetWindowId: 'w1', status: 'waiting' });
    // w2 serves 出入境 but B001 is bound to w1: w2 gets B002.
    expect(h.callNext('w2')?.number).toBe('B002');
    h.ok('window:finish', { windowId: 'w2' }, officer('o3'));
    expect(h.callNext('w2')).toBeNull();
    expect(h.fail('window:call-ticket', { windowId: 'w2', ticketId: 't1' }, officer('o3'))).toBe('INVALID_STATE');
    // w1 serves only 户籍, yet it calls B001.
    expect(h.callNext('w1')).toMatchObject({ number: 'B001', firstOfficerId: 'o7' });
  });

  it('goes ahead of younger tickets at the target window', () => {
    const h = hall();
    h.at('09:01');
    h.take('crj-pass'); // t1 B001, 09:01
    h.at('09:02');
    h.take('hz-move'); // t2 A001, 09:02
    h.callNext('w4');
    h.ok('ticket:transfer', { ticketId: 't1', toWindowId: 'w1' }, officer('o7'));
    expect(h.callNext('w1')?.number).toBe('B001');
  });

  it('refuses transfers to the same window, unknown targets, or from an officer not holding the ticket', () => {
    const h = hall();
    h.take('hz-move');
    h.callNext('w1');
    expect(h.fail('ticket:transfer', { ticketId: 't1', toWindowId: 'w1' }, officer('o1'))).toBe('INVALID_STATE');
    expect(h.fail('ticket:transfer', { ticketId: 't1', toWindowId: 'w9' }, officer('o1'))).toBe('UNKNOWN_WINDOW');
    // w5 is closed (not staffed): a ticket bound to it could never be called.
    expect(h.fail('ticket:transfer', { ticketId: 't1', toWindowId: 'w5' }, officer('o1'))).toBe('WINDOW_CLOSED');
    expect(h.fail('ticket:transfer', { ticketId: 't1', toQueueId: 'zz' }, officer('o1'))).toBe('UNKNOWN_QUEUE');
    expect(h.fail('ticket:transfer', { ticketId: 'zz', toQueueId: 'crj' }, officer('o1'))).toBe('UNKNOWN_TICKET');
    expect(h.fail('ticket:transfer', { ticketId: 't1', toQueueId: 'crj' }, officer('o3'))).toBe('NOT_HOLDER');
  });

  it('the manager may transfer a ticket being called at a window, which frees the window', () => {
    const h = hall();
    h.take('hz-move');
    h.callNext('w1');
    const { events } = h.ok('ticket:transfer', { ticketId: 't1', toWindowId: 'w2' }, manager);
    expect(ofType(events, 'ticket:transferred')[0]?.payload).toMatchObject({ officerId: 'm1', fromWindowId: 'w1' });
    expect(h.window('w1')).toMatchObject({ state: 'idle', ticket: null });
    expect(h.callNext('w2')).toMatchObject({ number: 'A001', firstOfficerId: 'o1' });
  });

  it('an officer cannot transfer a waiting ticket; the manager can, but not a finished one', () => {
    const h = hall();
    h.take('hz-move');
    expect(h.fail('ticket:transfer', { ticketId: 't1', toQueueId: 'crj' }, officer('o1'))).toBe('NOT_HOLDER');
    const { result } = h.ok('ticket:transfer', { ticketId: 't1', toWindowId: 'w4' }, manager);
    expect(result.ticket).toMatchObject({ targetWindowId: 'w4', queueId: 'hz' });
    expect(result.ticket.transfers[0]).toMatchObject({ officerId: 'm1', fromWindowId: null });
    expect(h.serveNext('w4')).toBe('A001');
    expect(h.fail('ticket:transfer', { ticketId: 't1', toQueueId: 'crj' }, manager)).toBe('INVALID_STATE');
  });
});
