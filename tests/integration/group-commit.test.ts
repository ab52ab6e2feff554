import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '@yichuang/protocol';
import { dbFingerprint, startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * Group commit: commands of one event-loop turn are decided one by one against the in-memory state
 * and written in one transaction; each is answered only once that transaction is durable. The
 * invariants of one-command-per-transaction hold exactly.
 */

const kiosk: Actor = { kind: 'device', role: 'kiosk', deviceId: 'kiosk-1' };
const officer = (n: number): Actor => ({ kind: 'officer', role: 'officer', officerId: `a${n}` });

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const commits = (x: Harness): number =>
  Number(/yichuang_commit_duration_seconds_count (\d+)/.exec(x.hub.context.metrics.render())?.[1] ?? NaN);
const eventsInDb = (x: Harness): number => (x.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

describe('group commit', () => {
  it('a turn’s commands are one transaction, answered only once it is durable, numbered in arrival order', async () => {
    h = await startHub(testHallConfig());
    const before = commits(h);
    const eventsBefore = eventsInDb(h);
    const answers = Array.from({ length: 60 }, (_, i) =>
      h!.hub.bus.dispatch('ticket:take', { requestId: `t${i}`, serviceId: 'cert' }, kiosk),
    );
    // Nothing is answered before the batch is written (not even in the same microtask queue).
    let answered = 0;
    for (const a of answers) void a.then(() => answered++);
    await Promise.resolve();
    expect(answered).toBe(0);
    expect(eventsInDb(h)).toBe(eventsBefore);
    const acks = await Promise.all(answers);
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(eventsInDb(h)).toBeGreaterThanOrEqual(eventsBefore + 60);
    expect(commits(h) - before).toBe(1);
    // Gap-free numbers in arrival order, and seq order equals decision order.
    expect(acks.map((a) => (a.ok ? a.data.number : ''))).toEqual(
      Array.from({ length: 60 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`),
    );
    const issued = h.db
      .prepare(
        "SELECT json_extract(payload, '$.ticket.number') AS n FROM events WHERE type = 'ticket:issued' ORDER BY seq",
      )
      .all() as { n: string }[];
    expect(issued.map((r) => r.n)).toEqual(acks.map((a) => (a.ok ? a.data.number : '')));
  });

  it('a retry that lands in the same batch as its original gets the same answer; another body is refused', async () => {
    h = await startHub(testHallConfig());
    const first = h.hub.bus.dispatch('ticket:take', { requestId: 'same', serviceId: 'cert' }, kiosk);
    const retry = h.hub.bus.dispatch('ticket:take', { requestId: 'same', serviceId: 'cert' }, kiosk);
    const other = h.hub.bus.dispatch('ticket:take', { requestId: 'same', serviceId: 'idcard' }, kiosk);
    const [a, b, c] = await Promise.all([first, retry, other]);
    expect(a).toEqual(b);
    expect(c.ok ? 'ok' : c.error.code).toBe('REQUEST_ID_REUSED');
    expect(dbFingerprint(h.db).tickets).toBe(1);
  });

  it('no ticket is called to two windows when 20 windows call at once in one batch', async () => {
    h = await startHub(testHallConfig({ windows: 20 }));
    for (let i = 0; i < 10; i++)
      await h.hub.bus.dispatch('ticket:take', { requestId: `t${i}`, serviceId: 'cert' }, kiosk);
    for (let n = 1; n <= 20; n++)
      expect(
        (await h.hub.bus.dispatch('window:sign-in', { requestId: `s${n}`, windowId: `w${n}` }, officer(n))).ok,
      ).toBe(true);
    const calls = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h!.hub.bus.dispatch('window:call-next', { requestId: `c${i}`, windowId: `w${i + 1}` }, officer(i + 1)),
      ),
    );
    const called = calls.flatMap((c) => (c.ok && c.data.ticket !== null ? [c.data.ticket.id] : []));
    expect(called).toHaveLength(10);
    expect(new Set(called).size).toBe(10);
  });

  it('reading the state writes the batch first: nobody sees a decision that is not durable', async () => {
    h = await startHub(testHallConfig());
    const answer = h.hub.bus.dispatch('ticket:take', { requestId: 'r1', serviceId: 'cert' }, kiosk);
    expect(h.hub.bus.queued).toBe(1);
    const seen = h.hub.context.hallView().queues.find((q) => q.id === 'quick')?.waiting;
    expect(seen).toBe(1);
    expect(dbFingerprint(h.db).tickets).toBe(1); // written before it was shown
    expect((await answer).ok).toBe(true);
  });

  it('when the batch cannot be written every command in it is refused, nothing of it is visible, and numbering carries on without a gap', async () => {
    h = await startHub(testHallConfig());
    expect((await h.hub.bus.dispatch('ticket:take', { requestId: 'ok-1', serviceId: 'cert' }, kiosk)).ok).toBe(true);
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    h.db.pragma(`max_page_count = ${h.db.pragma('page_count', { simple: true }) as number}`);
    const before = dbFingerprint(h.db);
    // Enough in one batch that the write needs a new page.
    const batch = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h!.hub.bus.dispatch('ticket:take', { requestId: `full-${i}`, serviceId: 'cert' }, kiosk),
      ),
    );
    expect(new Set(batch.map((a) => (a.ok ? 'ok' : a.error.code)))).toEqual(new Set(['STORAGE_UNAVAILABLE']));
    expect(dbFingerprint(h.db)).toEqual(before);
    expect(h.hub.context.hallView().queues.find((q) => q.id === 'quick')?.waiting).toBe(1);
    h.db.pragma('max_page_count = 1073741823');
    const next = await h.hub.bus.dispatch('ticket:take', { requestId: 'ok-2', serviceId: 'cert' }, kiosk);
    expect(next.ok && next.data.number).toBe('A002');
    // A retry of a refused request is decided afresh, not answered with the refusal.
    const retried = await h.hub.bus.dispatch('ticket:take', { requestId: 'full-0', serviceId: 'cert' }, kiosk);
    expect(retried.ok && retried.data.number).toBe('A003');
  });
});
