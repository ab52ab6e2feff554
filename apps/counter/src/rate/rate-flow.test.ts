import { describe, expect, it } from 'vitest';
import { restoreState } from '@yichuang/engine';
import type { HallConfig, HallStateData, Ticket } from '@yichuang/protocol';
import type { EventEnvelope } from '@yichuang/protocol';
import { nextRateScreen, pendingRating, PICK_UP_MS, type RateScreen } from './rate-flow.ts';

const NOW = Date.UTC(2026, 10, 23, 2, 0);

function ticket(id: string, over: Partial<Ticket>): Ticket {
  return {
    id,
    number: id.toUpperCase(),
    queueId: 'q',
    serviceId: 's',
    day: '2026-11-23',
    issuedAt: NOW - 3_600_000,
    kioskId: null,
    green: null,
    appointment: null,
    status: 'done',
    windowId: 'w1',
    officerId: 'o1',
    firstOfficerId: 'o1',
    calledAt: NOW - 600_000,
    startedAt: null,
    finishedAt: NOW - 30_000,
    recalls: 0,
    targetWindowId: null,
    carriedToDay: null,
    carriedOver: false,
    transfers: [],
    printed: false,
    idHash: null,
    rating: null,
    requeuedAt: null,
    remote: null,
    issuedBy: null,
    person: null,
    heldAt: null,
    ...over,
  };
}

function stateWith(tickets: Ticket[]): ReturnType<typeof restoreState> {
  const config = {
    hall: {
      id: 'h',
      name: 'h',
      timezone: 'Asia/Shanghai',
      hours: [],
      extendedServiceMinutes: 0,
      closedDates: [],
      phones: {},
    },
    queues: [],
    services: [],
    windows: [],
    officers: [],
    roster: [],
    devices: [],
    printers: [],
    serialDevices: [],
    callRules: {
      greenMaxConsecutive: 3,
      maxWaitMinutes: 60,
      maxRecalls: 3,
      defaultServiceMinutes: 5,
      appointmentEarlyMinutes: 10,
    },
  } as unknown as HallConfig;
  const data: HallStateData = {
    day: '2026-11-23',
    tickets,
    windows: [],
    counters: {},
    samples: {},
    firstSignIns: {},
    noticesToday: 0,
  };
  return restoreState(config, data);
}

describe('rating pick-up after a reconnect', () => {
  it('takes the latest unrated ticket this window finished within two minutes', () => {
    const s = stateWith([
      ticket('a', { finishedAt: NOW - 90_000 }),
      ticket('b', { finishedAt: NOW - 20_000 }),
      ticket('c', { finishedAt: NOW - 10_000, windowId: 'w2' }),
    ]);
    expect(pendingRating(s, 'w1', NOW)).toEqual({ ticketId: 'b', number: 'B', officerId: 'o1' });
  });

  it('leaves out rated, unfinished and older tickets', () => {
    const s = stateWith([
      ticket('a', { rating: 5 }),
      ticket('b', { status: 'no-show' }),
      ticket('c', { finishedAt: NOW - PICK_UP_MS - 1 }),
    ]);
    expect(pendingRating(s, 'w1', NOW)).toBeNull();
  });

  it('is over once the window has called someone since the finish (the next citizen is at the counter)', () => {
    const called = stateWith([
      ticket('c4', { finishedAt: NOW - 40_000 }),
      ticket('a1', { status: 'called', calledAt: NOW - 20_000, finishedAt: null }),
    ]);
    expect(pendingRating(called, 'w1', NOW)).toBeNull();
    // …even when that call has ended already (a no-show), leaving the window idle again.
    const gone = stateWith([
      ticket('c4', { finishedAt: NOW - 40_000 }),
      ticket('a1', { status: 'no-show', calledAt: NOW - 20_000, finishedAt: null }),
    ]);
    expect(pendingRating(gone, 'w1', NOW)).toBeNull();
    // A call at another window does not end it.
    const elsewhere = stateWith([
      ticket('c4', { finishedAt: NOW - 40_000 }),
      ticket('a1', { status: 'called', windowId: 'w2', calledAt: NOW - 20_000, finishedAt: null }),
    ]);
    expect(pendingRating(elsewhere, 'w1', NOW)).toEqual({ ticketId: 'c4', number: 'C4', officerId: 'o1' });
  });
});

function envelope(type: string, payload: unknown): EventEnvelope {
  return { seq: 1, at: NOW, actor: 'o1', type, payload } as EventEnvelope;
}

describe('the rating screen follows its window', () => {
  const numberOf = (id: string): string => id.toUpperCase();
  const asking: RateScreen = { name: 'rate', ticketId: 'c4', number: 'C4', officerId: 'o1' };

  it('a finish at this window asks about that ticket, with the officer who served it', () => {
    const e = envelope('ticket:finished', { ticketId: 'c4', windowId: 'w1', officerId: 'o7', serviceS: 60 });
    expect(nextRateScreen({ name: 'idle' }, e, 'w1', numberOf)).toEqual({
      name: 'rate',
      ticketId: 'c4',
      number: 'C4',
      officerId: 'o7',
    });
    expect(
      nextRateScreen(
        { name: 'idle' },
        { ...e, payload: { ...e.payload, windowId: 'w2' } } as EventEnvelope,
        'w1',
        numberOf,
      ),
    ).toEqual({ name: 'idle' });
  });

  it('a new call at this window ends the question, also on the reason step; a call elsewhere does not', () => {
    const call = envelope('ticket:called', {
      ticketId: 'a1',
      windowId: 'w1',
      officerId: 'o1',
      mode: 'next',
      streak: 0,
    });
    expect(nextRateScreen(asking, call, 'w1', numberOf)).toEqual({ name: 'idle' });
    expect(nextRateScreen({ ...asking, name: 'reason', level: 2 }, call, 'w1', numberOf)).toEqual({ name: 'idle' });
    expect(nextRateScreen({ name: 'thanks' }, call, 'w1', numberOf)).toEqual({ name: 'thanks' });
    const other = envelope('ticket:called', {
      ticketId: 'a1',
      windowId: 'w2',
      officerId: 'o2',
      mode: 'next',
      streak: 0,
    });
    expect(nextRateScreen(asking, other, 'w1', numberOf)).toBe(asking);
  });

  it('a rating of this ticket given elsewhere ends it; of another ticket, not', () => {
    const rated = (ticketId: string): EventEnvelope =>
      envelope('ticket:rated', {
        rating: {
          ticketId,
          ticketNumber: 'X',
          windowId: 'w1',
          officerId: 'o1',
          level: 5,
          reason: null,
          via: 'citizen',
          at: NOW,
        },
      });
    expect(nextRateScreen(asking, rated('c4'), 'w1', numberOf)).toEqual({ name: 'idle' });
    expect(nextRateScreen(asking, rated('zz'), 'w1', numberOf)).toBe(asking);
  });
});
