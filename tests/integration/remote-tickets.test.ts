import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * 线上取号 over REST against a real hub (test hall: queue A takes remote tickets, 5 a day, skipped 5 minutes
 * after the call). The SMS goes to a capturing sender: the code the citizen would read on their phone.
 */
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const KIOSK = 'kiosk-1-secret';

async function hub(): Promise<{ x: Harness; sms: { phone: string; code: string }[] }> {
  const sms: { phone: string; code: string }[] = [];
  const logs: string[] = [];
  const x = await startHub(undefined, undefined, {
    sendCode: (phone, code) => {
      sms.push({ phone, code });
      return Promise.resolve();
    },
    log: (line) => logs.push(line),
  });
  h = x;
  return { x, sms };
}

async function remoteTicket(x: Harness, sms: { phone: string; code: string }[], phone: string) {
  const sent = await x.api('POST', '/api/remote/code', { phone });
  expect(sent.status).toBe(200);
  expect(sent.body).toEqual({ sent: true, phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, validMinutes: 5 });
  const code = sms.filter((m) => m.phone === phone).at(-1)!.code;
  return x.api('POST', '/api/remote/tickets', { requestId: `rt-${phone}`, phone, code, serviceId: 'cert' });
}

describe('线上取号 over REST', () => {
  it('proves the phone with a one-time code and gives a remote ticket with its secret link', async () => {
    const { x, sms } = await hub();
    const phone = '13812345678';
    await x.api('POST', '/api/remote/code', { phone });
    expect(sms).toHaveLength(1);
    expect(sms[0]!.code).toMatch(/^\d{6}$/);
    const again = await x.api('POST', '/api/remote/code', { phone });
    expect(again.status).toBe(429); // one code a minute per phone
    const wrong = String((Number(sms[0]!.code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await x.api('POST', '/api/remote/tickets', { requestId: 'r1', phone, code: wrong, serviceId: 'cert' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('BAD_CODE');
    const ok = await x.api('POST', '/api/remote/tickets', {
      requestId: 'r1',
      phone,
      code: sms[0]!.code,
      serviceId: 'cert',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ number: 'A001', status: 'waiting', remote: { arrived: false } });
    expect(ok.body.link).toMatch(/^\/t\/[^?]+\?s=[A-Za-z0-9_-]{16}$/);
    // A retry of the same request answers the same ticket; a second ticket for the phone is refused.
    const retry = await x.api('POST', '/api/remote/tickets', {
      requestId: 'r1',
      phone,
      code: sms[0]!.code,
      serviceId: 'cert',
    });
    expect(retry.body.id).toBe(ok.body.id);
    const second = await x.api('POST', '/api/remote/tickets', {
      requestId: 'r2',
      phone,
      code: sms[0]!.code,
      serviceId: 'cert',
    });
    expect(second.body.error.code).toBe('DUPLICATE_TICKET');
    const other = await x.api('POST', '/api/remote/tickets', {
      requestId: 'r3',
      phone,
      code: sms[0]!.code,
      serviceId: 'idcard',
    });
    expect(other.body.error.code).toBe('REMOTE_CLOSED');
    const log = JSON.stringify(x.db.prepare('SELECT payload FROM events').all());
    expect(log).not.toContain(phone);
    // The public ticket page's view says 线上取号 but nothing of the phone.
    const page = await x.api('GET', `/api/tickets/${ok.body.id as string}`);
    expect(JSON.stringify(page.body)).not.toContain('phoneHash');
  });

  it('calls a remote ticket in its turn, skips it 5 minutes after the call unless confirmed in the hall', async () => {
    const { x, sms } = await hub();
    const absent = (await remoteTicket(x, sms, '13800000001')).body as { id: string };
    const present = (await remoteTicket(x, sms, '13800000002')).body as { id: string };
    const a2 = await x.login('a2');
    await x.api('POST', '/api/windows/w2/sign-in', {}, a2);
    const first = await x.api('POST', '/api/windows/w2/call-next', { requestId: 'c1' }, a2);
    expect(first.body.ticket.id).toBe(absent.id);
    x.clock.now += 5 * 60_000;
    // The kiosk confirms the second by its phone; the hub skips the first when time passes.
    const arrived = await x.api('POST', '/api/remote/arrive', { phone: '13800000002' }, KIOSK);
    expect(arrived.status).toBe(200);
    expect(arrived.body.ticket).toMatchObject({ id: present.id, remote: { arrived: true } });
    expect((await x.api('GET', `/api/tickets/${absent.id}`)).body.status).toBe('no-show');
    const next = await x.api('POST', '/api/windows/w2/call-next', { requestId: 'c2' }, a2);
    expect(next.body.ticket.id).toBe(present.id);
    x.clock.now += 20 * 60_000;
    expect((await x.api('GET', `/api/tickets/${present.id}`)).body.status).toBe('called');
    const counter = await x.api('POST', `/api/tickets/${present.id}/arrive`, {}, a2);
    expect(counter.status).toBe(200);
    const noticed = x.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket:arrived'").get() as {
      n: number;
    };
    expect(noticed.n).toBe(1); // confirming twice is once
    const nobody = await x.api('POST', '/api/remote/arrive', { phone: '13900000000' }, KIOSK);
    expect(nobody.status).toBe(404);
  });

  it('bounds code requests per address and refuses when the hall has no remote tickets', async () => {
    const { x } = await hub();
    const answers: number[] = [];
    for (let i = 0; i < 6; i++)
      answers.push((await x.api('POST', '/api/remote/code', { phone: `1370000000${i}` })).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await x.api('POST', '/api/remote/code', { phone: '12345' })).status).toBe(400);
  });
});
