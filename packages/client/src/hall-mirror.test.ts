import { describe, expect, it } from 'vitest';
import { hallConfigSchema, type EventEnvelope, type HallSnapshot, type Ticket } from '@yichuang/protocol';
import { HallMirror } from './hall-mirror.ts';

const config = hallConfigSchema.parse({
  hall: {
    id: 'h',
    name: '测试大厅',
    timezone: 'Asia/Shanghai',
    hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }],
  },
  queues: [{ id: 'q', prefix: 'A', name: '小业务' }],
  services: [{ id: 's', name: '无犯罪记录证明', queue: 'q' }],
  windows: [{ id: 'w1', number: 1, name: '1号窗口', queues: 'all' }],
  officers: [{ id: 'o1', name: '张警官', role: 'officer', pinHash: 'scrypt$x' }],
  roster: [{ window: 'w1', a: 'o1' }],
});
const AT = Date.UTC(2026, 10, 23, 2, 0);

function snapshot(seq: number, tickets: Ticket[] = []): HallSnapshot {
  return {
    protocol: '1.0',
    viewer: { role: 'display', id: 'd1' },
    seq,
    at: AT,
    config: { ...config, officers: [{ id: 'o1', name: '张警官', role: 'officer' }], devices: [] },
    state: {
      day: '2026-11-23',
      tickets,
      windows: [
        {
          id: 'w1',
          holder: null,
          ticketId: null,
          pause: null,
          priorityStreak: 0,
          emptySince: null,
          coverRequestedFor: null,
        },
      ],
      counters: {},
      samples: {},
      firstSignIns: {},
      noticesToday: 0,
    },
    printers: [],
  };
}

function waitingTicket(n: number): Ticket {
  return {
    id: `t${n}`,
    number: `A00${n}`,
    queueId: 'q',
    serviceId: 's',
    day: '2026-11-23',
    issuedAt: AT + n,
    kioskId: 'k',
    green: null,
    appointment: null,
    status: 'waiting',
    windowId: null,
    officerId: null,
    firstOfficerId: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
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
  };
}

function issued(seq: number, n: number): EventEnvelope {
  return { seq, at: AT + n, actor: 'device:k', type: 'ticket:issued', payload: { ticket: waitingTicket(n) } };
}

describe('HallMirror', () => {
  it('is not ready, and reports a gap, until it has a snapshot', () => {
    const m = new HallMirror();
    expect(m.ready).toBe(false);
    expect(m.applyEvent(issued(1, 1))).toBe('gap');
  });

  it('applies events in seq order, drops ones it already has, and reports a gap', () => {
    const m = new HallMirror();
    m.applySnapshot(snapshot(10));
    expect(m.applyEvent(issued(9, 1))).toBe('duplicate');
    expect(m.applyEvent(issued(11, 2))).toBe('applied');
    expect(m.applyEvent(issued(11, 2))).toBe('duplicate');
    expect(m.applyEvent(issued(13, 3))).toBe('gap');
    expect(m.seq).toBe(11);
    expect(m.activeTickets().map((t) => t.number)).toEqual(['A002']);
    expect(m.queues(AT + 60_000)).toEqual([
      { id: 'q', prefix: 'A', name: '小业务', waiting: 1, longestWaitS: 60, estimatedWaitS: 300, unstaffed: true },
    ]);
  });

  it('a snapshot replaces what it had', () => {
    const m = new HallMirror();
    m.applySnapshot(snapshot(5, [waitingTicket(7)]));
    m.applyEvent(issued(6, 8));
    m.applySnapshot(snapshot(20));
    expect(m.seq).toBe(20);
    expect(m.activeTickets()).toEqual([]);
    expect(m.windows()[0]).toMatchObject({ id: 'w1', state: 'empty', holder: null });
  });
});
