import { afterEach, describe, expect, it } from 'vitest';
import type { HallSnapshot } from '@yichuang/protocol';
import { dbFingerprint, startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

const KIOSK = 'kiosk-1-secret';
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function configOf(x: Harness, mgr: string): Promise<{ version: number; config: any }> {
  const res = await x.api('GET', '/api/config', undefined, mgr);
  expect(res.status).toBe(200);
  return res.body as { version: number; config: any };
}

function configEvents(x: Harness): { actor: string; payload: any }[] {
  return (
    x.db.prepare("SELECT actor, payload FROM events WHERE type = 'config:changed' ORDER BY seq").all() as {
      actor: string;
      payload: string;
    }[]
  ).map((r) => ({ actor: r.actor, payload: JSON.parse(r.payload) }));
}

describe('editing the hall config from the manager console', () => {
  it('a new matter is validated, stored as a version, logged, and offered at once without a restart', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const doc = await configOf(h, mgr);
    expect(doc.version).toBe(1);
    // Secrets stay in the hub: the console edits officers without PIN hashes and devices without keys.
    expect(doc.config.officers.every((o: object) => !('pinHash' in o) && !('pin' in o))).toBe(true);
    expect(doc.config.devices.every((d: object) => !('key' in d))).toBe(true);

    const display = await h.connect({ key: 'display-1-secret' });
    const snapshots: HallSnapshot[] = [];
    display.socket.on('hub:snapshot', (s) => snapshots.push(s));

    const next = structuredClone(doc.config);
    next.services.push({ id: 'residence', name: '居住证办理', queue: 'quick', materials: ['居民身份证', '租房合同'] });
    const res = await h.api('POST', '/api/config', { baseVersion: 1, config: next }, mgr);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: 2, sections: ['services'], changes: ['新增事项 居住证办理 (residence)'] });

    const catalogue = (await h.api('GET', '/api/catalogue')).body;
    expect(catalogue.services.map((s: { id: string }) => s.id)).toContain('residence');
    const ticket = await h.api('POST', '/api/tickets', { requestId: 'r1', serviceId: 'residence' }, KIOSK);
    expect(ticket.status).toBe(201);
    expect(ticket.body.number).toBe('A001');

    await waitFor(() => snapshots.some((s) => s.config.services.some((x) => x.id === 'residence')), 3000, 'resync');
    expect(configEvents(h)).toEqual([
      {
        actor: 'officer:m1',
        payload: {
          version: 2,
          source: 'console',
          sections: ['services'],
          changes: ['新增事项 居住证办理 (residence)'],
        },
      },
    ]);
    expect((await configOf(h, mgr)).version).toBe(2);
  });

  it('an invalid edit is refused with the field and reason, and the running hall is untouched', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const doc = await configOf(h, mgr);
    const before = dbFingerprint(h.db);
    const catalogueBefore = (await h.api('GET', '/api/catalogue')).body;

    const bad = structuredClone(doc.config);
    bad.services.push({ id: 'x', name: '新事项', queue: 'nowhere' });
    const res = await h.api('POST', '/api/config', { baseVersion: 1, config: bad }, mgr);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'services.2.queue' });
    expect(res.body.error.message).toContain('unknown queue "nowhere"');
    expect(res.body.error.issues).toEqual([{ path: 'services.2.queue', message: 'unknown queue "nowhere"' }]);

    const twoProblems = structuredClone(doc.config);
    twoProblems.windows[0].number = 2;
    twoProblems.queues[0].prefix = 'a1';
    const res2 = await h.api('POST', '/api/config', { baseVersion: 1, config: twoProblems }, mgr);
    expect(res2.status).toBe(400);
    expect(res2.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'queues.0.prefix',
      'windows.1.number',
    ]);

    const notAnObject = await h.api('POST', '/api/config', { baseVersion: 1, config: 'hall' }, mgr);
    expect(notAnObject.status).toBe(400);

    expect(dbFingerprint(h.db)).toEqual(before);
    expect((await h.api('GET', '/api/catalogue')).body).toEqual(catalogueBefore);
    expect((await configOf(h, mgr)).version).toBe(1);
  });

  it('refuses an edit made on a stale version, and one that would strand live tickets or a signed-in officer', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const a1 = await h.login('a1');
    const doc = await configOf(h, mgr);
    await h.api('POST', '/api/tickets', { requestId: 'r1', serviceId: 'cert' }, KIOSK);
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    const before = dbFingerprint(h.db);

    const stale = await h.api('POST', '/api/config', { baseVersion: 7, config: doc.config }, mgr);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFIG_CONFLICT');

    const noQuick = structuredClone(doc.config);
    noQuick.queues = noQuick.queues.filter((q: { id: string }) => q.id !== 'quick');
    noQuick.services = noQuick.services.filter((s: { queue: string }) => s.queue !== 'quick');
    noQuick.windows = noQuick.windows.map((w: { queues: unknown }) => ({ ...w, queues: 'all' }));
    noQuick.booking.queues = [];
    noQuick.remote.queues = [];
    const unsafe = await h.api('POST', '/api/config', { baseVersion: 1, config: noQuick }, mgr);
    expect(unsafe.status).toBe(409);
    expect(unsafe.body.error).toMatchObject({ code: 'CONFIG_UNSAFE', field: 'queues' });
    expect(unsafe.body.error.message).toContain('1 张未办结的号票');

    const closeHeld = await h.api('POST', '/api/windows/w1/open', { open: false }, mgr);
    expect(closeHeld.status).toBe(409);
    expect(closeHeld.body.error.code).toBe('CONFIG_UNSAFE');
    expect(dbFingerprint(h.db)).toEqual(before);
  });

  it('live actions: a window serves other queues at once; a closed window takes no sign-in; the notice line reaches the displays', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const a2 = await h.login('a2');
    // w2 serves only the quick queue; a long matter waits.
    await h.api('POST', '/api/tickets', { requestId: 'r1', serviceId: 'idcard' }, KIOSK);
    await h.api('POST', '/api/windows/w2/sign-in', {}, a2);
    expect((await h.api('POST', '/api/windows/w2/call-next', { requestId: 'c1' }, a2)).body.ticket).toBeNull();

    const moved = await h.api('POST', '/api/windows/w2/queues', { queues: ['quick', 'long'] }, mgr);
    expect(moved.status).toBe(200);
    expect(moved.body.changes).toEqual(['修改窗口 2号窗口 (w2)']);
    const called = await h.api('POST', '/api/windows/w2/call-next', { requestId: 'c2' }, a2);
    expect(called.body.ticket.number).toBe('B001');

    expect((await h.api('POST', '/api/windows/w3/open', { open: false }, mgr)).status).toBe(200);
    const hall = (await h.api('GET', '/api/hall', undefined, mgr)).body;
    expect(hall.windows.find((w: { id: string }) => w.id === 'w3').open).toBe(false);
    const a3 = await h.login('a3');
    expect((await h.api('POST', '/api/windows/w3/sign-in', {}, a3)).body.error.code).toBe('WINDOW_CLOSED');

    const display = await h.connect({ key: 'display-1-secret' });
    const lines = ['咨询电话 023-00000000', '今日出入境业务延时至 18:00'];
    expect((await h.api('POST', '/api/display/notices', { notices: lines }, mgr)).status).toBe(200);
    await waitFor(() => display.mirror.config?.display.notices.join() === lines.join(), 3000, 'notice line');

    expect((await h.api('POST', '/api/windows/w9/open', { open: true }, mgr)).body.error.code).toBe('UNKNOWN_WINDOW');
    expect((await h.api('POST', '/api/windows/w2/queues', { queues: ['nope'] }, mgr)).status).toBe(400);
  });

  it('a PIN reset ends that officer’s sessions and never reaches the log in clear', async () => {
    h = await startHub(testHallConfig());
    const mgr = await h.login('m1');
    const a1 = await h.login('a1');
    const reset = await h.api('POST', '/api/officers/a1/pin', { pin: '864209' }, mgr);
    expect(reset.status).toBe(200);
    expect(reset.body.changes).toEqual(['重置密码 甲1 (a1)']);
    expect((await h.api('POST', '/api/windows/w1/sign-in', {}, a1)).status).toBe(401);
    expect((await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '1234' })).status).toBe(401);
    expect((await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '864209' })).status).toBe(200);
    const log = JSON.stringify(h.db.prepare('SELECT payload FROM events').all());
    expect(log).not.toContain('864209');
    expect((await h.api('POST', '/api/officers/zz/pin', { pin: '2580' }, mgr)).body.error.code).toBe('UNKNOWN_OFFICER');
    expect((await h.api('POST', '/api/officers/a1/pin', { pin: '12' }, mgr)).status).toBe(400);
  });

  it('non-managers are refused on every manager route', async () => {
    h = await startHub(testHallConfig());
    const a1 = await h.login('a1');
    const routes: [string, string, unknown][] = [
      ['GET', '/api/config', undefined],
      ['POST', '/api/config', { baseVersion: 1, config: {} }],
      ['POST', '/api/windows/w1/queues', { queues: 'all' }],
      ['POST', '/api/windows/w1/open', { open: false }],
      ['POST', '/api/display/notices', { notices: [] }],
      ['POST', '/api/officers/a1/pin', { pin: '1234' }],
      ['GET', '/api/alerts', undefined],
      ['GET', '/api/devices', undefined],
      ['GET', '/api/events', undefined],
      ['GET', '/api/tickets', undefined],
    ];
    const before = dbFingerprint(h.db);
    for (const [method, path, body] of routes) {
      for (const bearer of [a1, KIOSK, 'display-1-secret', 'rater-1-secret'])
        expect((await h.api(method, path, body, bearer)).status, `${method} ${path}`).toBe(403);
      expect((await h.api(method, path, body)).status, `${method} ${path} anonymous`).toBe(401);
    }
    expect(dbFingerprint(h.db)).toEqual(before);
  });

  it('console edits survive a restart while the config file is unchanged; an edited file wins', async () => {
    const config = testHallConfig();
    h = await startHub(config, undefined, { configFileHash: 'file-1' });
    const mgr = await h.login('m1');
    const doc = await configOf(h, mgr);
    doc.config.hall.name = '测试大厅（新）';
    expect((await h.api('POST', '/api/config', { baseVersion: 1, config: doc.config }, mgr)).status).toBe(200);
    const { db } = h;
    await h.hub.close();

    const { createHub } = await import('../../apps/hub/src/create-hub.ts');
    const { parseHallConfig } = await import('../../apps/hub/src/config-loader.ts');
    const again = createHub({ config: parseHallConfig(config), db, configFileHash: 'file-1', log: () => undefined });
    expect(again.bus.config.hall.name).toBe('测试大厅（新）');
    await again.close();

    const edited = createHub({ config: parseHallConfig(config), db, configFileHash: 'file-2', log: () => undefined });
    expect(edited.bus.config.hall.name).toBe('测试大厅');
    expect(configEvents(h).at(-1)).toMatchObject({ actor: 'system', payload: { version: 3, source: 'file' } });
    await edited.close();
  });
});
