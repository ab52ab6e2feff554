import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { createHub } from '../../apps/hub/src/create-hub.ts';
import { openDb } from '../../apps/hub/src/store/open-db.ts';
import { apiFrom } from '../support/http-from.ts';
import { MONDAY_10AM, startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

let h: Harness | null = null;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await h?.close();
  h = null;
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('logout (POST /api/auth/logout)', () => {
  it('revokes only the caller’s token and closes that token’s sockets at once', async () => {
    h = await startHub(testHallConfig());
    const here = await h.login('a1');
    const elsewhere = await h.login('a1');
    const socket = await h.connect({ token: here });
    const other = await h.connect({ token: elsewhere });

    const res = await h.api('POST', '/api/auth/logout', {}, here);
    expect(res).toMatchObject({ status: 200, body: { loggedOut: true, sockets: 1 } });
    await waitFor(() => !socket.connected, 1000, 'the logged-out socket closed');
    expect((await h.api('GET', '/api/hall', undefined, here)).status).toBe(401);
    // The client tries again a second later: the revoked token is refused at the handshake.
    await new Promise((r) => setTimeout(r, 1500));
    expect(socket.connected).toBe(false);

    expect(other.connected).toBe(true);
    expect((await h.api('GET', '/api/hall', undefined, elsewhere)).status).toBe(200);
    expect((await h.api('POST', '/api/auth/logout', {}, here)).status).toBe(401);
  });

  it('is for officers and managers; a device key is refused and keeps working', async () => {
    h = await startHub(testHallConfig());
    const res = await h.api('POST', '/api/auth/logout', {}, 'kiosk-1-secret');
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await h.api('GET', '/api/hall', undefined, 'kiosk-1-secret')).status).toBe(200);
    const mgr = await h.login('m1');
    expect((await h.api('POST', '/api/auth/logout', {}, mgr)).status).toBe(200);
    expect((await h.api('GET', '/api/config', undefined, mgr)).status).toBe(401);
  });

  it('a storage failure answers 503 STORAGE_UNAVAILABLE and pretends nothing: the token still works', async () => {
    h = await startHub(testHallConfig());
    const token = await h.login('a1');
    h.db.pragma('query_only = ON'); // every write now fails, as on a full or read-only disk
    const res = await h.api('POST', '/api/auth/logout', {}, token);
    h.db.pragma('query_only = OFF');
    expect(res).toMatchObject({ status: 503, body: { error: { code: 'STORAGE_UNAVAILABLE' } } });
    expect((await h.api('GET', '/api/hall', undefined, token)).status).toBe(200);
  });
});

/** A hub on a data directory that outlives it, for restarts. */
async function hubOn(dir: string, clock: { now: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const db = openDb(dir);
  const hub = createHub({
    config: parseHallConfig(testHallConfig(), { pinCost: 1024 }),
    db,
    clock: () => clock.now,
    log: () => undefined,
  });
  const url = await hub.listen(0);
  return {
    url,
    close: async () => {
      await hub.close();
      db.close();
    },
  };
}

const ATTACKER = '127.0.0.2';
const MANAGER_PC = '127.0.0.3';
const login = (url: string, from: string, officerId: string, pin: string) =>
  apiFrom(from, url, 'POST', '/api/auth/login', { officerId, pin });

describe('login throttle: per officer and address, with back-off, kept across restarts', () => {
  it('wrong PINs for 9001-like m1 from one address do not lock m1 out at another; the pair stays locked after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yichuang-throttle-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const clock = { now: MONDAY_10AM };
    let hub = await hubOn(dir, clock);
    cleanups.push(() => hub.close());

    for (let i = 0; i < 6; i++) {
      const bad = await login(hub.url, ATTACKER, 'm1', '0000');
      expect(bad.status, `try ${i + 1}`).toBe(i < 5 ? 401 : 429);
    }
    const locked = await login(hub.url, ATTACKER, 'm1', '9999');
    expect(locked).toMatchObject({ status: 429, body: { error: { code: 'LOGIN_THROTTLED' } } });
    const manager = await login(hub.url, MANAGER_PC, 'm1', '9999');
    expect(manager.status).toBe(200);

    await hub.close();
    cleanups.pop();
    hub = await hubOn(dir, clock);
    cleanups.push(() => hub.close());
    expect((await login(hub.url, ATTACKER, 'm1', '9999')).status).toBe(429);
    expect((await login(hub.url, MANAGER_PC, 'm1', '9999')).status).toBe(200);
  });

  it('each failure past the limit doubles the lock: 1 minute, then 2', async () => {
    h = await startHub(testHallConfig());
    for (let i = 0; i < 5; i++) await login(h.url, ATTACKER, 'a1', '0000');
    h.clock.now += 59_000;
    expect((await login(h.url, ATTACKER, 'a1', '1234')).status).toBe(429);
    h.clock.now += 2_000; // the first lock (60 s) is over
    expect((await login(h.url, ATTACKER, 'a1', '0000')).status).toBe(401);
    h.clock.now += 119_000; // the second lock is 120 s
    expect((await login(h.url, ATTACKER, 'a1', '1234')).status).toBe(429);
    h.clock.now += 2_000;
    expect((await login(h.url, ATTACKER, 'a1', '1234')).status).toBe(200);
    // A success clears that officer's count at that address.
    expect((await login(h.url, ATTACKER, 'a1', '0000')).status).toBe(401);
    expect((await login(h.url, ATTACKER, 'a1', '1234')).status).toBe(200);
  });

  it('guessing across many ids from one address is limited there, not elsewhere', async () => {
    h = await startHub(testHallConfig());
    for (let i = 0; i < 20; i++) expect((await login(h.url, ATTACKER, `x${i}`, '0000')).status).toBe(401);
    expect((await login(h.url, ATTACKER, 'a2', '1234')).status).toBe(429);
    expect((await login(h.url, MANAGER_PC, 'a2', '1234')).status).toBe(200);
  });
});
