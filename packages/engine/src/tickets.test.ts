import { describe, expect, it } from 'vitest';
import { TestHall, kiosk, ofType, officer, types } from './test-hall.ts';

/** A hall at 09:05 on Monday with o1 signed in at w1 (户籍 only). */
function openHall(): TestHall {
  const h = new TestHall();
  h.at('09:05');
  h.signIn('w1', 'o1');
  return h;
}

describe('issuing tickets', () => {
  it('numbers tickets per queue: prefix + 3 digits, counting up', () => {
    const h = openHall();
    const a1 = h.take('hz-move');
    h.advance(1);
    const b1 = h.take('crj-pass');
    h.advance(1);
    const a2 = h.take('hz-id');
    expect([a1.number, b1.number, a2.number]).toEqual(['A001', 'B001', 'A002']);
    expect(a1).toMatchObject({ id: 't1', queueId: 'hz', serviceId: 'hz-move', status: 'waiting', green: false });
    expect(h.ticket('t1')).toMatchObject({ kioskId: 'k1', day: '2026-11-23', issuedAt: h.now - 120_000 });
    expect(h.state.counters.get('hz')).toBe(2);
  });

  it('records the green channel reason; `true` is recorded as urgent', () => {
    const h = openHall();
    expect(h.take('hz-move', { green: 'elderly' })).toMatchObject({ green: true, greenReason: 'elderly' });
    expect(h.take('hz-move', { green: true })).toMatchObject({ green: true, greenReason: 'urgent' });
    expect(h.take('hz-move', { green: false })).toMatchObject({ green: false, greenReason: null });
  });

  it('rejects an unknown service', () => {
    const h = openHall();
    expect(h.fail('ticket:take', { serviceId: 'nope' }, kiosk)).toBe('UNKNOWN_SERVICE');
  });

  it('emits exactly one ticket:issued carrying the whole ticket', () => {
    const h = openHall();
    const { events } = h.ok('ticket:take', { serviceId: 'hz-move' }, kiosk);
    expect(types(events)).toEqual(['ticket:issued']);
    expect(ofType(events, 'ticket:issued')[0]?.payload.ticket).toMatchObject({
      id: 't1',
      number: 'A001',
      status: 'waiting',
    });
  });
});

describe('calling', () => {
  it('call-next calls the oldest eligible ticket and binds it to the window and officer', () => {
    const h = openHall();
    h.take('hz-move');
    h.advance(1);
    h.take('hz-move');
    const { events, result } = h.ok('window:call-next', { windowId: 'w1' }, officer('o1'));
    expect(types(events)).toEqual(['ticket:called']);
    expect(ofType(events, 'ticket:called')[0]?.payload).toMatchObject({
      ticketId: 't1',
      mode: 'next',
      officerId: 'o1',
    });
    expect(result.ticket).toMatchObject({ number: 'A001', status: 'called', windowId: 'w1', firstOfficerId: 'o1' });
    expect(result.window.state).toBe('calling');
    expect(h.state.windows.get('w1')?.ticketId).toBe('t1');
  });

  it('call-next with nothing eligible succeeds with no events', () => {
    const h = openHall();
    h.take('crj-pass'); // w1 does not serve 出入境
    const { events, result } = h.ok('window:call-next', { windowId: 'w1' }, officer('o1'));
    expect(events).toEqual([]);
    expect(result.ticket).toBeNull();
    expect(result.window.state).toBe('idle');
  });

  it('calls a named waiting ticket out of turn (特呼)', () => {
    const h = openHall();
    h.take('hz-move');
    h.advance(1);
    h.take('hz-move');
    const { events, result } = h.ok('window:call-ticket', { windowId: 'w1', ticketId: 't2' }, officer('o1'));
    expect(ofType(events, 'ticket:called')[0]?.payload.mode).toBe('named');
    expect(result.ticket?.number).toBe('A002');
    expect(h.ticket('t1').status).toBe('waiting');
  });

  it('refuses a named call for an unknown ticket, a ticket not waiting, or one the window does not serve', () => {
    const h = openHall();
    h.take('hz-move');
    h.take('crj-pass');
    expect(h.fail('window:call-ticket', { windowId: 'w1', ticketId: 'zz' }, officer('o1'))).toBe('UNKNOWN_TICKET');
    expect(h.fail('window:call-ticket', { windowId: 'w1', ticketId: 't2' }, officer('o1'))).toBe('INVALID_STATE');
    h.signIn('w2', 'o3');
    h.ok('window:call-ticket', { windowId: 'w2', ticketId: 't1' }, officer('o3'));
    h.ok('window:finish', { windowId: 'w2' }, officer('o3'));
    expect(h.fail('window:call-ticket', { windowId: 'w1', ticketId: 't1' }, officer('o1'))).toBe('INVALID_STATE');
  });

  it('only the holder of a window may call at it', () => {
    const h = openHall();
    h.take('hz-move');
    expect(h.fail('window:call-next', { windowId: 'w1' }, officer('o3'))).toBe('NOT_HOLDER');
    expect(h.fail('window:call-next', { windowId: 'w9' }, officer('o1'))).toBe('UNKNOWN_WINDOW');
  });
});

describe('recall and no-show', () => {
  it('allows maxRecalls recalls, then the next recall marks the ticket no-show automatically', () => {
    const h = openHall(); // maxRecalls = 2
    h.take('hz-move');
    h.callNext('w1');
    const r1 = h.ok('window:recall', { windowId: 'w1' }, officer('o1'));
    expect(ofType(r1.events, 'ticket:recalled')[0]?.payload.recalls).toBe(1);
    const r2 = h.ok('window:recall', { windowId: 'w1' }, officer('o1'));
    expect(r2.result.ticket).toMatchObject({ recalls: 2, status: 'called' });
    const r3 = h.ok('window:recall', { windowId: 'w1' }, officer('o1'));
    expect(types(r3.events)).toEqual(['ticket:no-show']);
    expect(ofType(r3.events, 'ticket:no-show')[0]?.payload).toMatchObject({ ticketId: 't1', auto: true });
    expect(h.ticket('t1')).toMatchObject({ status: 'no-show', finishedAt: h.now });
    expect(h.window('w1')).toMatchObject({ state: 'idle', ticket: null });
  });

  it('with maxRecalls 0 the first recall is already a no-show', () => {
    const h = new TestHall({ callRules: { maxRecalls: 0 } });
    h.at('09:05');
    h.signIn('w1', 'o1');
    h.take('hz-move');
    h.callNext('w1');
    expect(types(h.ok('window:recall', { windowId: 'w1' }, officer('o1')).events)).toEqual(['ticket:no-show']);
  });

  it('marks a called ticket no-show by hand and frees the window', () => {
    const h = openHall();
    h.take('hz-move');
    h.take('hz-move');
    h.callNext('w1');
    const { events } = h.ok('window:no-show', { windowId: 'w1' }, officer('o1'));
    expect(ofType(events, 'ticket:no-show')[0]?.payload).toMatchObject({ ticketId: 't1', auto: false });
    expect(h.callNext('w1')?.number).toBe('A002');
  });

  it('recall, no-show and start need a called ticket', () => {
    const h = openHall();
    for (const name of ['window:recall', 'window:no-show', 'window:start', 'window:finish'] as const)
      expect(h.fail(name, { windowId: 'w1' }, officer('o1'))).toBe('INVALID_STATE');
    h.take('hz-move');
    h.callNext('w1');
    h.ok('window:start', { windowId: 'w1' }, officer('o1'));
    for (const name of ['window:recall', 'window:no-show', 'window:start'] as const)
      expect(h.fail(name, { windowId: 'w1' }, officer('o1'))).toBe('INVALID_STATE');
  });
});

describe('start and finish', () => {
  it('service time counts from the start when the ticket was started', () => {
    const h = openHall();
    h.take('hz-move');
    h.at('09:10');
    h.callNext('w1');
    h.at('09:12');
    const started = h.ok('window:start', { windowId: 'w1' }, officer('o1'));
    expect(started.result.window.state).toBe('serving');
    expect(h.ticket('t1')).toMatchObject({ status: 'serving', startedAt: h.now });
    h.at('09:19');
    const { events, result } = h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    expect(ofType(events, 'ticket:finished')[0]?.payload).toMatchObject({ ticketId: 't1', serviceS: 420 });
    expect(h.ticket('t1')).toMatchObject({ status: 'done', finishedAt: h.now });
    expect(result.window).toMatchObject({ state: 'idle', ticket: null });
    expect(h.state.samples.get('hz')).toEqual([420]);
  });

  it('finishing straight from called counts service time from the call', () => {
    const h = openHall();
    h.take('hz-move');
    h.at('09:10');
    h.callNext('w1');
    h.at('09:13');
    const { events } = h.ok('window:finish', { windowId: 'w1' }, officer('o1'));
    expect(ofType(events, 'ticket:finished')[0]?.payload.serviceS).toBe(180);
    expect(h.ticket('t1').status).toBe('done');
  });
});
