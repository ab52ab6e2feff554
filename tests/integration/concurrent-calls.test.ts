import { afterAll, describe, expect, it } from 'vitest';
import type { HubConnection } from '@yichuang/client';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

const WINDOWS = 50;
const TICKETS = 400;
let h: Harness;
afterAll(async () => {
  await h.close();
});

describe('50 windows pressing call-next at once', () => {
  it('calls every ticket exactly once, to one window, until the queues are empty', async () => {
    h = await startHub(testHallConfig({ windows: WINDOWS }));
    const kiosk = await h.connect({ key: 'kiosk-1-secret' });
    const issued = await Promise.all(
      Array.from({ length: TICKETS }, (_, i) =>
        kiosk.send('ticket:take', {
          requestId: `k${i}`,
          serviceId: i % 3 === 0 ? 'idcard' : 'cert',
          green: i % 7 === 0 ? 'elderly' : undefined,
        }),
      ),
    );
    expect(issued.every((r) => r.ok)).toBe(true);
    const numbers = issued.map((r) => (r.ok ? r.data.number : ''));
    expect(new Set(numbers).size).toBe(TICKETS);

    const counters: HubConnection[] = [];
    for (let i = 1; i <= WINDOWS; i++) {
      const c = await h.connect({ token: await h.login(`a${i}`) });
      const res = await c.send('window:sign-in', { requestId: `s${i}`, windowId: `w${i}` });
      expect(res.ok).toBe(true);
      counters.push(c);
    }

    const calledBy = new Map<string, string[]>();
    let round = 0;
    let emptyRounds = 0;
    while (emptyRounds === 0) {
      round++;
      const results = await Promise.all(
        counters.map(async (c, i) => {
          const windowId = `w${i + 1}`;
          const res = await c.send('window:call-next', { requestId: `r${round}-${windowId}`, windowId });
          if (!res.ok) throw new Error(`${windowId}: ${res.error.code}`);
          if (res.data.ticket === null) return null;
          calledBy.set(res.data.ticket.id, [...(calledBy.get(res.data.ticket.id) ?? []), windowId]);
          const fin = await c.send('window:finish', { requestId: `f${round}-${windowId}`, windowId });
          if (!fin.ok) throw new Error(`${windowId} finish: ${fin.error.code}`);
          return res.data.ticket.id;
        }),
      );
      if (results.every((r) => r === null)) emptyRounds++;
    }

    expect(calledBy.size).toBe(TICKETS);
    for (const windows of calledBy.values()) expect(windows).toHaveLength(1);
    const db = h.db;
    const calls = db.prepare("SELECT payload FROM events WHERE type = 'ticket:called'").all() as { payload: string }[];
    const ids = calls.map((c) => (JSON.parse(c.payload) as { ticketId: string }).ticketId);
    expect(ids).toHaveLength(TICKETS);
    expect(new Set(ids).size).toBe(TICKETS);
    const done = db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'done'").get() as { n: number };
    expect(done.n).toBe(TICKETS);
    expect(round).toBeGreaterThanOrEqual(Math.ceil(TICKETS / WINDOWS));
  });
});
