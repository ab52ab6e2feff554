import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hallConfigSchema,
  type DomainEvent,
  type EventPayload,
  type EventType,
  type HallReport,
} from '@yichuang/protocol';
import { appendEvents } from '../store/event-log.ts';
import { openDb, type Db } from '../store/open-db.ts';
import { readHallReport } from './read-report.ts';
import { reportPeriod } from './report-period.ts';

const at = (day: string, hhmm: string, s = 0): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, h - 8, mi, s);
};
const SUN = '2026-11-22';
const MON = '2026-11-23';
const TUE = '2026-11-24';

const config = hallConfigSchema.parse({
  hall: {
    id: 'h',
    name: '大厅',
    timezone: 'Asia/Shanghai',
    hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }],
  },
  queues: [{ id: 'quick', prefix: 'A', name: '小业务' }],
  services: [{ id: 'cert', name: '证明', queue: 'quick' }],
  windows: [{ id: 'w1', number: 1, name: '1号窗口', queues: 'all' }],
  officers: [{ id: 'a1', name: '甲1', role: 'officer', pin: '1234' }],
});

const ev = <T extends EventType>(type: T, time: number, payload: EventPayload<T>): DomainEvent =>
  ({ type, at: time, payload }) as DomainEvent;

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yichuang-report-'));
  db = openDb(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (from: string, to = from): Promise<HallReport> =>
  readHallReport(db, config, reportPeriod('Asia/Shanghai', from, to), at('2026-11-30', '12:00'));

describe('reading a report from the event log', () => {
  it('a pause open across midnight: each day gets its own part, with the reason known on the second', async () => {
    appendEvents(
      db,
      [
        ev('window:paused', at(SUN, '23:50'), { windowId: 'w1', officerId: 'a1', reason: 'meal', note: '' }),
        ev('window:signed-out', at(MON, '00:00', 6), {
          windowId: 'w1',
          officerId: 'a1',
          handover: false,
          pausedS: 606,
        }),
      ],
      'system',
      null,
    );
    expect((await report(SUN)).windows[0]!.pauseMinutes).toEqual({ away: 0, meeting: 0, meal: 10, other: 0 });
    expect((await report(MON)).windows[0]!.pauseMinutes).toEqual({ away: 0, meeting: 0, meal: 0.1, other: 0 });
    expect((await report(SUN, MON)).officers[0]!.pauseMinutes).toEqual({ away: 0, meeting: 0, meal: 10.1, other: 0 });
  });

  it('only the period’s events count; a ticket from an earlier day finds its queue in the store', async () => {
    db.prepare(
      `INSERT INTO tickets (id, day, queue_id, number, service_id, status, issued_at, data)
       VALUES ('old', ?, 'quick', 'A009', 'cert', 'done', ?, '{}')`,
    ).run(SUN, at(SUN, '16:00'));
    appendEvents(
      db,
      [
        ev('ticket:finished', at(MON, '09:10'), {
          ticketId: 'old',
          windowId: 'w1',
          officerId: 'a1',
          serviceS: 600,
          matters: [],
        }),
        ev('ticket:printed', at(MON, '09:11'), { ticketId: 'old', printerId: 'p1' }),
        ev('ticket:finished', at(TUE, '09:10'), {
          ticketId: 'old',
          windowId: 'w1',
          officerId: 'a1',
          serviceS: 60,
          matters: [],
        }),
      ],
      'officer:a1',
      null,
    );
    const mon = await report(MON);
    expect(mon.totals.served).toBe(1);
    expect(mon.queues).toMatchObject([{ id: 'quick', served: 1, service: { count: 1, meanS: 600 } }]);
    expect(mon.windows[0]).toMatchObject({ served: 1, busyS: 9 * 3600 + 600 });
    expect((await report(MON, TUE)).days.map((d) => d.served)).toEqual([1, 1]);
  });
});
