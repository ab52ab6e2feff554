import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { apiFrom } from '../support/http-from.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

const KIOSK = 'kiosk-1-secret';
const DEVICE_KEYS = ['kiosk-1-secret', 'kiosk-2-secret', 'display-1-secret', 'rater-1-secret'];

let h: Harness | null = null;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await h?.close();
  h = null;
  for (const c of cleanups.splice(0)) c();
});

const take = async (x: Harness, requestId: string): Promise<{ id: string; link: string }> =>
  (await x.api('POST', '/api/tickets', { requestId, serviceId: 'cert' }, KIOSK)).body as { id: string; link: string };

/** a1 at w1 serves and finishes one ticket; returns its id. */
async function finishedAtW1(x: Harness, a1: string): Promise<string> {
  const { id } = await take(x, `t-${Math.random()}`);
  await x.api('POST', '/api/windows/w1/sign-in', {}, a1);
  await x.api('POST', '/api/windows/w1/call-ticket', { ticketId: id }, a1);
  await x.api('POST', '/api/windows/w1/finish', {}, a1);
  return id;
}

describe('config secrets never leave the hub', () => {
  it('GET /api/config and every other answer carry no PIN hash and no device key', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const doc = (await h.api('GET', '/api/config', undefined, mgr)).body;
    const conn = await h.connect({ token: mgr });
    const snapshot = await conn.socket.emitWithAck('hall:snapshot');
    const seen = [
      JSON.stringify(doc),
      JSON.stringify(snapshot),
      ...(await Promise.all(
        ['/api/events?limit=500', '/api/devices', '/api/hall', '/api/alerts'].map(async (p) =>
          JSON.stringify((await h!.api('GET', p, undefined, mgr)).body),
        ),
      )),
    ].join('\n');
    expect(seen).not.toContain('scrypt$');
    expect(seen).not.toContain('pinHash');
    for (const key of DEVICE_KEYS) expect(seen).not.toContain(key);
    expect(doc.config.devices.every((d: object) => !('key' in d))).toBe(true);
  });

  it('sent back without secrets, officers keep their PINs and devices their keys; a new device needs a key', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const doc = (await h.api('GET', '/api/config', undefined, mgr)).body;
    doc.config.officers = doc.config.officers.map((o: { id: string; name: string }) =>
      o.id === 'a1' ? { ...o, name: '甲一（改）' } : o,
    );
    const saved = await h.api('POST', '/api/config', { baseVersion: doc.version, config: doc.config }, mgr);
    expect(saved.status).toBe(200);
    expect(saved.body.changes.join()).not.toMatch(/密钥|PIN|密码/);
    expect((await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '1234' })).status).toBe(200);
    for (const key of DEVICE_KEYS) expect((await h.api('GET', '/api/hall', undefined, key)).status).toBe(200);

    const next = (await h.api('GET', '/api/config', undefined, mgr)).body;
    next.config.devices.push({ id: 'kiosk-3', kind: 'kiosk' });
    const keyless = await h.api('POST', '/api/config', { baseVersion: next.version, config: next.config }, mgr);
    expect(keyless).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(keyless.body.error.field).toBe(`devices.${next.config.devices.length - 1}.key`);
  });

  it('a trivial PIN is refused on reset and in console edits; a sound one is taken', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    for (const pin of ['0000', '1234', '4321', '123456', '7777'])
      expect((await h.api('POST', '/api/officers/a1/pin', { pin }, mgr)).body.error?.code, pin).toBe(
        'VALIDATION_FAILED',
      );
    expect((await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '1234' })).status).toBe(200);
    expect((await h.api('POST', '/api/officers/a1/pin', { pin: '5830' }, mgr)).status).toBe(200);
    expect((await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '5830' })).status).toBe(200);

    const doc = (await h.api('GET', '/api/config', undefined, mgr)).body;
    const at = doc.config.officers.length;
    doc.config.officers.push({ id: 'n1', name: '新同事', role: 'officer', pin: '9876' });
    const refused = await h.api('POST', '/api/config', { baseVersion: doc.version, config: doc.config }, mgr);
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', field: `officers.${at}.pin` } },
    });
    doc.config.officers[at].pin = '2580';
    expect((await h.api('POST', '/api/config', { baseVersion: doc.version, config: doc.config }, mgr)).status).toBe(
      200,
    );
    expect((await h.api('POST', '/api/auth/login', { officerId: 'n1', pin: '2580' })).status).toBe(200);
  });
});

describe('file: printers write only under the data directory', () => {
  it('a live edit may not point a file printer outside (absolute, "..", symlink); inside it prints', async () => {
    h = await startHub(testHallConfig());
    const outside = mkdtempSync(join(tmpdir(), 'yichuang-outside-'));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    symlinkSync(outside, join(h.dir, 'escape'));
    const mgr = await h.login('m1');

    for (const uri of [
      `file:${join(outside, 'x.bin')}`,
      'file:../x.bin',
      'file:escape/x.bin',
      'file:///etc/cron.d/x',
    ]) {
      const doc = (await h.api('GET', '/api/config', undefined, mgr)).body;
      doc.config.printers = [{ id: 'dbg', uri, paperWidthMm: 80 }];
      const res = await h.api('POST', '/api/config', { baseVersion: doc.version, config: doc.config }, mgr);
      expect(res.status, uri).toBe(400);
      expect(res.body.error, uri).toMatchObject({ code: 'VALIDATION_FAILED', field: 'printers.0.uri' });
    }
    expect(h.hub.bus.config.printers).toEqual([]);

    const doc = (await h.api('GET', '/api/config', undefined, mgr)).body;
    doc.config.printers = [{ id: 'dbg', uri: 'file:prints/dbg.bin', paperWidthMm: 80 }];
    doc.config.devices = doc.config.devices.map((d: { id: string }) =>
      d.id === 'kiosk-1' ? { ...d, printer: 'dbg' } : d,
    );
    expect((await h.api('POST', '/api/config', { baseVersion: doc.version, config: doc.config }, mgr)).status).toBe(
      200,
    );
    await take(h, 'p-inside');
    const file = join(h.dir, 'prints', 'dbg.bin');
    await waitFor(
      () => existsSync(file) && readFileSync(file).length > 0,
      5000,
      'the slip written under the data directory',
    );
    expect(existsSync(join(outside, 'x.bin'))).toBe(false);
  });

  it('a config file naming a file printer outside: the hub starts, the printer writes nothing there and is offline', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'yichuang-outside-'));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    const target = join(outside, 'slips.bin');
    const config = testHallConfig() as HallConfigInput & { printers: unknown[]; devices: { id: string }[] };
    config.printers = [{ id: 'dbg', uri: `file:${target}`, paperWidthMm: 80 }];
    config.devices = config.devices.map((d) => (d.id === 'kiosk-1' ? { ...d, printer: 'dbg' } : d));
    h = await startHub(config);
    const events: string[] = [];
    h.hub.onEvents((es) => events.push(...es.map((e) => e.type)));
    await take(h, 'p-outside');
    await waitFor(() => events.includes('ticket:print-failed'), 5000, 'the print refused');
    expect(existsSync(target)).toBe(false);
    await waitFor(() => h!.hub.context.hallView().printers[0]?.status === 'offline', 5000, 'printer offline');
  });
});

describe('notices: an officer reads those of windows they hold or held today; managers all', () => {
  it('filters the list, refuses another window’s notice and its reprint', async () => {
    h = await startHub(testHallConfig());
    const [a1, a2, b1, mgr] = [await h.login('a1'), await h.login('a2'), await h.login('b1'), await h.login('m1')];
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w2/sign-in', {}, a2);
    const n1 = (
      await h.api('POST', '/api/notices', { citizenName: '欧阳娜娜', serviceId: 'cert', missing: ['申请表'] }, a1)
    ).body.id as string;
    const n2 = (
      await h.api('POST', '/api/notices', { citizenName: '李四', serviceId: 'cert', missing: ['申请表'] }, a2)
    ).body.id as string;
    const ids = async (token: string): Promise<string[]> =>
      ((await h!.api('GET', '/api/notices', undefined, token)).body.notices as { id: string }[]).map((n) => n.id);

    expect(await ids(a1)).toEqual([n1]);
    expect(await ids(a2)).toEqual([n2]);
    expect(await ids(b1)).toEqual([]);
    expect((await ids(mgr)).sort()).toEqual([n1, n2].sort());
    expect((await h.api('GET', `/api/notices/${n1}`, undefined, a2)).status).toBe(403);
    expect((await h.api('GET', `/api/notices/${n1}?`, undefined, b1)).status).toBe(403);
    expect((await h.api('POST', `/api/notices/${n1}/reprint`, {}, a2)).body.error.code).toBe('FORBIDDEN');
    expect((await h.api('GET', `/api/notices/${n1}`, undefined, a1)).body.citizenName).toBe('欧阳娜娜');
    expect((await h.api('GET', `/api/notices/${n2}`, undefined, mgr)).status).toBe(200);
    // Allowed, it gets as far as the printer (the test hall has none at w1).
    expect((await h.api('POST', `/api/notices/${n1}/reprint`, {}, a1)).body.error.code).toBe('NO_PRINTER');

    // a1 hands w1 to b1: b1 now holds it and reads its notices; a1 held it today and still does.
    await h.api('POST', '/api/windows/w1/sign-out', {}, a1);
    await h.api('POST', '/api/windows/w1/sign-in', {}, b1);
    expect(await ids(b1)).toEqual([n1]);
    await h.api('POST', '/api/windows/w1/sign-out', {}, b1);
    expect(await ids(b1)).toEqual([n1]);
    expect(await ids(a1)).toEqual([n1]);
    expect((await h.api('GET', `/api/notices/${n1}`, undefined, b1)).status).toBe(200);
  });
});

describe('好差评 belongs to the citizen', () => {
  it('an officer may not rate (their own ticket included); the citizen rates once with the link secret', async () => {
    h = await startHub(testHallConfig());
    const a1 = await h.login('a1');
    const id = await finishedAtW1(h, a1);
    const byOfficer = await h.api('POST', '/api/ratings', { ticketId: id, level: 5 }, a1);
    expect(byOfficer).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const sock = await h.connect({ token: a1 });
    expect((await sock.send('rating:submit', { requestId: 'sock-r', ticketId: id, level: 5 })).ok).toBe(false);

    const secret = h.hub.context.ticketSecrets.of(id);
    const rate = (body: unknown) => h!.api('POST', `/api/tickets/${id}/rating`, body);
    expect((await rate({ secret: 'x'.repeat(16), level: 5 })).status).toBe(403);
    expect((await rate({ secret, level: 1 })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await rate({ secret, level: 5, extra: 1 })).body.error.code).toBe('VALIDATION_FAILED');
    const mine = await rate({ secret, level: 1, reason: 'waited-long' });
    expect(mine).toMatchObject({
      status: 201,
      body: { ticketId: id, level: 1, reason: 'waited-long', via: 'citizen' },
    });
    expect((await rate({ secret, level: 5 })).body.error.code).toBe('ALREADY_RATED');
    const actors = h.db.prepare("SELECT actor FROM events WHERE type = 'ticket:rated'").all() as { actor: string }[];
    expect(actors).toEqual([{ actor: `citizen:${id}` }]);

    // Not finished yet: the engine's rule stands.
    const { id: waiting } = await take(h, 'w-1');
    const early = await h.api('POST', `/api/tickets/${waiting}/rating`, {
      secret: h.hub.context.ticketSecrets.of(waiting),
      level: 5,
    });
    expect(early.body.error.code).toBe('NOT_RATEABLE');
    // The window's rater screen still rates.
    const other = await finishedAtW1(h, a1);
    expect((await h.api('POST', '/api/ratings', { ticketId: other, level: 4 }, 'rater-1-secret')).status).toBe(201);
  });

  it('anonymous rating attempts are limited per address', async () => {
    h = await startHub(testHallConfig());
    const a1 = await h.login('a1');
    const id = await finishedAtW1(h, a1);
    const attempt = (from: string) =>
      apiFrom(from, h!.url, 'POST', `/api/tickets/${id}/rating`, { secret: 'y'.repeat(16), level: 5 });
    for (let i = 0; i < 20; i++) expect((await attempt('127.0.0.4')).status).toBe(403);
    expect((await attempt('127.0.0.4')).body.error.code).toBe('RATE_LIMITED');
    expect((await attempt('127.0.0.5')).status).toBe(403);
    const ok = await apiFrom('127.0.0.5', h.url, 'POST', `/api/tickets/${id}/rating`, {
      secret: h.hub.context.ticketSecrets.of(id),
      level: 5,
    });
    expect(ok.status).toBe(201);
  });

  it('the kiosk gets the ticket’s link with its secret; ticket views and public screens never see it', async () => {
    h = await startHub(testHallConfig());
    const display = await h.connect({ key: 'display-1-secret' });
    const frames: string[] = [];
    display.socket.on('hub:events', (es) => frames.push(JSON.stringify(es)));
    const rest = await take(h, 'link-1');
    const secret = h.hub.context.ticketSecrets.of(rest.id);
    expect(rest.link).toBe(`/t/${rest.id}?s=${secret}`);
    const again = await take(h, 'link-1');
    expect(again.link).toBe(rest.link);

    const kiosk = await h.connect({ key: KIOSK });
    const sock = await kiosk.send('ticket:take', { requestId: 'link-2', serviceId: 'cert' });
    expect(sock.ok && sock.data.link).toBe(
      `/t/${sock.ok ? sock.data.id : ''}?s=${h.hub.context.ticketSecrets.of(sock.ok ? sock.data.id : '')}`,
    );

    const view = (await h.api('GET', `/api/tickets/${rest.id}`)).body;
    expect(view.link).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain(secret);
    await waitFor(() => frames.length >= 2, 3000, 'the display saw both tickets');
    expect(frames.join()).not.toContain(secret);
    expect(JSON.stringify(await display.socket.emitWithAck('hall:snapshot'))).not.toContain(secret);
  });
});
