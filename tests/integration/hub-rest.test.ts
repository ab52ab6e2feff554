import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbFingerprint, startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

const KIOSK = 'kiosk-1-secret';
let h: Harness;
beforeEach(async () => {
  h = await startHub();
});
afterEach(async () => {
  await h.close();
});

describe('REST v1 contract', () => {
  it('health answers anyone with versions', async () => {
    const res = await h.api('GET', '/api/health');
    expect(res).toEqual({ status: 200, body: { ok: true, version: '0.1.0', protocol: '1.0' } });
  });

  it('a kiosk takes a ticket: 201 with the contract fields, numbered per queue', async () => {
    const a = await h.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, KIOSK);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      number: 'A001',
      queueId: 'quick',
      serviceId: 'cert',
      green: false,
      ahead: 0,
      estimatedWaitS: 0,
      status: 'waiting',
      printed: false,
    });
    expect(typeof a.body.id).toBe('string');
    expect(a.body.issuedAt).toBe(h.clock.now);
    const b = await h.api('POST', '/api/tickets', { requestId: 'k2', serviceId: 'cert', green: 'elderly' }, KIOSK);
    expect(b.body).toMatchObject({ number: 'A002', green: true, greenReason: 'elderly' });
    const c = await h.api('POST', '/api/tickets', { requestId: 'k3', serviceId: 'idcard' }, KIOSK);
    expect(c.body.number).toBe('B001');
  });

  it('a retried requestId returns the first answer and appends nothing', async () => {
    const first = await h.api('POST', '/api/tickets', { requestId: 'same', serviceId: 'cert' }, KIOSK);
    const before = dbFingerprint(h.db);
    const again = await h.api('POST', '/api/tickets', { requestId: 'same', serviceId: 'cert' }, KIOSK);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(dbFingerprint(h.db)).toEqual(before);
    const other = await h.api('POST', '/api/tickets', { requestId: 'same', serviceId: 'cert' }, 'kiosk-2-secret');
    expect(other).toMatchObject({ status: 409, body: { error: { code: 'REQUEST_ID_REUSED' } } });
  });

  it('an officer signs in, calls, starts and finishes; the hall view follows', async () => {
    const t = (await h.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, KIOSK)).body;
    const token = await h.login('a2');
    const signIn = await h.api('POST', '/api/windows/w2/sign-in', {}, token);
    expect(signIn.body.window).toMatchObject({ id: 'w2', state: 'idle', holder: { officerId: 'a2', role: 'A' } });

    const call = await h.api('POST', '/api/windows/w2/call-next', { requestId: 'c1' }, token);
    expect(call.status).toBe(200);
    expect(call.body.ticket).toMatchObject({ id: t.id, number: 'A001', status: 'called', windowId: 'w2' });
    const retry = await h.api('POST', '/api/windows/w2/call-next', { requestId: 'c1' }, token);
    expect(retry.body).toEqual(call.body);

    const hall = (await h.api('GET', '/api/hall', undefined, token)).body;
    expect(hall.windows.find((w: { id: string }) => w.id === 'w2')).toMatchObject({ state: 'calling' });
    expect(hall.queues.find((q: { id: string }) => q.id === 'quick')).toMatchObject({ waiting: 0 });

    h.clock.now += 60_000;
    expect((await h.api('POST', '/api/windows/w2/start', undefined, token)).body.window.state).toBe('serving');
    h.clock.now += 120_000;
    const fin = await h.api('POST', '/api/windows/w2/finish', {}, token);
    expect(fin.body.window.state).toBe('idle');
    const ticket = (await h.api('GET', `/api/tickets/${t.id}`)).body;
    expect(ticket).toMatchObject({ status: 'done', firstOfficerId: 'a2' });

    const none = await h.api('POST', '/api/windows/w2/call-next', { requestId: 'c2' }, token);
    expect(none.body.ticket).toBeNull();
  });

  it('transfer keeps the ticket’s place and first officer; pause and resume', async () => {
    const t = (await h.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, KIOSK)).body;
    const token = await h.login('a2');
    await h.api('POST', '/api/windows/w2/sign-in', {}, token);
    await h.api('POST', '/api/windows/w2/call-next', { requestId: 'c1' }, token);
    const tr = await h.api(
      'POST',
      `/api/tickets/${t.id}/transfer`,
      { toQueueId: 'long', note: '需补材料后办理' },
      token,
    );
    expect(tr.status).toBe(200);
    expect(tr.body.ticket).toMatchObject({
      status: 'waiting',
      queueId: 'long',
      firstOfficerId: 'a2',
      issuedAt: t.issuedAt,
    });
    expect(tr.body.ticket.transfers).toHaveLength(1);

    const pause = await h.api('POST', '/api/windows/w2/pause', { reason: 'meal' }, token);
    expect(pause.body.window).toMatchObject({ state: 'paused', pause: { reason: 'meal' } });
    const resume = await h.api('POST', '/api/windows/w2/resume', {}, token);
    expect(resume.body.window.state).toBe('idle');
  });

  it('login is throttled after repeated wrong PINs, even with the right PIN', async () => {
    for (let i = 0; i < 5; i++) {
      const bad = await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '0000' });
      expect(bad).toMatchObject({ status: 401, body: { error: { code: 'BAD_CREDENTIALS' } } });
    }
    const locked = await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '1234' });
    expect(locked).toMatchObject({ status: 429, body: { error: { code: 'LOGIN_THROTTLED' } } });
  });

  it('tokens expire', async () => {
    const token = await h.login('a1');
    expect((await h.api('GET', '/api/hall', undefined, token)).status).toBe(200);
    h.clock.now += 13 * 3600_000;
    const res = await h.api('GET', '/api/hall', undefined, token);
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'TOKEN_EXPIRED' } } });
  });

  it('serves an OpenAPI document listing every route', async () => {
    const doc = (await h.api('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/health',
      '/api/auth/login',
      '/api/hall',
      '/api/tickets',
      '/api/tickets/{id}',
      '/api/windows/{id}/call-next',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/api/tickets'].post['x-roles']).toEqual(['kiosk']);
  });
});

describe('kiosk anti-abuse', () => {
  it('limits tickets per kiosk per minute, and the limit clears after a minute', async () => {
    await h.close();
    h = await startHub(testHallConfig({ ticketsPerMinute: 3 }));
    for (let i = 0; i < 3; i++)
      expect((await h.api('POST', '/api/tickets', { requestId: `r${i}`, serviceId: 'cert' }, KIOSK)).status).toBe(201);
    const before = dbFingerprint(h.db);
    const limited = await h.api('POST', '/api/tickets', { requestId: 'r3', serviceId: 'cert' }, KIOSK);
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect(dbFingerprint(h.db)).toEqual(before);
    // A retry of an answered request is not a new ticket and is not limited.
    expect((await h.api('POST', '/api/tickets', { requestId: 'r0', serviceId: 'cert' }, KIOSK)).status).toBe(201);
    // Another kiosk has its own allowance.
    expect((await h.api('POST', '/api/tickets', { requestId: 'o1', serviceId: 'cert' }, 'kiosk-2-secret')).status).toBe(
      201,
    );
    h.clock.now += 61_000;
    expect((await h.api('POST', '/api/tickets', { requestId: 'r4', serviceId: 'cert' }, KIOSK)).status).toBe(201);
  });

  it('one active ticket per ID card and queue, the number kept only as a salted hash', async () => {
    await h.close();
    h = await startHub(testHallConfig({ oneTicketPerIdCard: true }));
    const id = '11010519491231002X';
    const noId = await h.api('POST', '/api/tickets', { requestId: 'n0', serviceId: 'cert' }, KIOSK);
    expect(noId).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', field: 'idCard' } } });
    const bad = await h.api(
      'POST',
      '/api/tickets',
      { requestId: 'b0', serviceId: 'cert', idCard: '110105194912310021' },
      KIOSK,
    );
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', field: 'idCard' } } });
    const first = await h.api('POST', '/api/tickets', { requestId: 'i1', serviceId: 'cert', idCard: id }, KIOSK);
    expect(first.status).toBe(201);
    const before = dbFingerprint(h.db);
    const dup = await h.api(
      'POST',
      '/api/tickets',
      { requestId: 'i2', serviceId: 'cert', idCard: id.toLowerCase() },
      KIOSK,
    );
    expect(dup).toMatchObject({ status: 409, body: { error: { code: 'DUPLICATE_TICKET' } } });
    expect(dbFingerprint(h.db)).toEqual(before);
    // Another queue is fine; after the first is served, the same queue is fine again.
    expect(
      (await h.api('POST', '/api/tickets', { requestId: 'i3', serviceId: 'idcard', idCard: id }, KIOSK)).status,
    ).toBe(201);
    const token = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, token);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, token);
    await h.api('POST', '/api/windows/w1/finish', {}, token);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c2' }, token);
    await h.api('POST', '/api/windows/w1/finish', {}, token);
    expect(
      (await h.api('POST', '/api/tickets', { requestId: 'i4', serviceId: 'cert', idCard: id }, KIOSK)).status,
    ).toBe(201);

    const everything = JSON.stringify([
      h.db.prepare('SELECT * FROM events').all(),
      h.db.prepare('SELECT * FROM tickets').all(),
      h.db.prepare('SELECT * FROM requests').all(),
    ]);
    expect(everything).not.toContain('1101051949');
    expect(everything).not.toContain('1231002');
  });
});

describe('outside opening hours', () => {
  it('refuses a ticket with the hours in the message and issues nothing', async () => {
    await h.close();
    const sundayNoon = Date.UTC(2026, 10, 22, 4, 0);
    h = await startHub(testHallConfig({ hours: 'weekdays' }), sundayNoon);
    const before = dbFingerprint(h.db);
    const closed = await h.api('POST', '/api/tickets', { requestId: 'x1', serviceId: 'cert' }, KIOSK);
    expect(closed).toMatchObject({ status: 409, body: { error: { code: 'HALL_CLOSED' } } });
    expect(closed.body.error.message).toContain('今日不对外办公');
    expect(dbFingerprint(h.db)).toEqual(before);
    h.clock.now = Date.UTC(2026, 10, 23, 0, 30); // Monday 08:30, before opening
    const early = await h.api('POST', '/api/tickets', { requestId: 'x2', serviceId: 'cert' }, KIOSK);
    expect(early.body.error.message).toContain('09:00–17:00');
    const catalogue = (await h.api('GET', '/api/catalogue')).body;
    expect(catalogue.hall).toMatchObject({ phase: 'before-open', today: { open: '09:00', close: '17:00' } });
  });
});
