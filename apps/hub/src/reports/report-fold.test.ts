import { describe, expect, it } from 'vitest';
import {
  hallConfigSchema,
  type DomainEvent,
  type EventPayload,
  type EventType,
  type HallConfig,
  type Ticket,
} from '@yichuang/protocol';
import { ReportFold } from './report-fold.ts';
import { reportPeriod } from './report-period.ts';

/** Wall-clock time in Asia/Shanghai (UTC+8, no DST), worked out without the engine. */
const at = (day: string, hhmm: string, s = 0): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, h - 8, mi, s);
};
const MON = '2026-11-23';
const TUE = '2026-11-24';

const config: HallConfig = hallConfigSchema.parse({
  hall: {
    id: 'h',
    name: '测试大厅',
    timezone: 'Asia/Shanghai',
    hours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }],
  },
  queues: [
    { id: 'quick', prefix: 'A', name: '小业务' },
    { id: 'long', prefix: 'B', name: '大业务' },
  ],
  services: [
    { id: 'cert', name: '证明', queue: 'quick' },
    { id: 'idcard', name: '身份证', queue: 'long' },
  ],
  windows: [
    { id: 'w1', number: 1, name: '1号窗口', queues: 'all' },
    { id: 'w2', number: 2, name: '2号窗口', queues: ['quick'] },
  ],
  officers: [
    { id: 'a1', name: '甲1', role: 'officer', pin: '1234' },
    { id: 'a2', name: '甲2', role: 'officer', pin: '1234' },
    { id: 'm1', name: '主任', role: 'manager', pin: '9999' },
  ],
});

const ev = <T extends EventType>(type: T, time: number, payload: EventPayload<T>): DomainEvent =>
  ({ type, at: time, payload }) as DomainEvent;

function ticket(id: string, number: string, queueId: string, issuedAt: number, extra: Partial<Ticket> = {}): Ticket {
  return {
    id,
    number,
    queueId,
    serviceId: queueId === 'quick' ? 'cert' : 'idcard',
    day: MON,
    issuedAt,
    kioskId: 'k1',
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
    ...extra,
  };
}

const issued = (t: Ticket): DomainEvent => ev('ticket:issued', t.issuedAt, { ticket: t });
const called = (time: number, ticketId: string, windowId: string, officerId: string): DomainEvent =>
  ev('ticket:called', time, { ticketId, windowId, officerId, mode: 'next', streak: 0 });
const finished = (time: number, ticketId: string, windowId: string, officerId: string, serviceS: number) =>
  ev('ticket:finished', time, { ticketId, windowId, officerId, serviceS, matters: [] });

function fold(events: DomainEvent[], from = MON, to = from, until?: number, queueOf?: (id: string) => string) {
  const period = reportPeriod('Asia/Shanghai', from, to);
  const f = new ReportFold({ config, period, until: until ?? period.end, generatedAt: 1, queueOf });
  for (const e of events) f.add(e);
  return f.result();
}

describe('the report fold', () => {
  it('waits and service times: nearest-rank percentiles per hall, queue, window and officer', () => {
    const events: DomainEvent[] = [];
    // Ten quick tickets at 09:00, called 1..10 minutes later at w2, each served 60·k seconds.
    for (let k = 1; k <= 10; k++) {
      events.push(issued(ticket(`t${k}`, `A${String(k).padStart(3, '0')}`, 'quick', at(MON, '09:00'))));
    }
    for (let k = 1; k <= 10; k++) {
      events.push(called(at(MON, '09:00') + k * 60_000, `t${k}`, 'w2', 'a2'));
      events.push(finished(at(MON, '09:00') + k * 60_000 + 1000, `t${k}`, 'w2', 'a2', 60 * k));
    }
    const r = fold(events);
    const wait = { count: 10, meanS: 330, p50S: 300, p90S: 540 };
    const service = { count: 10, meanS: 330, p50S: 300, p90S: 540 };
    expect(r.totals).toMatchObject({ issued: 10, served: 10, noShow: 0, wait, service });
    expect(r.queues.find((q) => q.id === 'quick')).toMatchObject({ issued: 10, served: 10, wait, service });
    expect(r.queues.find((q) => q.id === 'long')).toMatchObject({
      issued: 0,
      wait: { count: 0, meanS: 0, p50S: 0, p90S: 0 },
    });
    expect(r.windows.find((w) => w.id === 'w2')).toMatchObject({ served: 10, service, busyS: 10 });
    expect(r.officers.find((o) => o.id === 'a2')).toMatchObject({ served: 10, service });
    expect(r.hours[9]).toEqual({ hour: 9, issued: 10, served: 10, meanWaitS: 330 });
    expect(r.days).toEqual([{ day: MON, issued: 10, served: 10, noShow: 0 }]);
    // Config order, everyone listed even when idle; the manager is not a window officer.
    expect(r.windows.map((w) => w.id)).toEqual(['w1', 'w2']);
    expect(r.officers.map((o) => o.id)).toEqual(['a1', 'a2']);
  });

  it('导办: tickets a guide issued and green channels granted at the entrance are counted', () => {
    const t0 = at(MON, '10:00');
    const r = fold([
      issued(ticket('t1', 'A001', 'quick', t0, { kioskId: null, issuedBy: 'g1' })),
      issued(ticket('t2', 'A002', 'quick', t0 + 60_000)),
      ev('ticket:green-granted', t0 + 120_000, { ticketId: 't2', reason: 'pregnant', officerId: 'g1' }),
      ev('ticket:held', t0 + 130_000, { ticketId: 't1', officerId: 'g1', note: '' }),
    ]);
    expect(r.totals).toMatchObject({ issued: 2, guided: 1, greenGranted: 1 });
  });

  it('a transfer moves the service time to the new queue; the wait is the first call only', () => {
    const t0 = at(MON, '10:00');
    const r = fold([
      issued(ticket('t1', 'A001', 'quick', t0, { green: 'elderly' })),
      called(t0 + 120_000, 't1', 'w2', 'a2'),
      ev('ticket:transferred', t0 + 180_000, {
        ticketId: 't1',
        officerId: 'a2',
        fromQueueId: 'quick',
        fromWindowId: 'w2',
        toQueueId: 'long',
        toWindowId: null,
        note: '',
      }),
      called(t0 + 600_000, 't1', 'w1', 'a1'),
      finished(t0 + 900_000, 't1', 'w1', 'a1', 300),
    ]);
    expect(r.totals).toMatchObject({ issued: 1, served: 1, transferred: 1, green: 1, wait: { count: 1, meanS: 120 } });
    expect(r.queues.find((q) => q.id === 'quick')).toMatchObject({ issued: 1, served: 0, transferred: 1 });
    expect(r.queues.find((q) => q.id === 'quick')!.wait).toMatchObject({ count: 1, meanS: 120 });
    expect(r.queues.find((q) => q.id === 'long')).toMatchObject({ issued: 0, served: 1, transferred: 0 });
    expect(r.queues.find((q) => q.id === 'long')!.service).toEqual({ count: 1, meanS: 300, p50S: 300, p90S: 300 });
    // w2 held it from the call to the transfer, w1 from its call to the finish.
    expect(r.windows.find((w) => w.id === 'w2')).toMatchObject({ busyS: 60, served: 0 });
    expect(r.windows.find((w) => w.id === 'w1')).toMatchObject({ busyS: 300, served: 1 });
  });

  it('pauses by reason: resumed, ended by sign-out, begun before the day, and still open at the end', () => {
    const r = fold(
      [
        // Before the day: a1 paused for a meal at 23:50 on Sunday; the rollover signs them out at 00:00:05.
        ev('window:paused', at('2026-11-22', '23:50'), { windowId: 'w1', officerId: 'a1', reason: 'meal', note: '' }),
        ev('window:signed-out', at(MON, '00:00', 5), {
          windowId: 'w1',
          officerId: 'a1',
          handover: false,
          pausedS: 605,
        }),
        ev('window:paused', at(MON, '10:00'), { windowId: 'w2', officerId: 'a2', reason: 'meeting', note: '' }),
        ev('window:resumed', at(MON, '10:30'), { windowId: 'w2', officerId: 'a2', pausedS: 1800 }),
        ev('window:paused', at(MON, '11:00'), { windowId: 'w2', officerId: 'a2', reason: 'away', note: '' }),
        ev('window:signed-out', at(MON, '11:06'), { windowId: 'w2', officerId: 'a2', handover: true, pausedS: 360 }),
        // A resume whose pause is not in the events read: its length counts, as 其他.
        ev('window:resumed', at(MON, '12:00'), { windowId: 'w1', officerId: 'a1', pausedS: 120 }),
        ev('window:paused', at(MON, '16:00'), { windowId: 'w1', officerId: 'a1', reason: 'other', note: '' }),
      ],
      MON,
      MON,
      at(MON, '16:45'),
    );
    expect(r.windows.find((w) => w.id === 'w2')!.pauseMinutes).toEqual({ away: 6, meeting: 30, meal: 0, other: 0 });
    // 5 s of the meal inside Monday; 2 min (unknown reason) + 45 min still open at `until`.
    expect(r.windows.find((w) => w.id === 'w1')!.pauseMinutes).toEqual({ away: 0, meeting: 0, meal: 0.1, other: 47 });
    expect(r.officers.find((o) => o.id === 'a1')!.pauseMinutes).toEqual({ away: 0, meeting: 0, meal: 0.1, other: 47 });
    expect(r.officers.find((o) => o.id === 'a2')!.pauseMinutes).toEqual({ away: 6, meeting: 30, meal: 0, other: 0 });
    expect(r.until).toBe(at(MON, '16:45'));
  });

  it('empty posts: ended ones by durationS, an open one up to now, or up to closing once the day is over', () => {
    const events = [
      ev('window:empty-post-started', at(MON, '09:00'), { windowId: 'w1' }),
      ev('window:empty-post-ended', at(MON, '09:20'), { windowId: 'w1', durationS: 1200 }),
      ev('window:empty-post-started', at(MON, '16:30'), { windowId: 'w2' }),
    ];
    const now = fold(events, MON, MON, at(MON, '16:40'));
    expect(now.windows.map((w) => [w.id, w.emptyPosts, w.emptyPostMinutes])).toEqual([
      ['w1', 1, 20],
      ['w2', 1, 10],
    ]);
    const later = fold(events, MON, MON);
    expect(later.windows.find((w) => w.id === 'w2')!.emptyPostMinutes).toBe(30);
  });

  it('a two-day range: days and hours add up, a carried-over ticket is served on the second day in its queue', () => {
    const r = fold(
      [
        issued(ticket('t2', 'A001', 'quick', at(MON, '09:10'))),
        called(at(MON, '09:15'), 't2', 'w2', 'a2'),
        ev('ticket:no-show', at(MON, '09:17'), { ticketId: 't2', windowId: 'w2', officerId: 'a2', auto: true }),
        issued(ticket('t1', 'B001', 'long', at(MON, '16:50'))),
        ev('ticket:carried-over', at(MON, '17:10'), { ticketId: 't1', toWindowId: 'w1', toDay: TUE }),
        ev('window:signed-in', at(TUE, '08:45'), {
          windowId: 'w1',
          officerId: 'a1',
          role: 'A',
          earlyMinutes: 15,
          leader: false,
        }),
        ev('window:signed-in', at(TUE, '08:52'), {
          windowId: 'w2',
          officerId: 'a2',
          role: 'A',
          earlyMinutes: 8,
          leader: false,
        }),
        called(at(TUE, '09:00'), 't1', 'w1', 'a1'),
        issued(ticket('t3', 'A001', 'quick', at(TUE, '09:05'), { day: TUE })),
        finished(at(TUE, '09:20'), 't1', 'w1', 'a1', 1200),
        called(at(TUE, '09:25'), 't3', 'w1', 'a1'),
        finished(at(TUE, '09:30'), 't3', 'w1', 'a1', 300),
        ev('ticket:rated', at(TUE, '09:31'), {
          rating: {
            ticketId: 't3',
            ticketNumber: 'A001',
            windowId: 'w1',
            officerId: 'a1',
            level: 2,
            reason: 'slow',
            via: 'officer',
            at: at(TUE, '09:31'),
          },
        }),
        // A second sign-in the same day has no earlyMinutes and is not a sign-in record.
        ev('window:signed-out', at(TUE, '09:40'), { windowId: 'w2', officerId: 'a2', handover: false, pausedS: null }),
        ev('window:signed-in', at(TUE, '10:00'), {
          windowId: 'w2',
          officerId: 'a2',
          role: 'A',
          earlyMinutes: null,
          leader: false,
        }),
      ],
      MON,
      TUE,
    );
    expect(r.days).toEqual([
      { day: MON, issued: 2, served: 0, noShow: 1 },
      { day: TUE, issued: 1, served: 2, noShow: 0 },
    ]);
    expect(r.totals).toMatchObject({ issued: 3, served: 2, noShow: 1, carriedOver: 1 });
    // The carried-over ticket's night is not a wait.
    expect(r.totals.wait).toEqual({ count: 2, meanS: 750, p50S: 300, p90S: 1200 });
    expect(r.queues.find((q) => q.id === 'long')).toMatchObject({ issued: 1, served: 1, carriedOver: 1 });
    expect(r.hours[9]).toEqual({ hour: 9, issued: 2, served: 2, meanWaitS: 750 });
    expect(r.hours[16]).toMatchObject({ issued: 1, meanWaitS: 0 });
    expect(r.officers.find((o) => o.id === 'a1')!.signIns).toEqual([
      { day: TUE, windowId: 'w1', earlyMinutes: 15, early: true },
    ]);
    expect(r.officers.find((o) => o.id === 'a2')!.signIns).toEqual([
      { day: TUE, windowId: 'w2', earlyMinutes: 8, early: false },
    ]);
    expect(r.ratings).toMatchObject({ count: 1, mean: 2, satisfiedRate: 0, levels: { '2': 1 } });
    expect(r.ratings.low).toEqual([
      { ticketNumber: 'A001', windowId: 'w1', officerId: 'a1', level: 2, reason: 'slow', at: at(TUE, '09:31') },
    ]);
  });

  it('a ticket from before the period takes its queue from the store; removed windows and officers keep their ids', () => {
    const r = fold(
      [
        called(at(MON, '09:00'), 'old', 'w9', 'x7'),
        finished(at(MON, '09:10'), 'old', 'w9', 'x7', 600),
        // A call made before the period: the window counts as busy from midnight.
        finished(at(MON, '00:10'), 'older', 'w1', 'a1', 60),
      ],
      MON,
      MON,
      undefined,
      (id) => (id === 'old' ? 'long' : 'gone'),
    );
    expect(r.queues.map((q) => [q.id, q.served])).toEqual([
      ['quick', 0],
      ['long', 1],
      ['gone', 1],
    ]);
    expect(r.queues.at(-1)).toMatchObject({ name: 'gone', prefix: '' });
    expect(r.windows.at(-1)).toMatchObject({ id: 'w9', name: 'w9', served: 1, busyS: 600 });
    expect(r.windows.find((w) => w.id === 'w1')).toMatchObject({ busyS: 600 });
    expect(r.officers.at(-1)).toMatchObject({ id: 'x7', name: 'x7', served: 1 });
  });
});
