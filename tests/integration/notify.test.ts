import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { notifyListSchema, ticketContactSchema, type HallConfigInput } from '@yichuang/protocol';
import { Notifier } from '../../apps/hub/src/notify/notifier.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { SmsGateway } from '../support/sms-gateway.ts';
import { testHallConfig } from '../support/test-hall.ts';

const KIOSK = 'kiosk-1-secret';
const SECRET = 'gateway-secret-0123456789';
const PHONE = '13812345678';

let h: Harness | null = null;
let gateway: SmsGateway | null = null;
let proc: HubProcess | null = null;
const dirs: string[] = [];
afterEach(async () => {
  proc?.child.kill('SIGKILL');
  if (proc !== null) await proc.exited;
  proc = null;
  await h?.close();
  h = null;
  await gateway?.stop();
  gateway = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function notifyingHall(url: string, extra: Record<string, unknown> = {}): HallConfigInput {
  return {
    ...testHallConfig(),
    notify: {
      enabled: true,
      provider: 'webhook',
      webhook: { url, secret: SECRET, timeoutMs: 2000 },
      aheadCount: 3,
      maxAttempts: 4,
      ...extra,
    },
  };
}

/** A hub sending to a real gateway; retries are due at once (the backoff is tested by its schedule). */
async function hubWithGateway(
  extra: Record<string, unknown> = {},
  retryBaseMs = 0,
): Promise<{ h: Harness; gw: SmsGateway; log: string[] }> {
  gateway = new SmsGateway(SECRET);
  const url = await gateway.start();
  const log: string[] = [];
  h = await startHub(notifyingHall(url, extra), undefined, {
    log: (line) => log.push(line),
    notify: { retryBaseMs, pollMs: 20 },
  });
  return { h, gw: gateway, log };
}

async function take(x: Harness, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await x.api('POST', '/api/tickets', { requestId: `take-${i}`, serviceId: 'cert' }, KIOSK);
    expect(res.status).toBe(201);
    ids.push(res.body.id as string);
  }
  return ids;
}

async function messages(x: Harness, token: string, query = ''): Promise<ReturnType<typeof notifyListSchema.parse>> {
  const res = await x.api('GET', `/api/notify/messages${query}`, undefined, token);
  expect(res.status).toBe(200);
  return notifyListSchema.parse(res.body);
}

describe('messages to citizens through the outbox', () => {
  it('a ticket with a phone, called at a window: the gateway gets the window’s name, signed, with its dedupe key', async () => {
    const { h, gw } = await hubWithGateway();
    const [t1] = await take(h, 1);
    const contact = await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE }, KIOSK);
    expect(contact.status).toBe(200);
    expect(ticketContactSchema.parse(contact.body)).toEqual({
      ticketId: t1,
      phone: '138****5678',
      channel: 'sms',
      notifying: true,
    });
    const a3 = await h.login('a3');
    await h.api('POST', '/api/windows/w3/sign-in', {}, a3);
    const called = await h.api('POST', '/api/windows/w3/call-next', { requestId: 'c1' }, a3);
    expect(called.body.ticket.id).toBe(t1);

    await waitFor(() => gw.hits.some((x) => x.status === 200), 5000, 'the gateway to get the message');
    const hit = gw.hits.find((x) => x.body.template === 'called')!;
    expect(hit.signed).toBe(true);
    expect(hit.body.to).toBe(PHONE);
    expect(hit.body.text).toBe('请A001号到3号窗口办理。');
    expect(hit.body.text.length).toBeLessThanOrEqual(70);
    expect(hit.body.dedupeKey).toMatch(new RegExp(`^${t1}:called:\\d+$`));

    const m1 = await h.login('m1');
    const list = await messages(h, m1);
    expect(list.counts).toMatchObject({ sent: 1, queued: 0 });
    expect(list.messages[0]).toMatchObject({ phone: '138****5678', status: 'sent', attempts: 1, template: 'called' });
    expect(JSON.stringify(list)).not.toContain(PHONE);
    expect(list.provider).toMatchObject({ enabled: true, provider: 'webhook', lastOutcome: 'ok' });
  });

  it('refuses a malformed phone and an unknown ticket', async () => {
    const { h } = await hubWithGateway();
    const [t1] = await take(h, 1);
    const bad = await h.api('POST', `/api/tickets/${t1}/contact`, { phone: '12812345678' }, KIOSK);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const unknown = await h.api('POST', '/api/tickets/nope/contact', { phone: PHONE }, KIOSK);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_TICKET');
    const anonymous = await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE });
    expect(anonymous.status).toBe(401);
  });

  it('"您前面还有N人" once the line moves to N ahead, once per ticket', async () => {
    const { h, gw } = await hubWithGateway();
    const ids = await take(h, 6);
    const last = ids[5]!;
    await h.api('POST', `/api/tickets/${last}/contact`, { phone: PHONE }, KIOSK);
    const a2 = await h.login('a2');
    await h.api('POST', '/api/windows/w2/sign-in', {}, a2);
    // 5 ahead → 4 → 3: the message; → 2: nothing more.
    for (const [i, expectAhead] of [5, 4, 3, 2].entries()) {
      await h.api('POST', '/api/windows/w2/call-next', { requestId: `n${i}` }, a2);
      await h.api('POST', '/api/windows/w2/finish', {}, a2);
      expect(h.hub.context.ticketView(last)?.ahead).toBe(expectAhead - 1);
    }
    await waitFor(() => gw.hits.length >= 1, 5000, 'the ahead message');
    await new Promise((r) => setTimeout(r, 200));
    const ahead = gw.hits.filter((x) => x.body.template === 'ahead');
    expect(ahead).toHaveLength(1);
    expect(ahead[0]!.body.text).toBe('A006号，您前面还有3人，请留意叫号。');
    expect(gw.hits.filter((x) => x.body.template === 'called')).toHaveLength(0);
  });

  it('gateway 500 then 200: retried, and delivered once', async () => {
    const { h, gw } = await hubWithGateway();
    gw.answer = (_b, nth) => (nth === 1 ? 500 : 200);
    const [t1] = await take(h, 1);
    await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE }, KIOSK);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await waitFor(() => gw.delivered().size === 1, 5000, 'the retry');
    await new Promise((r) => setTimeout(r, 200));
    expect(gw.hits.map((x) => x.status)).toEqual([500, 200]);
    expect(new Set(gw.hits.map((x) => x.body.dedupeKey)).size).toBe(1);
    const m1 = await h.login('m1');
    const list = await messages(h, m1);
    expect(list.messages[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gateway 400: given up (dead) at once; a manager’s retry sends it again', async () => {
    const { h, gw, log } = await hubWithGateway();
    gw.answer = () => 400;
    const [t1] = await take(h, 1);
    await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE }, KIOSK);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    const m1 = await h.login('m1');
    await waitFor(() => gw.hits.length === 1 && gw.hits[0]!.status === 400, 5000, 'the refusal');
    await expect.poll(async () => (await messages(h, m1, '?status=dead')).messages.length).toBe(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(gw.hits).toHaveLength(1);
    const dead = (await messages(h, m1, '?status=dead')).messages[0]!;
    expect(dead).toMatchObject({ attempts: 1, lastError: expect.stringContaining('HTTP 400') });

    gw.answer = () => 200;
    const again = await h.api('POST', `/api/notify/messages/${dead.id}/retry`, {}, m1);
    expect(again.status).toBe(200);
    expect(again.body.message.status).toBe('queued');
    await waitFor(() => gw.delivered().size === 1, 5000, 'the manual retry');
    await expect.poll(async () => (await messages(h, m1)).counts.sent).toBe(1);
    // A sent message is not sent again.
    expect((await h.api('POST', `/api/notify/messages/${dead.id}/retry`, {}, m1)).body.error.code).toBe(
      'INVALID_STATE',
    );
    expect((await h.api('POST', '/api/notify/messages/999999/retry', {}, m1)).body.error.code).toBe('UNKNOWN_MESSAGE');
    // The phone is in no log line, no event and no answer.
    expect(log.join('\n')).not.toContain(PHONE);
    expect(log.join('\n')).toContain('138****5678');
    const events = h.db.prepare('SELECT payload FROM events').all() as { payload: string }[];
    expect(events.map((e) => e.payload).join('\n')).not.toContain(PHONE);
  });

  it('gateway down: retries back off exponentially, then the message is dead after maxAttempts', async () => {
    const { h, gw } = await hubWithGateway({ maxAttempts: 3 }, 10_000);
    gw.answer = () => 503;
    const [t1] = await take(h, 1);
    await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE }, KIOSK);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    const m1 = await h.login('m1');
    const start = h.clock.now;
    const first = async (): Promise<{ status: string; attempts: number; nextAt: number }> =>
      (await messages(h, m1)).messages[0]!;
    await expect.poll(first).toMatchObject({ status: 'failed', attempts: 1, nextAt: start + 10_000 });
    h.clock.now = start + 9_000;
    await new Promise((r) => setTimeout(r, 150));
    expect(gw.hits).toHaveLength(1);
    h.clock.now = start + 10_000;
    await expect.poll(first).toMatchObject({ status: 'failed', attempts: 2, nextAt: start + 30_000 });
    h.clock.now = start + 30_000;
    await expect.poll(first).toMatchObject({ status: 'dead', attempts: 3 });
    expect(gw.hits).toHaveLength(3);
    expect((await messages(h, m1)).messages[0]!.lastError).toContain('HTTP 503');
  });

  it('the gateway secret never reaches the console, and a console edit without it keeps it', async () => {
    const { h, gw } = await hubWithGateway();
    const m1 = await h.login('m1');
    const doc = await h.api('GET', '/api/config', undefined, m1);
    expect(doc.status).toBe(200);
    expect(JSON.stringify(doc.body)).not.toContain(SECRET);
    expect(doc.body.config.notify.webhook.secret).toBeUndefined();
    const config = { ...doc.body.config, notify: { ...doc.body.config.notify, aheadCount: 2 } };
    const saved = await h.api('POST', '/api/config', { baseVersion: doc.body.version, config }, m1);
    expect(saved.status).toBe(200);
    expect(saved.body.sections).toEqual(['notify']);
    expect(h.hub.bus.config.notify.webhook?.secret).toBe(SECRET);
    const [t1] = await take(h, 1);
    await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE }, KIOSK);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await waitFor(() => gw.delivered().size === 1, 5000, 'a message signed with the kept secret');
    expect(gw.hits[0]!.signed).toBe(true);
  });

  it('a transfer and a one-time notice slip: the new place, and the missing materials', async () => {
    const { h, gw } = await hubWithGateway({ aheadCount: 0 });
    const [t1] = await take(h, 1);
    await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE }, KIOSK);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    const notice = await h.api(
      'POST',
      '/api/notices',
      { ticketId: t1, citizenName: '张三', serviceId: 'cert', missing: ['申请表', '居民身份证'] },
      a1,
    );
    expect(notice.status).toBe(201);
    const moved = await h.api('POST', `/api/tickets/${t1}/transfer`, { toWindowId: 'w3' }, a1);
    expect(moved.status).toBe(200);
    await waitFor(() => gw.delivered().size === 3, 5000, 'three messages');
    const texts = gw.hits.map((x) => x.body.text);
    // The matter's checklist order first, as on the slip.
    expect(texts).toContain('A001号尚缺材料：居民身份证、申请表。补齐后再来办理。');
    expect(texts).toContain('A001号已转至3号窗口，请留意叫号。');
    // The citizen's name is on the slip, never in a message.
    expect(texts.join('')).not.toContain('张三');
  });

  it('a case (受理) gets 已受理 at the phone given at the finish, and 已办结 when the back office finishes it', async () => {
    const { h, gw } = await hubWithGateway({ aheadCount: 0 });
    await take(h, 1);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    const fin = await h.api(
      'POST',
      '/api/windows/w1/finish',
      {
        matters: [
          { serviceId: 'cert', outcome: 'accepted' },
          { serviceId: 'idcard', outcome: 'refused', refusalReason: 'conditions-unmet' },
        ],
        citizenName: '张三',
        phone: PHONE,
      },
      a1,
    );
    expect(fin.status).toBe(200);
    const caseId = fin.body.matters[0].caseId as string;
    await waitFor(() => gw.delivered().size === 1, 5000, 'the acceptance message');
    const done = await h.api('POST', `/api/cases/${caseId}/update`, { action: 'done' }, await h.login('a2'));
    expect(done.status).toBe(200);
    await waitFor(() => gw.delivered().size === 2, 5000, 'the done message');
    const texts = gw.hits.map((x) => x.body.text);
    expect(texts[0]).toMatch(/^无犯罪记录证明已受理，受理编号SL\d{8}-001，承诺\d{4}-\d{2}-\d{2}前办结/);
    expect(texts[1]).toMatch(/^受理编号SL\d{8}-001的无犯罪记录证明已办结/);
    expect(gw.hits.every((x) => x.body.to === PHONE)).toBe(true);
    expect(texts.join('')).not.toContain('张三');
  });

  it('a contact written to ticket_contacts by other code (an appointment’s phone) is found too', async () => {
    const { h, gw } = await hubWithGateway();
    const [t1] = await take(h, 1);
    h.db
      .prepare("INSERT INTO ticket_contacts (ticket_id, phone, channel, created_at) VALUES (?, ?, 'sms', ?)")
      .run(t1, PHONE, h.clock.now);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await waitFor(() => gw.delivered().size === 1, 5000, 'the call');
    expect(gw.hits[0]!.body).toMatchObject({ to: PHONE, template: 'called' });
  });

  it('quiet hours: messages wait until they end; a one-time code goes at once', async () => {
    // The harness's clock stands at 10:00 in Shanghai.
    const { h, gw } = await hubWithGateway({ quietHours: { start: '09:30', end: '11:00' } });
    const [t1] = await take(h, 1);
    await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE }, KIOSK);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    expect(h.hub.context.notifier.sendCode('13912345678', '7391').ok).toBe(true);
    await waitFor(() => gw.delivered().size === 1, 5000, 'the code');
    expect(gw.hits[0]!.body.template).toBe('code');
    const elevenAm = h.clock.now + 3600_000;
    await expect.poll(() => h.hub.context.notifier.nextDue()).toBe(elevenAm);
    h.clock.now = elevenAm;
    await waitFor(() => gw.delivered().size === 2, 5000, 'the call after the quiet hours');
  });

  it('events committed but never turned into messages (the hub stopped in between) are looked at again at start', async () => {
    const { h, gw } = await hubWithGateway();
    const [t1] = await take(h, 1);
    await h.api('POST', `/api/tickets/${t1}/contact`, { phone: PHONE }, KIOSK);
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await waitFor(() => gw.delivered().size === 1, 5000, 'the call');
    const key = gw.hits[0]!.body.dedupeKey;
    // As if the hub had died after the commit, before the outbox was written.
    await h.hub.context.notifier.stop();
    h.db.prepare('DELETE FROM notify_outbox').run();
    h.db.prepare("DELETE FROM hall_meta WHERE key = 'notify_seq'").run();
    const again = new Notifier({
      db: h.db,
      bus: h.hub.bus,
      clock: () => h.clock.now,
      log: () => undefined,
      storedTicket: () => undefined,
      retryBaseMs: 0,
      pollMs: 20,
    });
    again.start();
    try {
      await waitFor(() => gw.delivered().get(key) === 2, 5000, 'the message made again');
    } finally {
      await again.stop();
    }
    expect(gw.hits[1]!.body.dedupeKey).toBe(key);
    // Started once more, it finds the message in the outbox and adds nothing.
    const third = new Notifier({
      db: h.db,
      bus: h.hub.bus,
      clock: () => h.clock.now,
      log: () => undefined,
      storedTicket: () => undefined,
    });
    third.start();
    await new Promise((r) => setTimeout(r, 200)).finally(() => third.stop());
    expect(gw.hits).toHaveLength(2);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM notify_outbox').get()).toEqual({ n: 1 });
  });

  it('retention deletes messages and phones older than retentionDays', async () => {
    const { h } = await hubWithGateway({ retentionDays: 30 });
    const now = h.clock.now;
    const old = now - 31 * 86_400_000;
    h.db
      .prepare(
        "INSERT INTO notify_outbox (dedupe_key, channel, phone, template, params, status, next_at, created_at) VALUES ('old', 'sms', ?, 'called', '{}', 'sent', ?, ?)",
      )
      .run(PHONE, old, old);
    h.db
      .prepare("INSERT INTO ticket_contacts (ticket_id, phone, channel, created_at) VALUES ('gone', ?, 'sms', ?)")
      .run(PHONE, old);
    h.db
      .prepare("INSERT INTO ticket_contacts (ticket_id, phone, channel, created_at) VALUES ('kept', ?, 'sms', ?)")
      .run(PHONE, now - 86_400_000);
    expect(h.hub.context.notifier.purge()).toBe(2);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM notify_outbox').get()).toEqual({ n: 0 });
    expect(h.db.prepare('SELECT ticket_id FROM ticket_contacts').all()).toEqual([{ ticket_id: 'kept' }]);
  });

  it('one-time codes go out as 验证码, counted against the daily cap, never written to the log', async () => {
    const { h, gw, log } = await hubWithGateway({ maxPerPhonePerDay: 2, provider: 'webhook' });
    const n = h.hub.context.notifier;
    expect(n.sendCode(PHONE, '482913').ok).toBe(true);
    expect(n.sendCode(PHONE, '482914').ok).toBe(true);
    const third = n.sendCode(PHONE, '482915');
    expect(third.ok ? '' : third.error.code).toBe('RATE_LIMITED');
    expect(n.sendCode('1234', '482915').ok).toBe(false);
    await waitFor(() => gw.delivered().size === 2, 5000, 'two codes');
    expect(gw.hits.map((x) => x.body.text)).toContain('验证码482913，5分钟内有效，请勿告诉他人。');
    expect(log.join('\n')).not.toContain('482913');
    const m1 = await h.login('m1');
    expect(JSON.stringify(await messages(h, m1))).not.toContain('482913');
  });
});

describe('the hub killed with SIGKILL while messages are queued and in flight', () => {
  it('delivers every message after the restart; only those in flight go twice, with the same key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yichuang-notify-crash-'));
    dirs.push(dir);
    gateway = new SmsGateway(SECRET);
    const url = await gateway.start();
    const configFile = join(dir, 'hall.json');
    const config = notifyingHall(url, { aheadCount: 0 }) as HallConfigInput & { notify: { webhook: object } };
    config.notify.webhook = { url, secret: SECRET, timeoutMs: 60_000 };
    writeFileSync(configFile, JSON.stringify(config));
    const data = join(dir, 'data');
    // Every send hangs: four are in flight (the concurrency), the rest wait queued.
    gateway.answer = () => 'hold';
    proc = await spawnHub({ config: configFile, data });
    const api = async (method: string, path: string, body?: unknown, bearer?: string): Promise<any> => {
      const res = await fetch(proc!.url + path, {
        method,
        headers: {
          ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    };
    const tickets: string[] = [];
    for (let i = 0; i < 10; i++) {
      const t = (await api('POST', '/api/tickets', { requestId: `k${i}`, serviceId: 'cert' }, KIOSK)) as { id: string };
      tickets.push(t.id);
      await api('POST', `/api/tickets/${t.id}/contact`, { phone: `139000000${String(i).padStart(2, '0')}` }, KIOSK);
    }
    for (const w of [1, 2, 3, 4]) {
      const { token } = (await api('POST', '/api/auth/login', { officerId: `a${w}`, pin: '1234' })) as {
        token: string;
      };
      await api('POST', `/api/windows/w${w}/sign-in`, {}, token);
      for (let k = 0; k < 2; k++) {
        await api('POST', `/api/windows/w${w}/call-next`, { requestId: `w${w}-${k}` }, token);
        await api('POST', `/api/windows/w${w}/no-show`, {}, token);
      }
    }
    // 8 calls and 8 no-shows: 16 messages.
    await waitFor(() => gateway!.hits.length === 4, 10_000, 'four sends in flight');
    const inFlight = new Set(gateway.hits.map((x) => x.body.dedupeKey));
    proc.child.kill('SIGKILL');
    await proc.exited;
    const beforeRestart = new Database(join(data, 'yichuang.sqlite'), { readonly: true });
    const rows = beforeRestart.prepare('SELECT dedupe_key, status FROM notify_outbox').all() as {
      dedupe_key: string;
      status: string;
    }[];
    beforeRestart.close();
    expect(rows).toHaveLength(16);
    expect(rows.every((r) => r.status === 'queued')).toBe(true);

    gateway.answer = () => 200;
    proc = await spawnHub({ config: configFile, data });
    await waitFor(() => gateway!.delivered().size === 16, 20_000, 'every message delivered after the restart');
    await new Promise((r) => setTimeout(r, 300));
    const delivered = gateway.delivered();
    for (const r of rows) expect(delivered.get(r.dedupe_key), r.dedupe_key).toBe(1);
    const received = new Map<string, number>();
    for (const x of gateway.hits) received.set(x.body.dedupeKey, (received.get(x.body.dedupeKey) ?? 0) + 1);
    for (const [key, n] of received) expect(n, key).toBe(inFlight.has(key) ? 2 : 1);
    expect(gateway.hits.every((x) => x.signed)).toBe(true);
    expect(proc.output()).not.toMatch(/139000000\d\d/);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    proc = null;
  }, 60_000);
});
