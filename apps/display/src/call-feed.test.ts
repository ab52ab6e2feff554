import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@yichuang/protocol';
import { CallFeed, type CalledTicket } from './call-feed.ts';

const AT = Date.UTC(2026, 10, 23, 2, 0);

function ticket(id: string, number: string, o: Partial<CalledTicket> = {}): CalledTicket {
  return { id, number, windowId: null, calledAt: null, recalls: 0, status: 'waiting', ...o };
}

function called(seq: number, ticketId: string, windowId: string): EventEnvelope {
  return {
    seq,
    at: AT,
    actor: 'officer:o',
    type: 'ticket:called',
    payload: { ticketId, windowId, officerId: 'o', mode: 'next', streak: 0 },
  };
}

function recalled(seq: number, ticketId: string, windowId: string, recalls: number): EventEnvelope {
  return { seq, at: AT, actor: 'officer:o', type: 'ticket:recalled', payload: { ticketId, windowId, recalls } };
}

describe('call feed', () => {
  it('shows what was already called on start, but announces nothing', () => {
    const f = new CallFeed();
    f.start(
      [
        ticket('t1', 'A001', { windowId: 'w1', calledAt: AT, status: 'serving' }),
        ticket('t2', 'A002', { windowId: 'w2', calledAt: AT + 5, status: 'called' }),
        ticket('t3', 'A003'),
      ],
      1,
    );
    expect(f.list.map((e) => e.number)).toEqual(['A002', 'A001']);
    // The same state again (a reconnect with nothing new) announces nothing.
    expect(f.resync([ticket('t2', 'A002', { windowId: 'w2', calledAt: AT + 5, status: 'called' })], 2)).toEqual([]);
  });

  it('takes calls from events in seq order, even when they share a millisecond', () => {
    const f = new CallFeed();
    f.start([], 0);
    const state = new Map<string, CalledTicket>([
      ['t1', ticket('t1', 'A001', { windowId: 'w3', calledAt: AT, status: 'called' })],
      ['t2', ticket('t2', 'B001', { windowId: 'w1', calledAt: AT, status: 'called' })],
      ['t3', ticket('t3', 'A002', { windowId: 'w2', calledAt: AT, status: 'called' })],
    ]);
    const fresh = f.applyEvents(
      [called(5, 't1', 'w3'), called(6, 't2', 'w1'), called(7, 't3', 'w2')],
      (id) => state.get(id),
      10,
    );
    expect(fresh.map((e) => `${e.number}@${e.windowId}`)).toEqual(['A001@w3', 'B001@w1', 'A002@w2']);
    expect(f.list.map((e) => e.number)).toEqual(['A002', 'B001', 'A001']);
    expect(new Set(fresh.map((e) => e.key)).size).toBe(3);
  });

  it('a recall is announced again and moves the ticket to the top, once in the list', () => {
    const f = new CallFeed();
    f.start([], 0);
    const t1 = ticket('t1', 'A001', { windowId: 'w1', calledAt: AT, status: 'called' });
    const t2 = ticket('t2', 'A002', { windowId: 'w2', calledAt: AT, status: 'called' });
    const get = (id: string): CalledTicket | undefined => (id === 't1' ? t1 : t2);
    f.applyEvents([called(1, 't1', 'w1'), called(2, 't2', 'w2')], get, 1);
    t1.recalls = 1;
    const fresh = f.applyEvents([recalled(3, 't1', 'w1', 1)], get, 2);
    expect(fresh).toMatchObject([{ number: 'A001', recall: true }]);
    expect(f.list.map((e) => e.number)).toEqual(['A001', 'A002']);
  });

  it('after a gap or a hub restart, announces the calls made meanwhile, oldest first, and no others', () => {
    const f = new CallFeed();
    const before = [
      ticket('t1', 'A001', { windowId: 'w1', calledAt: AT, status: 'called' }),
      ticket('t2', 'A002', { windowId: 'w2', calledAt: AT + 1000, status: 'called' }),
      ticket('t3', 'A003'),
      ticket('t4', 'A004'),
    ];
    f.start(before, 0);
    const after = [
      ticket('t1', 'A001', { windowId: 'w1', calledAt: AT, status: 'serving' }),
      ticket('t2', 'A002', { windowId: 'w2', calledAt: AT + 1000, recalls: 1, status: 'called' }),
      ticket('t4', 'A004', { windowId: 'w3', calledAt: AT + 3000, status: 'called' }),
      ticket('t3', 'A003', { windowId: 'w1', calledAt: AT + 2000, status: 'called' }),
    ];
    const fresh = f.resync(after, 5);
    expect(fresh.map((e) => [e.number, e.recall])).toEqual([
      ['A002', true],
      ['A003', false],
      ['A004', false],
    ]);
    expect(f.resync(after, 6)).toEqual([]);
  });

  it('a new day clears the calls; tickets the hub no longer holds drop out on resync', () => {
    const f = new CallFeed();
    f.start([ticket('t1', 'A001', { windowId: 'w1', calledAt: AT, status: 'done' })], 0);
    const dayStarted: EventEnvelope = {
      seq: 9,
      at: AT,
      actor: 'hub',
      type: 'hall:day-started',
      payload: { day: '2026-11-24', previousDay: '2026-11-23' },
    };
    expect(f.applyEvents([dayStarted], () => undefined, 1)).toEqual([]);
    expect(f.list).toEqual([]);

    f.start([ticket('t1', 'A001', { windowId: 'w1', calledAt: AT, status: 'done' })], 0);
    expect(f.resync([], 2)).toEqual([]);
    expect(f.list).toEqual([]);
  });

  it('stays bounded, and a zone display keeps only its windows', () => {
    const f = new CallFeed({ limit: 5, include: (w) => w !== 'w9' });
    f.start([], 0);
    const state = new Map<string, CalledTicket>();
    const events: EventEnvelope[] = [];
    for (let i = 1; i <= 40; i++) {
      const w = i % 4 === 0 ? 'w9' : 'w1';
      state.set(`t${i}`, ticket(`t${i}`, `A${i}`, { windowId: w, calledAt: AT + i, status: 'called' }));
      events.push(called(i, `t${i}`, w));
    }
    const fresh = f.applyEvents(events, (id) => state.get(id), 1);
    expect(fresh).toHaveLength(30);
    expect(f.list.map((e) => e.number)).toEqual(['A39', 'A38', 'A37', 'A35', 'A34']);
  });
});
