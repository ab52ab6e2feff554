import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, ComplaintRecord, FollowUpRecord } from '@yichuang/protocol';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { loadState } from '../../apps/hub/src/store/projections.ts';

const KIOSK = 'kiosk-1-secret';
const RATER = 'rater-1-secret';
const DAY = '2026-11-23';

let current: Harness | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

async function hub(): Promise<{ h: Harness; m1: string; a1: string }> {
  const h = await startHub(testHallConfig({ windows: 2 }));
  current = h;
  return { h, m1: await h.login('m1'), a1: await h.login('a1') };
}

/** a1 serves one ticket at w1; the rater screen of w1 rates it. */
async function servedAndRated(h: Harness, a1: string, level: number, reason?: string): Promise<string> {
  const t = await h.api('POST', '/api/tickets', { requestId: `k-${level}-${Math.random()}`, serviceId: 'cert' }, KIOSK);
  await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
  const called = await h.api('POST', '/api/windows/w1/call-next', { requestId: `c-${t.body.id}` }, a1);
  expect(called.body.ticket.id).toBe(t.body.id);
  await h.api('POST', '/api/windows/w1/finish', {}, a1);
  const rated = await h.api('POST', '/api/ratings', { ticketId: t.body.id, level, reason }, RATER);
  expect(rated.status, JSON.stringify(rated.body)).toBeLessThan(300);
  return t.body.id as string;
}

describe('complaints over REST', () => {
  it('records with the person masked, assigns, closes; lists by status; repeated requestId answers the first', async () => {
    const { h, m1, a1 } = await hub();
    const body = {
      requestId: 'cp-1',
      channel: 'hotline',
      name: '张三丰',
      phone: '13812345678',
      text: '窗口民警态度生硬',
      windowId: 'w1',
      officerId: 'a1',
      ticketNumber: 'A003',
    };
    const made = await h.api('POST', '/api/complaints', body, m1);
    expect(made.status).toBe(201);
    const c = made.body.complaint;
    expect(c).toMatchObject({ name: '张**', phone: '138****5678', windowId: 'w1', officerId: 'a1' });
    // Same requestId, same body: the first answer, nothing new.
    const again = await h.api('POST', '/api/complaints', body, m1);
    expect(again.body.complaint.id).toBe(c.id);
    expect((h.db.prepare('SELECT COUNT(*) AS n FROM complaints').get() as { n: number }).n).toBe(1);
    // The clear name is in complaint_contacts only: never in the log or the list.
    expect(h.db.prepare('SELECT name, phone FROM complaint_contacts').get()).toEqual({
      name: '张三丰',
      phone: '13812345678',
    });
    const log = (h.db.prepare('SELECT payload FROM events').all() as { payload: string }[]).map((r) => r.payload);
    expect(log.join('\n')).not.toContain('张三丰');
    expect(log.join('\n')).not.toContain('13812345678');

    expect((await h.api('POST', '/api/complaints', { ...body, requestId: 'x' }, a1)).status).toBe(403);
    expect(
      (await h.api('POST', '/api/complaints', { requestId: 'y', channel: 'fax', text: 'x' }, m1)).body.error.code,
    ).toBe('VALIDATION_FAILED');

    const assign = await h.api('POST', `/api/complaints/${c.id}/assign`, { requestId: 'as-1', officerId: 'b1' }, m1);
    expect(assign.status).toBe(200);
    const open = await h.api('GET', '/api/complaints?status=open', undefined, m1);
    expect(open.body.complaints.map((x: ComplaintRecord) => [x.id, x.assignedTo, x.status])).toEqual([
      [c.id, 'b1', 'open'],
    ]);
    const close = await h.api('POST', `/api/complaints/${c.id}/close`, { requestId: 'cl-1', result: '已约谈整改' }, m1);
    expect(close.status).toBe(200);
    const twice = await h.api('POST', `/api/complaints/${c.id}/close`, { requestId: 'cl-2', result: '再次' }, m1);
    expect([twice.status, twice.body.error.code]).toEqual([404, 'UNKNOWN_COMPLAINT']);
    expect((await h.api('GET', '/api/complaints?status=open', undefined, m1)).body.complaints).toEqual([]);
    const closed = await h.api('GET', `/api/complaints?status=closed&from=${DAY}&to=${DAY}`, undefined, m1);
    expect(closed.body.complaints[0]).toMatchObject({
      id: c.id,
      status: 'closed',
      result: '已约谈整改',
      closedBy: 'm1',
    });

    // Query strings are parsed like bodies.
    for (const q of ['status=done', 'from=2026-13-01', 'limit=501', 'from=2026-11-24&to=2026-11-23'])
      expect((await h.api('GET', `/api/complaints?${q}`, undefined, m1)).status, q).toBe(400);
  });

  it('a closed complaint’s person is deleted once the retention days have passed; an open one keeps it', async () => {
    const { h, m1 } = await hub();
    const record = async (requestId: string, name: string): Promise<string> => {
      const made = await h.api(
        'POST',
        '/api/complaints',
        { requestId, channel: 'phone', name, phone: '13812345678', text: '等候太久' },
        m1,
      );
      expect(made.status).toBe(201);
      return made.body.complaint.id as string;
    };
    const closedOne = await record('cp-old-closed', '李四');
    const openOne = await record('cp-old-open', '王五');
    expect(
      (await h.api('POST', `/api/complaints/${closedOne}/close`, { requestId: 'cl-old', result: '已回复' }, m1)).status,
    ).toBe(200);
    const contacts = (): string[] =>
      (h.db.prepare('SELECT name FROM complaint_contacts ORDER BY name').all() as { name: string }[]).map(
        (r) => r.name,
      );
    // 89 days later: still within the 90 days (cases.contactRetentionDays).
    h.clock.now += 89 * 86_400_000;
    h.hub.bus.tick();
    expect(contacts()).toEqual(['李四', '王五']);
    h.clock.now += 2 * 86_400_000;
    h.hub.bus.tick();
    expect(contacts()).toEqual(['王五']);
    // The complaint itself stays (masked), with its result, for the reports.
    const listed = await h.api(
      'GET',
      `/api/complaints?status=closed&from=${DAY}&to=${DAY}`,
      undefined,
      await h.login('m1'),
    );
    expect(listed.body.complaints.map((c: ComplaintRecord) => [c.id, c.name, c.result])).toEqual([
      [closedOne, '李*', '已回复'],
    ]);
    expect(openOne).not.toBe(closedOne);
  });

  it('a rating of 2 or less opens a follow-up that a manager closes; open items survive a restart', async () => {
    const { h, m1, a1 } = await hub();
    await servedAndRated(h, a1, 4);
    const bad = await servedAndRated(h, a1, 1, 'attitude');
    const list = await h.api('GET', '/api/followups?status=open', undefined, m1);
    expect(list.body.followUps).toHaveLength(1);
    const f = list.body.followUps[0] as FollowUpRecord;
    expect(f).toMatchObject({ ticketId: bad, windowId: 'w1', officerId: 'a1', level: 1, reason: 'attitude' });

    const c = await h.api('POST', '/api/complaints', { requestId: 'cp', channel: 'onsite', text: '排队秩序' }, m1);
    // A restart reloads the open complaint and follow-up from the tables into the engine.
    const loaded = loadState(h.db, h.hub.bus.config, DAY);
    expect(loaded.followUps.has(f.id)).toBe(true);
    expect(loaded.complaints.has(c.body.complaint.id)).toBe(true);

    expect(
      (await h.api('POST', `/api/followups/${f.id}/close`, { requestId: 'f1', action: '回访致歉' }, a1)).status,
    ).toBe(403);
    const done = await h.api('POST', `/api/followups/${f.id}/close`, { requestId: 'f2', action: '已回访致歉' }, m1);
    expect(done.status).toBe(200);
    const after = await h.api('GET', '/api/followups', undefined, m1);
    expect(after.body.followUps[0]).toMatchObject({ status: 'closed', action: '已回访致歉' });
  });

  it('reports count complaints and follow-ups in JSON, CSV and XLSX', async () => {
    const { h, m1, a1 } = await hub();
    await servedAndRated(h, a1, 2, 'slow');
    await servedAndRated(h, a1, 5);
    const rec = (requestId: string, channel: string, extra = {}) =>
      h.api('POST', '/api/complaints', { requestId, channel, text: '反映问题', ...extra }, m1);
    const one = await rec('r1', 'hotline', { windowId: 'w1', officerId: 'a1' });
    await rec('r2', 'hotline', { windowId: 'w1' });
    await rec('r3', 'letter');
    await h.api('POST', `/api/complaints/${one.body.complaint.id}/close`, { requestId: 'c1', result: '已处理' }, m1);

    const report = await h.api('GET', `/api/reports/daily?date=${DAY}`, undefined, m1);
    expect(report.body.complaints).toEqual({
      received: 3,
      closed: 1,
      open: 2,
      byChannel: { onsite: 0, phone: 0, hotline: 2, letter: 1, online: 0, other: 0 },
      byWindow: [{ id: 'w1', count: 2 }],
      byOfficer: [{ id: 'a1', count: 1 }],
      followUps: { opened: 1, closed: 0, open: 1 },
    });
    const csv = await fetch(`${h.url}/api/reports/daily?date=${DAY}&format=csv`, {
      headers: { authorization: `Bearer ${m1}` },
    });
    const text = await csv.text();
    expect(text).toContain('\r\n收到投诉,3\r\n');
    expect(text).toContain('\r\n渠道,12345热线,2\r\n');
    expect(text).toContain('\r\n窗口,1号窗口,2\r\n');
    expect(text).toContain('\r\n差评回访,1\r\n');
    const xlsx = await fetch(`${h.url}/api/reports/daily?date=${DAY}&format=xlsx`, {
      headers: { authorization: `Bearer ${m1}` },
    });
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = wb.getWorksheet('投诉与回访')!;
    const rows = new Map<string, unknown>();
    sheet.eachRow((row) => rows.set(row.getCell(1).text, row.getCell(2).value));
    expect([rows.get('收到投诉'), rows.get('未办结投诉'), rows.get('回访未整改')]).toEqual([3, 2, 1]);
  });
});

describe('the duty leader and help requests', () => {
  it('an officer asks for help: managers get an alert with the window and ticket; a manager signing in there clears it', async () => {
    const { h, m1, a1 } = await hub();
    const manager = await h.connect({ token: m1 });
    const pushed: Alert[][] = [];
    manager.socket.on('hub:alerts', (list: Alert[]) => pushed.push(list));
    await h.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, KIOSK);
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    const called = await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    const help = await h.api('POST', '/api/windows/w1/help', { requestId: 'h1', note: '群众情绪激动' }, a1);
    expect(help.body).toEqual({ windowId: 'w1', ticketId: called.body.ticket.id });
    await waitFor(() => pushed.some((l) => l.some((a) => a.kind === 'help-requested')), 3000, 'help alert pushed');
    const alert = pushed.at(-1)!.find((a) => a.kind === 'help-requested')!;
    expect(alert).toMatchObject({ subject: 'w1', windowId: 'w1', severity: 'critical', clearedAt: null });
    expect(alert.message).toContain('1号窗口');
    expect(alert.message).toContain('A001');
    // Officers of another window may not ask for w1.
    const b2 = await h.login('b2');
    expect((await h.api('POST', '/api/windows/w1/help', {}, b2)).body.error.code).toBe('NOT_HOLDER');

    // The leader signs in at w2 (not on its roster): logged as such; w1's alert stays.
    const lead = await h.api('POST', '/api/windows/w2/sign-in', {}, m1);
    expect(lead.status).toBe(200);
    expect(lead.body.window.holder).toMatchObject({ officerId: 'm1', leader: true });
    const signed = h.db
      .prepare("SELECT payload FROM events WHERE type = 'window:signed-in' ORDER BY seq DESC LIMIT 1")
      .get() as { payload: string };
    expect(JSON.parse(signed.payload)).toMatchObject({ windowId: 'w2', officerId: 'm1', leader: true });
    // Signing out of w2 asks no partner to cover.
    await h.api('POST', '/api/windows/w2/sign-out', {}, m1);
    const cover = h.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'roster:cover-requested'").get() as {
      n: number;
    };
    expect(cover.n).toBe(0);
    expect(h.hub.context.alerts.list().find((a) => a.kind === 'help-requested')?.clearedAt).toBeNull();

    // a1 finishes and signs out; the leader takes w1: the help request is answered.
    await h.api('POST', '/api/windows/w1/finish', {}, a1);
    await h.api('POST', '/api/windows/w1/sign-out', {}, a1);
    await h.api('POST', '/api/windows/w1/sign-in', {}, m1);
    await waitFor(
      () => h.hub.context.alerts.list().find((a) => a.kind === 'help-requested')?.clearedAt != null,
      3000,
      'help alert cleared',
    );
  });

  it('acknowledging the help alert answers it', async () => {
    const { h, m1, a1 } = await hub();
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await h.api('POST', '/api/windows/w1/help', {}, a1);
    await waitFor(() => h.hub.context.alerts.list().some((a) => a.kind === 'help-requested'), 3000, 'raised');
    // A restart keeps the request standing: it is rebuilt from the day's log.
    expect([...loadState(h.db, h.hub.bus.config, DAY).helpRequests.keys()]).toEqual(['w1']);
    const id = h.hub.context.alerts.list().find((a) => a.kind === 'help-requested')!.id;
    const ack = await h.api('POST', `/api/alerts/${encodeURIComponent(id)}/acknowledge`, {}, m1);
    expect(ack.status).toBe(200);
    expect(h.hub.bus.state.helpRequests.size).toBe(0);
    expect(loadState(h.db, h.hub.bus.config, DAY).helpRequests.size).toBe(0);
    await waitFor(() => !h.hub.context.alerts.list().some((a) => a.kind === 'help-requested'), 3000, 'gone');
  });
});
