import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type CityDb } from '../../apps/city/src/city-db.ts';
import { cityConfigSchema } from '../../apps/city/src/city-config.ts';
import { createCityServer, type CityServer } from '../../apps/city/src/city-server.ts';
import { hashPassword, verifyPassword } from '../../apps/city/src/http/staff-passwords.ts';
import { prepareCity, verifyCity } from '../../apps/city/src/ingest.ts';
import { cityConfigFor } from '../support/city-harness.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

const ids = ['hall-1', 'hall-2'];
const base = cityConfigFor(ids);
const clock = { now: Date.UTC(2026, 11, 7, 2, 0) };
let db: CityDb;
let city: CityServer;
let url: string;
let hub: Harness;

async function call(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json, headers: res.headers };
}

beforeAll(async () => {
  const config = cityConfigSchema.parse({
    ...base.config,
    staff: [
      ...base.config.staff,
      { name: '市局值班', id: 'duty', passwordHash: await hashPassword('duty-password-1'), hallId: null },
      { name: '一号厅主任', id: 'h1', passwordHash: await hashPassword('hall-one-pass'), hallId: 'hall-1' },
    ],
  });
  db = await openPglite();
  await prepareCity(db, config.halls);
  city = createCityServer({ db, config, clock: () => clock.now, log: () => undefined });
  url = await city.listen(0);
  hub = await startHub({
    ...testHallConfig(),
    city: { url, hallId: 'hall-1', hallKey: base.keys.get('hall-1')!, intervalMs: 100 },
  });
}, 30_000);

afterAll(async () => {
  await hub.close();
  await city.close();
  await db.close();
});

describe('the city console API', () => {
  it('stores passwords as scrypt hashes that verify, and refuses a config whose login lacks its hash', async () => {
    const h = await hashPassword('s3cret-pass');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(h).not.toContain('s3cret');
    expect(await verifyPassword('s3cret-pass', h)).toBe(true);
    expect(await verifyPassword('s3cret-pasS', h)).toBe(false);
    expect(await verifyPassword('x', undefined)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AA$AA')).toBe(false);
    expect(cityConfigSchema.safeParse({ halls: [], staff: [{ name: 'x', id: 'x' }] }).success).toBe(false);
    expect(
      cityConfigSchema.safeParse({
        halls: [],
        staff: [
          { name: 'a', id: 'same', passwordHash: h },
          { name: 'b', id: 'same', passwordHash: h },
        ],
      }).success,
    ).toBe(false);
  });

  it('signs in, scopes a hall manager to their hall, signs out; bad input is a 400 with the error shape', async () => {
    expect((await call('GET', '/city/api/overview')).status).toBe(401);
    const bad = await call('POST', '/city/api/login', { staffId: 'duty' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    expect((await call('POST', '/city/api/login', { staffId: 'duty', password: 'x', extra: 1 })).status).toBe(400);

    const duty = await call('POST', '/city/api/login', { staffId: 'duty', password: 'duty-password-1' });
    expect(duty.status).toBe(200);
    expect(duty.body.staff).toEqual({ name: '市局值班', hallId: null });
    const all = await call('GET', '/city/api/overview', undefined, duty.body.token);
    expect(all.body.halls.map((h: { hallId: string }) => h.hallId)).toEqual(ids);

    const mgr = await call('POST', '/city/api/login', { staffId: 'h1', password: 'hall-one-pass' });
    const own = await call('GET', '/city/api/overview', undefined, mgr.body.token);
    expect(own.body.halls.map((h: { hallId: string }) => h.hallId)).toEqual(['hall-1']);
    expect((await call('GET', '/city/api/halls/hall-2', undefined, mgr.body.token)).status).toBe(403);
    expect((await call('GET', '/city/api/halls/hall-1', undefined, mgr.body.token)).status).toBe(200);
    expect((await call('GET', '/city/api/halls/no-such', undefined, duty.body.token)).status).toBe(404);
    expect((await call('GET', '/city/api/halls/a%20b', undefined, duty.body.token)).status).toBe(400);
    // The static API tokens still work.
    expect((await call('GET', '/city/api/overview', undefined, base.staffToken)).status).toBe(200);

    expect((await call('POST', '/city/api/logout', undefined, mgr.body.token)).status).toBe(200);
    expect((await call('GET', '/city/api/overview', undefined, mgr.body.token)).status).toBe(401);
    // Sessions end after 12 hours.
    clock.now += 12 * 3600_000 + 1;
    expect((await call('GET', '/city/api/me', undefined, duty.body.token)).status).toBe(401);
  });

  it('locks a login name after five wrong passwords for 15 minutes, even with the right one', async () => {
    for (let i = 0; i < 5; i++)
      expect((await call('POST', '/city/api/login', { staffId: 'h1', password: `wrong-${i}` })).body.error.code).toBe(
        'BAD_LOGIN',
      );
    const locked = await call('POST', '/city/api/login', { staffId: 'h1', password: 'hall-one-pass' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    // An unknown name fails like a wrong password, and counts the same.
    expect((await call('POST', '/city/api/login', { staffId: 'nobody', password: 'x' })).body.error.code).toBe(
      'LOGIN_LOCKED', // the address is locked too: five failures came from it
    );
    clock.now += 15 * 60_000 + 1000;
    expect((await call('POST', '/city/api/login', { staffId: 'h1', password: 'hall-one-pass' })).status).toBe(200);
  });

  it('serves the console app under /city/ and never a file outside it', async () => {
    const page = await call('GET', '/city/');
    if (page.status === 503) {
      expect(page.body.error.code).toBe('CONSOLE_NOT_BUILT');
      return;
    }
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(String(page.body)).toContain('<div id="root">');
    // Climbing out of the console's folder never reaches a file: the app page, or a 404 outside /city/.
    for (const p of ['/city/%2e%2e/%2e%2e/%2e%2e/package.json', '/city/..%2f..%2f..%2fpackage.json', '/city/hall/x']) {
      const r = await call('GET', p);
      expect(JSON.stringify(r.body), p).not.toContain('yichuang');
      expect([200, 404], p).toContain(r.status);
    }
    expect(String((await call('GET', '/city/..%2f..%2f..%2fpackage.json')).body)).toContain('<div id="root">');
    expect((await call('GET', '/city/api/nothing')).status).toBe(404);
  });

  it('a hub sends its clock and profile; the overview shows it with the hall’s own time, and verify covers printers', async () => {
    await hub.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, 'kiosk-1-secret');
    const until = Date.now() + 10_000;
    for (;;) {
      const rows = await db.query<{ acked_seq: number; clock_offset: number | null }>(
        "SELECT acked_seq, clock_offset FROM halls WHERE hall_id = 'hall-1'",
      );
      if (rows[0]!.acked_seq === hub.hub.bus.lastSeq && rows[0]!.clock_offset !== null) break;
      if (Date.now() > until) throw new Error('hub did not push');
      await new Promise((r) => setTimeout(r, 50));
    }
    const login = await call('POST', '/city/api/login', { staffId: 'duty', password: 'duty-password-1' });
    const o = await call('GET', '/city/api/overview', undefined, login.body.token);
    const h1 = o.body.halls[0];
    // The hall's clock (a test clock at Monday 10:00) is what waits and opening hours are read by.
    expect(Math.abs(h1.hallNow - hub.clock.now)).toBeLessThan(5000);
    expect(h1).toMatchObject({ hallId: 'hall-1', open: true, waiting: 1, windowsConfigured: 4, linkDown: false });
    const h2 = o.body.halls[1];
    expect(h2).toMatchObject({ hallId: 'hall-2', open: null, linkDown: true, lastHeardAt: null });
    expect(h2.alerts.map((a: { kind: string }) => a.kind)).toEqual(['link-down']);
    expect((await verifyCity(db)).ok).toBe(true);
  });
});
