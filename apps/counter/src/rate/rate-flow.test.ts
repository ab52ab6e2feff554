import { describe, expect, it } from 'vitest';
import { restoreState } from '@yichuang/engine';
import type { HallConfig, HallStateData, Ticket } from '@yichuang/protocol';
import { pendingRating, PICK_UP_MS } from './rate-flow.ts';

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
    expect(pendingRating(s, 'w1', NOW)).toEqual({ ticketId: 'b', number: 'B' });
  });

  it('leaves out rated, unfinished and older tickets', () => {
    const s = stateWith([
      ticket('a', { rating: 5 }),
      ticket('b', { status: 'no-show' }),
      ticket('c', { finishedAt: NOW - PICK_UP_MS - 1 }),
    ]);
    expect(pendingRating(s, 'w1', NOW)).toBeNull();
  });
});
