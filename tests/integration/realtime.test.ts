import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@yichuang/protocol';
import { HubConnection } from '@yichuang/client';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { createHub } from '../../apps/hub/src/create-hub.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

function connectError(
  url: string,
  auth: Record<string, unknown>,
): Promise<{ message: string; data?: { code: string } }> {
  return new Promise((resolve) => {
    const s = io(url, { auth, transports: ['websocket'], reconnection: false });
    s.on('connect', () => {
      s.close();
      resolve({ message: 'connected' });
    });
    s.on('connect_error', (err) => {
      s.close();
      resolve(err);
    });
  });
}

/** What every screen derives from its mirror; two clients agree when these are equal. */
function view(c: HubConnection, now: number): unknown {
  return {
    seq: c.mirror.seq,
    windows: c.mirror.windows(),
    queues: c.mirror.queues(now),
    active: c.mirror.activeTickets(),
  };
}

describe('socket.io', () => {
  it('checks the protocol version at connect, naming who is too old', async () => {
    h = await startHub();
    const old = await connectError(h.url, { protocol: '0.9', key: 'display-1-secret' });
    expect(old.data?.code).toBe('PROTOCOL_MISMATCH');
    expect(old.message).toContain('client too old');
    const newer = await connectError(h.url, { protocol: '2.0', key: 'display-1-secret' });
    expect(newer.message).toContain('hub too old');
    const none = await connectError(h.url, { key: 'display-1-secret' });
    expect(none.data?.code).toBe('PROTOCOL_MISMATCH');
    const badKey = await connectError(h.url, { protocol: '1.0', key: 'wrong-key-123' });
    expect(badKey.data?.code).toBe('UNAUTHENTICATED');
    expect((await connectError(h.url, { protocol: '1.0', key: 'display-1-secret' })).message).toBe('connected');
  });

  it('the other clients see each committed event once, in seq order with no gaps', async () => {
    h = await startHub();
    const kiosk = await h.connect({ key: 'kiosk-1-secret' });
    const display = await h.connect({ key: 'display-1-secret' });
    const counter = await h.connect({ token: await h.login('a1') });
    const seen: EventEnvelope[] = [];
    display.socket.on('hub:events', (es) => seen.push(...es));

    const t = await kiosk.send('ticket:take', { requestId: 'k1', serviceId: 'cert', green: 'pregnant' });
    expect(t.ok).toBe(true);
    await counter.send('window:sign-in', { requestId: 's1', windowId: 'w1' });
    const call = await counter.send('window:call-next', { requestId: 'c1', windowId: 'w1' });
    expect(call.ok && call.data.ticket?.number).toBe('A001');

    await waitFor(() => seen.some((e) => e.type === 'ticket:called'), 2000, 'display sees the call');
    expect(seen.map((e) => e.type)).toEqual([
      'ticket:issued',
      'window:signed-in',
      'window:empty-post-ended',
      'ticket:called',
    ]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.seq).toBe(seen[i - 1]!.seq + 1);
    const w1 = display.mirror.windows().find((w) => w.id === 'w1');
    expect(w1).toMatchObject({ state: 'calling', ticket: { number: 'A001', green: true } });
    expect(view(display, h.clock.now)).toEqual(view(counter, h.clock.now));
  });

  it('an open socket whose token expired is refused and disconnected', async () => {
    h = await startHub();
    const counter = await h.connect({ token: await h.login('a1') });
    expect((await counter.send('window:sign-in', { requestId: 's1', windowId: 'w1' })).ok).toBe(true);
    h.clock.now += 13 * 3600_000;
    const res = await counter.send('window:call-next', { requestId: 'c1', windowId: 'w1' });
    expect(res).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } });
    await waitFor(() => !counter.connected, 2000, 'disconnect');
  });

  it('public screens never see an appointment code', async () => {
    h = await startHub();
    const mgr = await h.connect({ token: await h.login('m1') });
    const display = await h.connect({ key: 'display-1-secret' });
    const seen: EventEnvelope[] = [];
    display.socket.on('hub:events', (es) => seen.push(...es));
    const booked = await mgr.send('appointment:book', {
      requestId: 'b1',
      code: 'SECRET42',
      serviceId: 'cert',
      day: '2026-11-23',
      start: '10:00',
      end: '10:30',
    });
    expect(booked.ok).toBe(true);
    const kiosk = await h.connect({ key: 'kiosk-1-secret' });
    await kiosk.send('ticket:take', { requestId: 'k1', serviceId: 'cert', appointmentCode: 'SECRET42' });
    await waitFor(() => seen.length >= 2, 2000, 'events');
    expect(JSON.stringify(seen)).not.toContain('SECRET42');
    expect(JSON.stringify(display.mirror.activeTickets())).not.toContain('SECRET42');
  });

  it('a client that missed events (disconnect, then hub restart) ends with the same state as one that saw them all', async () => {
    h = await startHub();
    const port = Number(new URL(h.url).port);
    const always = await h.connect({ key: 'display-1-secret' });
    const flaky = await h.connect({ key: 'display-1-secret' });
    const kiosk = await h.connect({ key: 'kiosk-1-secret' });
    const a1 = await h.login('a1');
    const a2 = await h.login('a2');

    flaky.socket.disconnect();
    for (let i = 0; i < 6; i++)
      await kiosk.send('ticket:take', { requestId: `k${i}`, serviceId: i % 2 ? 'idcard' : 'cert' });
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w2/sign-in', {}, a2);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await h.api('POST', '/api/windows/w2/call-next', { requestId: 'c2' }, a2);
    await h.api('POST', '/api/windows/w2/finish', {}, a2);
    flaky.socket.connect();
    await waitFor(() => flaky.mirror.seq === always.mirror.seq && always.mirror.seq > 0, 3000, 'flaky catches up');
    expect(view(flaky, h.clock.now)).toEqual(view(always, h.clock.now));

    // The hub goes away and comes back on the same database and port; clients reconnect on their own.
    await h.hub.close();
    flaky.socket.disconnect();
    await waitFor(() => !always.connected && !kiosk.connected, 5000, 'clients notice the hub is gone');
    let n = 100;
    h.hub = createHub({
      config: parseHallConfig(testHallConfig(), { pinCost: 1024 }),
      db: h.db,
      clock: () => h.clock.now,
      newId: () => `r${++n}`,
      log: () => undefined,
    });
    await h.hub.listen(port);
    await waitFor(() => always.connected && kiosk.connected, 10_000, 'reconnect after restart');
    const after = await kiosk.send('ticket:take', { requestId: 'after', serviceId: 'cert' });
    expect(after, JSON.stringify(after)).toMatchObject({ ok: true, data: { number: 'A004' } });
    await h.api('POST', '/api/windows/w1/finish', {}, a1);
    flaky.socket.connect();
    const fresh = await h.connect({ key: 'display-1-secret' });
    await waitFor(
      () => always.mirror.seq === fresh.mirror.seq && flaky.mirror.seq === fresh.mirror.seq,
      5000,
      'all agree',
    );
    expect(view(always, h.clock.now)).toEqual(view(fresh, h.clock.now));
    expect(view(flaky, h.clock.now)).toEqual(view(fresh, h.clock.now));
    expect(fresh.mirror.activeTickets().map((t) => t.number)).toContain('A004');
  });
});
