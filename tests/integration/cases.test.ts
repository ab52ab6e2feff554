import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, CaseView } from '@yichuang/protocol';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { createHub } from '../../apps/hub/src/create-hub.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { caseHall } from '../support/case-seed.ts';

const KIOSK = 'kiosk-1-secret';
const DAY = 24 * 60 * 60_000;
const NAME = '张三丰';
const PHONE = '13800138000';
const OTHER_NAME = '李四光';
const OTHER_PHONE = '13900139000';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** The test hall open every day: 无犯罪记录证明 due 1 working day after acceptance, 身份证换领 3. */
async function hall(): Promise<Harness> {
  h = await startHub(caseHall());
  return h;
}

let n = 0;
/** A ticket taken, called, started and finished at w1 with the given finish fields. */
async function visit(x: Harness, token: string, serviceId: string, finish: Record<string, unknown>): Promise<void> {
  const t = await x.api('POST', '/api/tickets', { requestId: `k${++n}`, serviceId }, KIOSK);
  expect(t.status).toBe(201);
  const call = await x.api('POST', '/api/windows/w1/call-next', { requestId: `c${n}` }, token);
  expect(call.body.ticket.id).toBe(t.body.id);
  expect((await x.api('POST', '/api/windows/w1/start', {}, token)).status).toBe(200);
  const fin = await x.api('POST', '/api/windows/w1/finish', { requestId: `f${n}`, ...finish }, token);
  expect(fin.status, JSON.stringify(fin.body)).toBe(200);
}

async function list(x: Harness, token: string, query: string): Promise<CaseList> {
  const res = await x.api('GET', `/api/cases?${query}`, undefined, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as CaseList;
}

interface CaseList {
  cases: CaseView[];
  counts: Record<string, number>;
}

const overdueAlerts = (x: Harness): Alert[] => x.hub.context.alerts.list().filter((a) => a.kind === 'case-overdue');

describe('accepted matters (受理件) over REST', () => {
  it('opens cases at a finish, lists them by status, raises the overdue alert past the due day and clears it when done', async () => {
    const x = await hall();
    const a1 = await x.login('a1');
    let mgr = await x.login('m1');
    expect((await x.api('POST', '/api/windows/w1/sign-in', {}, a1)).status).toBe(200);

    await visit(x, a1, 'cert', {
      matters: [
        { serviceId: 'cert', outcome: 'accepted' },
        { serviceId: 'idcard', outcome: 'accepted-pending', pendingMaterials: ['居民户口簿'] },
      ],
      citizenName: NAME,
      phone: PHONE,
    });
    await visit(x, a1, 'idcard', {
      matters: [{ serviceId: 'idcard', outcome: 'refused', refusalReason: 'conditions-unmet' }],
      citizenName: OTHER_NAME,
      phone: OTHER_PHONE,
    });

    // Two cases (the refusal is none), accepted Monday 2026-11-23: due Tuesday and Thursday.
    const open = await list(x, mgr, 'status=open');
    expect(open.cases.map((c) => [c.no, c.serviceId, c.kind, c.dueDay, c.workingDaysLeft])).toEqual([
      ['SL20261123-001', 'cert', 'accepted', '2026-11-24', 1],
      ['SL20261123-002', 'idcard', 'accepted-pending', '2026-11-26', 3],
    ]);
    expect(open.counts).toEqual({ open: 2, overdue: 0, dueSoon: 1 });
    const [cert, idcard] = open.cases as [CaseView, CaseView];
    expect(cert).toMatchObject({ officerId: 'a1', windowId: 'w1', contactName: '张**', status: 'open' });
    expect(idcard.pendingMaterials).toEqual(['居民户口簿']);
    expect(JSON.stringify(open)).not.toContain(PHONE);
    expect(JSON.stringify(open)).not.toContain(NAME);
    expect((await list(x, mgr, 'status=due-soon')).cases.map((c) => c.no)).toEqual(['SL20261123-001']);
    expect((await list(x, mgr, 'status=overdue')).cases).toEqual([]);
    expect((await list(x, mgr, 'status=done')).cases).toEqual([]);
    expect((await list(x, mgr, 'status=all')).cases).toHaveLength(2);
    expect((await list(x, mgr, 'status=all&windowId=w2')).cases).toEqual([]);
    expect((await list(x, mgr, 'status=all&from=2026-11-24')).cases).toEqual([]);
    expect((await list(x, a1, 'status=all&from=2026-11-23&to=2026-11-23')).cases).toHaveLength(2);
    expect((await x.api('GET', '/api/cases?status=late', undefined, mgr)).status).toBe(400);
    expect((await x.api('GET', '/api/cases', undefined, KIOSK)).status).toBeGreaterThanOrEqual(401);
    expect(overdueAlerts(x)).toEqual([]);

    // The citizen's progress page: the right phone sees it, a wrong phone or number learns nothing.
    const lookup = (no: string, phone: string) => x.api('POST', '/api/public/cases/lookup', { no, phone });
    const seen = await lookup('sl20261123-002', PHONE);
    expect(seen.status).toBe(200);
    expect(seen.body.case).toMatchObject({
      no: 'SL20261123-002',
      serviceName: '居民身份证换领',
      kind: 'accepted-pending',
      status: 'open',
      dueDay: '2026-11-26',
      pendingMaterials: ['居民户口簿'],
      overdue: false,
    });
    expect(JSON.stringify(seen.body)).not.toMatch(/张|13800138000/);
    const wrongPhone = await lookup('SL20261123-002', OTHER_PHONE);
    const wrongNo = await lookup('SL20261123-009', PHONE);
    expect(wrongPhone.status).toBeGreaterThanOrEqual(400);
    expect(wrongPhone.body.error.code).toBe('UNKNOWN_CASE');
    expect(wrongNo.status).toBe(wrongPhone.status);
    expect(wrongNo.body).toEqual(wrongPhone.body);
    expect((await lookup('BY20261123-001', PHONE)).body.error.code).toBe('VALIDATION_FAILED');

    // Wednesday: 无犯罪记录证明 was due Tuesday. The day's turn raises the alert.
    x.clock.now += 2 * DAY;
    x.hub.bus.tick();
    await waitFor(() => overdueAlerts(x).length === 1, 3000, 'the overdue alert');
    const alert = overdueAlerts(x)[0]!;
    expect(alert).toMatchObject({ severity: 'warning', subject: 'SL20261123-001', windowId: 'w1', clearedAt: null });
    expect(alert.message).toContain('无犯罪记录证明');
    expect(alert.message).toContain('1号窗口');
    expect(alert.message).toContain('逾期 1 个工作日');
    mgr = await x.login('m1'); // the session of two days ago has expired
    const listed = await x.api('GET', '/api/alerts', undefined, mgr);
    expect(listed.body.alerts.map((a: Alert) => `${a.kind}:${a.subject}`)).toContain('case-overdue:SL20261123-001');

    const late = await list(x, mgr, 'status=overdue');
    expect(late.cases.map((c) => [c.no, c.workingDaysLeft, c.overdue])).toEqual([['SL20261123-001', -1, true]]);
    expect(late.counts).toMatchObject({ overdue: 1 });
    expect((await lookup('SL20261123-001', PHONE)).body.case.overdue).toBe(true);

    // 容缺: the materials come in (once); a plain case has none to follow.
    const update = (c: CaseView, body: unknown) => x.api('POST', `/api/cases/${c.id}/update`, body, mgr);
    expect((await update(idcard, { action: 'materials-received', note: '户口簿已补交' })).status).toBe(200);
    expect((await update(idcard, { action: 'materials-received' })).body.error.code).toBe('INVALID_STATE');
    expect((await update(cert, { action: 'materials-received' })).body.error.code).toBe('INVALID_STATE');
    const progress = (await lookup('SL20261123-002', PHONE)).body.case;
    expect(progress.status).toBe('materials-received');
    expect(progress.materialsReceivedAt).toBe(x.clock.now);

    // 办结 clears the alert (it stays listed, ended, until acknowledged).
    expect((await update(cert, { action: 'done', note: '证明已出具' })).status).toBe(200);
    expect((await update(cert, { action: 'done' })).body.error.code).toBe('CASE_DONE');
    await waitFor(() => overdueAlerts(x)[0]?.clearedAt != null, 3000, 'the overdue alert cleared');
    expect((await list(x, mgr, 'status=overdue')).cases).toEqual([]);
    const done = await list(x, mgr, 'status=done');
    expect(done.cases.map((c) => [c.no, c.status, c.doneBy, c.workingDaysLeft])).toEqual([
      ['SL20261123-001', 'done', 'm1', null],
    ]);
    expect((await lookup('SL20261123-001', PHONE)).body.case).toMatchObject({ status: 'done', overdue: false });

    // The next day's turn reads the overdue cases again: none open past its day, nothing raised anew.
    x.clock.now += DAY;
    x.hub.bus.tick();
    await new Promise((r) => setTimeout(r, 400));
    expect(overdueAlerts(x).filter((a) => a.clearedAt === null)).toEqual([]);

    // The log and the alerts keep no clear name or phone: only the masked name and the phone's hash.
    const logged = (x.db.prepare('SELECT type, payload FROM events').all() as { type: string; payload: string }[])
      .map((e) => `${e.type} ${e.payload}`)
      .join('\n');
    expect(logged).toContain('case:opened');
    expect(logged).toContain('张**');
    for (const secret of [NAME, PHONE, OTHER_NAME, OTHER_PHONE, '三丰']) expect(logged).not.toContain(secret);
    const alertText = JSON.stringify(x.db.prepare('SELECT * FROM alerts').all());
    for (const secret of [NAME, PHONE]) expect(alertText).not.toContain(secret);
  });

  it('raises the alert at start for a case that fell due while the hub was stopped', async () => {
    const x = await hall();
    h = null; // this test stops and restarts the hub itself
    const a1 = await x.login('a1');
    await x.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await visit(x, a1, 'cert', { matters: [{ serviceId: 'cert', outcome: 'accepted' }], phone: PHONE });
    await x.hub.close();
    x.clock.now += 3 * DAY; // Thursday: due Tuesday, two working days late
    const again = createHub({
      config: parseHallConfig(caseHall(), { pinCost: 1024 }),
      db: x.db,
      clock: () => x.clock.now,
      newId: () => `r${++n}`,
      log: () => undefined,
    });
    try {
      await waitFor(
        () => again.context.alerts.list().some((a) => a.kind === 'case-overdue' && a.clearedAt === null),
        3000,
        'the overdue alert at start',
      );
      const alert = again.context.alerts.list().find((a) => a.kind === 'case-overdue')!;
      expect(alert.subject).toBe('SL20261123-001');
      expect(alert.message).toContain('逾期 2 个工作日');
    } finally {
      await again.close();
      x.db.close();
      rmSync(x.dir, { recursive: true, force: true });
    }
  });

  it('limits progress look-ups per address', async () => {
    const x = await hall();
    const answers: number[] = [];
    for (let i = 0; i < 22; i++)
      answers.push(
        (await x.api('POST', '/api/public/cases/lookup', { no: 'SL20261123-001', phone: PHONE })).body.error.code ===
          'RATE_LIMITED'
          ? 1
          : 0,
      );
    expect(answers.slice(0, 20)).not.toContain(1);
    expect(answers.slice(20)).toEqual([1, 1]);
  });
});
