import { afterEach, describe, expect, it } from 'vitest';
import { ticketViewSchema, type HallConfigInput } from '@yichuang/protocol';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { SmsGateway } from '../support/sms-gateway.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** 导办 (issue 17) against a real hub: the guide's token, REST and socket, the log, the contacts, SMS. */

const KIOSK = 'kiosk-1-secret';
const SECRET = 'gateway-secret-0123456789';
const PHONE = '13912345678';

let h: Harness | null = null;
let gateway: SmsGateway | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await gateway?.stop();
  gateway = null;
});

async function hub(config: HallConfigInput = testHallConfig()): Promise<Harness> {
  h = await startHub(config, undefined, { notify: { retryBaseMs: 0, pollMs: 20 } });
  return h;
}

async function take(x: Harness, requestId: string): Promise<{ id: string; number: string }> {
  const res = await x.api('POST', '/api/tickets', { requestId, serviceId: 'cert' }, KIOSK);
  expect(res.status).toBe(201);
  return res.body as { id: string; number: string };
}

describe('导办 (the guide role) against a real hub', () => {
  it('a guide logs in, issues a ticket by name and phone: numbered like the kiosk’s, masked in the log, clear only in guide_contacts', async () => {
    const x = await hub();
    await take(x, 'k1');
    const login = await x.api('POST', '/api/auth/login', { officerId: 'g1', pin: '8642' });
    expect(login.status).toBe(200);
    expect(login.body.officer).toMatchObject({ id: 'g1', role: 'guide', windows: [] });
    const g1 = login.body.token as string;

    const res = await x.api(
      'POST',
      '/api/guide/tickets',
      { requestId: 'gi-1', serviceId: 'cert', citizenName: '欧阳娜娜', phone: PHONE, green: 'elderly' },
      g1,
    );
    expect(res.status).toBe(201);
    const ticket = ticketViewSchema.parse(res.body.ticket);
    expect(ticket).toMatchObject({
      number: 'A002',
      queueId: 'quick',
      greenReason: 'elderly',
      issuedBy: 'g1',
      personName: '欧***',
      ahead: 0,
    });
    // The same requestId again: the first answer, nothing appended.
    const events = (x.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const again = await x.api(
      'POST',
      '/api/guide/tickets',
      { requestId: 'gi-1', serviceId: 'cert', citizenName: '欧阳娜娜', phone: PHONE, green: 'elderly' },
      g1,
    );
    expect(again.body.ticket.id).toBe(ticket.id);
    expect((x.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(events);

    const log = (x.db.prepare('SELECT actor, type, payload FROM events').all() as { payload: string; actor: string }[])
      .map((e) => `${e.actor} ${e.payload}`)
      .join('\n');
    expect(log).toContain('officer:g1');
    expect(log).toContain('欧***');
    expect(log).toContain('139****5678');
    expect(log).not.toContain('欧阳娜娜');
    expect(log).not.toContain(PHONE);
    const tables = JSON.stringify(x.db.prepare('SELECT * FROM tickets').all());
    expect(tables).not.toContain('欧阳娜娜');
    expect(tables).not.toContain(PHONE);
    expect(x.db.prepare('SELECT ticket_id, name, phone, officer_id FROM guide_contacts').all()).toEqual([
      { ticket_id: ticket.id, name: '欧阳娜娜', phone: PHONE, officer_id: 'g1' },
    ]);

    // The same phone cannot take a second live ticket in that queue.
    const dup = await x.api('POST', '/api/guide/tickets', { requestId: 'gi-2', serviceId: 'cert', phone: PHONE }, g1);
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_TICKET');

    // A public screen never sees the person.
    const pub = await x.api('GET', `/api/tickets/${ticket.id}`);
    expect(pub.body.personName).toBeNull();
    const staff = await x.api('GET', `/api/tickets/${ticket.id}`, undefined, g1);
    expect(staff.body.personName).toBe('欧***');
  });

  it('a guide cannot sign in at a window, call, or take at the kiosk; officers cannot issue, hold or grant green', async () => {
    const x = await hub();
    const t = await take(x, 'k1');
    const g1 = await x.login('g1');
    const signIn = await x.api('POST', '/api/windows/w1/sign-in', {}, g1);
    expect(signIn.status).toBe(403);
    expect(signIn.body.error.message).toContain('导办人员不能登录或操作窗口');
    const call = await x.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, g1);
    expect(call.status).toBe(403);
    const kiosk = await x.api('POST', '/api/tickets', { requestId: 'k2', serviceId: 'cert' }, g1);
    expect(kiosk.status).toBe(403);

    const a1 = await x.login('a1');
    for (const [path, body] of [
      ['/api/guide/tickets', { requestId: 'o1', serviceId: 'cert' }],
      [`/api/tickets/${t.id}/hold`, {}],
      [`/api/tickets/${t.id}/green`, { reason: 'sick' }],
    ] as const) {
      const res = await x.api('POST', path, body, a1);
      expect(res.status, path).toBe(403);
    }
    // Over the socket too: the guide's connection gets the staff snapshot but no window command.
    const conn = await x.connect({ token: g1 });
    const refused = await conn.send('window:sign-in', { requestId: 's1', windowId: 'w1' });
    expect(refused.ok ? '' : refused.error.code).toBe('FORBIDDEN');
    const held = await conn.send('ticket:hold', { requestId: 's2', ticketId: t.id, note: '去复印' });
    expect(held.ok && held.data.ticket.held).toBe(true);
  });

  it('hold keeps the place, call-next skips it, a named call is refused; release and green change the order', async () => {
    const x = await hub();
    const [t1, t2, t3] = [await take(x, 'k1'), await take(x, 'k2'), await take(x, 'k3')];
    const g1 = await x.login('g1');
    const a2 = await x.login('a2');
    await x.api('POST', '/api/windows/w2/sign-in', {}, a2);

    // The officer's screen sees the hold as it happens.
    const officer = await x.connect({ token: a2 });
    const hold = await x.api('POST', `/api/tickets/${t1.id}/hold`, { note: '回车里取材料' }, g1);
    expect(hold.status).toBe(200);
    expect(hold.body.ticket).toMatchObject({ held: true, status: 'waiting', ahead: 0 });
    await waitFor(() => officer.mirror.hall?.tickets.get(t1.id)?.heldAt != null, 3000, 'the hold at the counter');
    const twice = await x.api('POST', `/api/tickets/${t1.id}/hold`, {}, g1);
    expect(twice.body.error.code).toBe('INVALID_STATE');

    const named = await x.api('POST', '/api/windows/w2/call-ticket', { ticketId: t1.id }, a2);
    expect(named.status).toBe(409);
    expect(named.body.error.code).toBe('TICKET_HELD');
    const next = await x.api('POST', '/api/windows/w2/call-next', { requestId: 'n1' }, a2);
    expect(next.body.ticket.number).toBe(t2.number);
    await x.api('POST', '/api/windows/w2/finish', {}, a2);

    // 绿色通道 for the last ticket: it goes before the released first one.
    const green = await x.api('POST', `/api/tickets/${t3.id}/green`, { reason: 'pregnant' }, g1);
    expect(green.body.ticket).toMatchObject({ green: true, greenReason: 'pregnant', ahead: 0 });
    const release = await x.api('POST', `/api/tickets/${t1.id}/release`, {}, g1);
    expect(release.body.ticket.held).toBe(false);
    const n2 = await x.api('POST', '/api/windows/w2/call-next', { requestId: 'n2' }, a2);
    expect(n2.body.ticket.number).toBe(t3.number);
    await x.api('POST', '/api/windows/w2/finish', {}, a2);
    const n3 = await x.api('POST', '/api/windows/w2/call-next', { requestId: 'n3' }, a2);
    expect(n3.body.ticket.number).toBe(t1.number);

    const types = (
      x.db.prepare("SELECT type, actor FROM events WHERE type LIKE 'ticket:%'").all() as {
        type: string;
        actor: string;
      }[]
    ).filter((e) => ['ticket:held', 'ticket:released', 'ticket:green-granted'].includes(e.type));
    expect(types).toEqual([
      { type: 'ticket:held', actor: 'officer:g1' },
      { type: 'ticket:green-granted', actor: 'officer:g1' },
      { type: 'ticket:released', actor: 'officer:g1' },
    ]);
    // The hold's note is staff-only: a display gets the event without it.
    const display = await x.connect({ key: 'display-1-secret' });
    expect(display.mirror.hall?.tickets.get(t1.id)?.person ?? null).toBeNull();
  });

  it('a no-show that may still go back in line reaches a guide connecting after a busy spell (beyond the 50 recent)', async () => {
    const x = await hub();
    const a2 = await x.login('a2');
    await x.api('POST', '/api/windows/w2/sign-in', {}, a2);
    const gone = await take(x, 'k0');
    await x.api('POST', '/api/windows/w2/call-next', { requestId: 'c0' }, a2);
    await x.api('POST', '/api/windows/w2/no-show', {}, a2);
    for (let i = 1; i <= 55; i++) {
      await take(x, `k${i}`);
      await x.api('POST', '/api/windows/w2/call-next', { requestId: `c${i}` }, a2);
      await x.api('POST', '/api/windows/w2/finish', {}, a2);
    }
    const conn = await x.connect({ token: await x.login('g1') });
    expect(conn.mirror.hall?.tickets.get(gone.id)?.status).toBe('no-show');
    const res = await conn.send('ticket:reactivate', { requestId: 'r1', ticketId: gone.id });
    expect(res.ok && res.data.ticket.status).toBe('waiting');
  });

  it('a phone given to the guide gets the ticket’s SMS notices, as a checked-in appointment’s does', async () => {
    gateway = new SmsGateway(SECRET);
    const url = await gateway.start();
    const x = await hub({
      ...testHallConfig(),
      notify: { enabled: true, provider: 'webhook', webhook: { url, secret: SECRET, timeoutMs: 2000 }, aheadCount: 3 },
    });
    const g1 = await x.login('g1');
    const res = await x.api('POST', '/api/guide/tickets', { requestId: 'gi', serviceId: 'cert', phone: PHONE }, g1);
    expect(res.status).toBe(201);
    const a3 = await x.login('a3');
    await x.api('POST', '/api/windows/w3/sign-in', {}, a3);
    const called = await x.api('POST', '/api/windows/w3/call-next', { requestId: 'c1' }, a3);
    expect(called.body.ticket.id).toBe(res.body.ticket.id);
    const gw = gateway;
    await waitFor(() => gw.hits.some((hit) => hit.body.template === 'called'), 5000, 'the called SMS');
    const hit = gw.hits.find((x2) => x2.body.template === 'called')!;
    expect(hit.body.to).toBe(PHONE);
    expect(hit.body.text).toBe('请A001号到3号窗口办理。');
  });
});
