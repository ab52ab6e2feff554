import { afterEach, describe, expect, it } from 'vitest';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('sessions, keys and page headers', () => {
  it('a rotated device key: the old key is refused at once and its socket dropped; the new one works', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const kiosk = await h.connect({ key: 'kiosk-1-secret' });
    const doc = (await h.api('GET', '/api/config', undefined, mgr)).body;
    doc.config.devices = doc.config.devices.map((d: { id: string; key: string }) =>
      d.id === 'kiosk-1' ? { ...d, key: 'kiosk-1-rotated-2026' } : d,
    );
    const res = await h.api('POST', '/api/config', { baseVersion: doc.version, config: doc.config }, mgr);
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual(['更换密钥 kiosk-1']);
    expect(
      JSON.stringify(h.db.prepare("SELECT payload FROM events WHERE type = 'config:changed'").all()),
    ).not.toContain('kiosk-1-rotated-2026');

    await waitFor(() => !kiosk.connected, 3000, 'the old key’s socket dropped');
    const old = await h.api('POST', '/api/tickets', { requestId: 'r1', serviceId: 'cert' }, 'kiosk-1-secret');
    expect(old.status).toBe(401);
    const fresh = await h.api('POST', '/api/tickets', { requestId: 'r2', serviceId: 'cert' }, 'kiosk-1-rotated-2026');
    expect(fresh.status).toBe(201);
  });

  it('removing an officer ends their sessions; a role change too', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const b2 = await h.login('b2');
    const a3 = await h.login('a3');
    const doc = (await h.api('GET', '/api/config', undefined, mgr)).body;
    doc.config.roster = doc.config.roster.map((r: { window: string; b?: string }) =>
      r.window === 'w2' ? { window: 'w2', a: 'a2' } : r,
    );
    doc.config.officers = doc.config.officers
      .filter((o: { id: string }) => o.id !== 'b2')
      .map((o: { id: string; role: string }) => (o.id === 'a3' ? { ...o, role: 'manager' } : o));
    expect((await h.api('POST', '/api/config', { baseVersion: doc.version, config: doc.config }, mgr)).status).toBe(
      200,
    );
    expect((await h.api('GET', '/api/hall', undefined, b2)).status).toBe(401);
    expect((await h.api('GET', '/api/hall', undefined, a3)).status).toBe(401);
    expect((await h.api('POST', '/api/auth/login', { officerId: 'b2', pin: '5678' })).status).toBe(401);
  });

  it('every app page and the ticket page send CSP with frame-ancestors none, nosniff and no referrer; the API sends nosniff', async () => {
    h = await startHub(testHallConfig());
    for (const path of [
      '/kiosk/',
      '/counter/',
      '/display/',
      '/manager/',
      '/rate/w1',
      '/t/some-ticket',
      '/m/',
      '/m/guide/cert',
      '/guide/',
    ]) {
      const res = await fetch(h.url + path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const api = await fetch(`${h.url}/api/health`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
