import { describe, expect, it } from 'vitest';
import type { TicketView, WindowView } from '@yichuang/protocol';
import type { CallEntry } from './call-feed.ts';
import { splitCalls } from './calls-now.ts';

function call(ticketId: string, windowId: string): CallEntry {
  return { key: `${ticketId}#1`, ticketId, number: ticketId.toUpperCase(), windowId, recall: false, seenAt: 0 };
}

function win(id: string, o: { ticket?: [string, TicketView['status']]; paused?: boolean } = {}): WindowView {
  const ticket =
    o.ticket === undefined ? null : ({ id: o.ticket[0], number: o.ticket[0], status: o.ticket[1] } as TicketView);
  return {
    id,
    number: Number(id.slice(1)),
    name: `${id.slice(1)}号窗口`,
    state: o.paused === true ? 'paused' : ticket === null ? 'idle' : ticket.status === 'called' ? 'calling' : 'serving',
    queues: 'all',
    greenChannel: false,
    open: true,
    holder: { officerId: 'o', name: 'o', role: 'A', since: 0 },
    pause: o.paused === true ? { reason: 'other', note: '', since: 0, officerId: 'o' } : null,
    emptyPost: false,
    emptySince: null,
    coverRequestedFor: null,
    ticket,
  };
}

describe('calls that stand now', () => {
  it('keeps only tickets still called at their window; finished, started, no-show and paused ones go to recent', () => {
    const feed = [
      call('a6', 'w1'),
      call('c2', 'w4'),
      call('a5', 'w3'),
      call('f1', 'w7'),
      call('a4', 'w2'),
      call('a1', 'w5'),
    ];
    const windows = [
      win('w1', { ticket: ['a6', 'called'] }),
      win('w2', { ticket: ['a4', 'serving'] }), // the citizen arrived
      win('w3', { ticket: ['a5', 'called'] }),
      win('w4'), // C002 finished: the window is idle
      win('w5', { paused: true }), // paused after its last ticket
      win('w7', { ticket: ['f9', 'called'] }), // F001 was a no-show; the window called the next one
    ];
    const split = splitCalls(feed, windows, 3);
    expect(split.now.map((c) => c.number)).toEqual(['A6', 'A5']);
    expect(split.recent.map((r) => [r.call.number, r.calling])).toEqual([
      ['C2', false],
      ['F1', false],
      ['A4', false],
      ['A1', false],
    ]);
  });

  it('more standing calls than the big area holds: the older ones lead the recent list, still marked as calling', () => {
    const feed = ['w1', 'w2', 'w3', 'w4', 'w5'].map((w, i) => call(`t${i}`, w));
    const windows = ['w1', 'w2', 'w3', 'w4', 'w5'].map((w, i) => win(w, { ticket: [`t${i}`, 'called'] }));
    const split = splitCalls([...feed, call('old', 'w6')], [...windows, win('w6')], 3);
    expect(split.now.map((c) => c.ticketId)).toEqual(['t0', 't1', 't2']);
    expect(split.recent.map((r) => [r.call.ticketId, r.calling])).toEqual([
      ['t3', true],
      ['t4', true],
      ['old', false],
    ]);
  });
});
