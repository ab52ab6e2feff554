import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@yichuang/protocol';
import { dbFingerprint, startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Monday 2026-11-23 08:30 in Shanghai: before the 09:00 opening of the weekday hall. */
const MONDAY_0830 = Date.UTC(2026, 10, 23, 0, 30);
const MINUTE = 60_000;

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

function eventsOf(x: Harness, type: string): { actor: string; payload: Record<string, unknown> }[] {
  return (
    x.db.prepare('SELECT actor, payload FROM events WHERE type = ? ORDER BY seq').all(type) as {
      actor: string;
      payload: string;
    }[]
  ).map((r) => ({ actor: r.actor, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

async function windowOf(x: Harness, token: string, id: string): Promise<Record<string, any>> {
  const hall = (await x.api('GET', '/api/hall', undefined, token)).body as { windows: Record<string, any>[] };
  return hall.windows.find((w) => w.id === id)!;
}

describe('A/B roles over REST', () => {
  it('B is refused while A is active; A pauses 离岗 → B is told and takes over; A takes it back; the empty post is recorded', async () => {
    h = await startHub(testHallConfig({ hours: 'weekdays' }), MONDAY_0830);
    const a1 = await h.login('a1');
    const b1 = await h.login('b1');

    // 20 minutes early: the sign-in is recorded against the opening time.
    const signedIn = await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.window.holder).toMatchObject({ officerId: 'a1', role: 'A' });
    expect(eventsOf(h, 'window:signed-in')[0]!.payload).toMatchObject({ officerId: 'a1', earlyMinutes: 30 });

    h.clock.now += 40 * MINUTE; // 09:10, open
    h.hub.bus.tick(); // the other windows' empty posts at opening, so that only the refusal is measured
    const before = dbFingerprint(h.db);
    const refused = await h.api('POST', '/api/windows/w1/sign-in', {}, b1);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('WINDOW_CONFLICT');
    expect(dbFingerprint(h.db)).toEqual(before);

    // B listens on its own socket, as the counter app does.
    const bSocket = await h.connect({ token: b1 });
    const heard: EventEnvelope[] = [];
    bSocket.socket.on('hub:events', (batch) => heard.push(...batch));

    const paused = await h.api('POST', '/api/windows/w1/pause', { reason: 'away', note: '去档案室' }, a1);
    expect(paused.status).toBe(200);
    expect(paused.body.window.state).toBe('paused');
    await waitFor(() => heard.some((e) => e.type === 'roster:cover-requested'), 3000, 'the cover request');
    expect(heard.find((e) => e.type === 'roster:cover-requested')!.payload).toEqual({
      windowId: 'w1',
      fromOfficerId: 'a1',
      toOfficerId: 'b1',
      reason: 'away',
    });
    expect((await windowOf(h, b1, 'w1')).state).toBe('paused');
    expect(eventsOf(h, 'window:empty-post-started').at(-1)!.payload).toEqual({ windowId: 'w1' });

    h.clock.now += 3 * MINUTE;
    const takeover = await h.api('POST', '/api/windows/w1/sign-in', {}, b1);
    expect(takeover.status).toBe(200);
    expect(takeover.body.window.holder).toMatchObject({ officerId: 'b1', role: 'B' });
    expect(takeover.body.window.state).toBe('idle');
    expect(eventsOf(h, 'window:signed-out').at(-1)!.payload).toMatchObject({
      officerId: 'a1',
      handover: true,
      pausedS: 180,
    });
    expect(eventsOf(h, 'window:empty-post-ended').at(-1)!.payload).toEqual({ windowId: 'w1', durationS: 180 });

    // The queue carries on under B.
    await h.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, 'kiosk-1-secret');
    const called = await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, b1);
    expect(called.body.ticket.number).toBe('A001');
    await h.api('POST', '/api/windows/w1/finish', {}, b1);

    // A returns and takes the post back from B.
    const back = await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    expect(back.status).toBe(200);
    expect(back.body.window.holder).toMatchObject({ officerId: 'a1', role: 'A' });
    expect(eventsOf(h, 'window:signed-out').at(-1)!.payload).toMatchObject({ officerId: 'b1', handover: true });
  });

  it('an officer not on the roster of a window is refused and nothing is stored', async () => {
    h = await startHub(testHallConfig());
    const a2 = await h.login('a2');
    const mgr = await h.login('m1');
    const before = dbFingerprint(h.db);
    const res = await h.api('POST', '/api/windows/w1/sign-in', {}, a2);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_ROSTERED');
    expect(res.body.error.message).toContain('1号窗口');
    expect(dbFingerprint(h.db)).toEqual(before);
    // A manager is not refused: they step in as the duty leader (带班领导帮办, issue 17), logged as such.
    const asManager = await h.api('POST', '/api/windows/w1/sign-in', {}, mgr);
    expect(asManager.status).toBe(200);
    expect(asManager.body.window.holder).toMatchObject({ officerId: 'm1', leader: true });
  });

  it('a post nobody holds at opening time is an empty post until someone signs in', async () => {
    h = await startHub(testHallConfig({ hours: 'weekdays', windows: 2 }), MONDAY_0830);
    const b2 = await h.login('b2');
    h.clock.now += 30 * MINUTE; // 09:00
    await waitFor(() => eventsOf(h!, 'window:empty-post-started').length === 2, 3000, 'empty posts at opening');
    expect((await windowOf(h, b2, 'w2')).state).toBe('empty');
    h.clock.now += 25 * MINUTE;
    await h.api('POST', '/api/windows/w2/sign-in', {}, b2);
    expect(eventsOf(h, 'window:empty-post-ended')).toEqual([
      { actor: 'officer:b2', payload: { windowId: 'w2', durationS: 1500 } },
    ]);
    expect((await windowOf(h, b2, 'w2')).state).toBe('idle');
  });
});
