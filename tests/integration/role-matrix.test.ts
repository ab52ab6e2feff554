import { afterEach, describe, expect, it } from 'vitest';
import {
  commandNames,
  commandRoles,
  commandScopes,
  type AccessScope,
  type ActorRole,
  type CommandName,
} from '@yichuang/protocol';
import { routes } from '../../apps/hub/src/rest/route-table.ts';
import { dbFingerprint, startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * Every REST route and socket command against every kind of caller. The allowed set comes from the
 * route and command tables (roles plus the documented scope), so a route added without a sample here
 * fails this test, and a route whose guard differs from what its table says fails too.
 */

const KIOSK = 'kiosk-1-secret';
/** Codes that mean "not you": the role or scope refused the caller. */
const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_HOLDER', 'NOT_ROSTERED', 'TOKEN_EXPIRED']);

interface Caller {
  name: string;
  role: ActorRole | 'anonymous';
  /** Window this caller holds in the seeded hall. */
  holds: string | null;
  bearer: (x: Seeded) => string | undefined;
}

/** From least to most privileged: a call that is allowed may change the hall, so it comes late. */
const CALLERS: Caller[] = [
  { name: 'anonymous', role: 'anonymous', holds: null, bearer: () => undefined },
  { name: 'kiosk', role: 'kiosk', holds: null, bearer: () => KIOSK },
  { name: 'display', role: 'display', holds: null, bearer: () => 'display-1-secret' },
  { name: 'rater at w1', role: 'rater', holds: null, bearer: () => 'rater-1-secret' },
  { name: 'officer holding w2, not w1', role: 'officer', holds: 'w2', bearer: (x) => x.a2 },
  { name: 'officer holding w1', role: 'officer', holds: 'w1', bearer: (x) => x.a1 },
  { name: 'guide', role: 'guide', holds: null, bearer: (x) => x.g1 },
  { name: 'manager', role: 'manager', holds: null, bearer: (x) => x.m1 },
];

interface Seeded {
  h: Harness;
  a1: string;
  a2: string;
  m1: string;
  /** 导办 at the entrance: holds no window. */
  g1: string;
  /** Waiting. */
  waiting: string;
  /** Finished at w1 by a1, not rated. */
  done: string;
  /** Called at w1 now. */
  called: string;
  notice: string;
  /** The case (受理) and refusal (不予受理) of the finished ticket, at w1. */
  caseId: string;
  refusalId: string;
}

/** a1 holds w1 (one ticket finished, one called); a2 holds w2; a notice was issued at w1. */
async function seed(): Promise<Seeded> {
  const h = await startHub(testHallConfig());
  const [a1, a2, m1, g1] = [await h.login('a1'), await h.login('a2'), await h.login('m1'), await h.login('g1')];
  const ids: string[] = [];
  for (let i = 0; i < 4; i++)
    ids.push((await h.api('POST', '/api/tickets', { requestId: `s${i}`, serviceId: 'cert' }, KIOSK)).body.id as string);
  await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
  await h.api('POST', '/api/windows/w2/sign-in', {}, a2);
  await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
  const finished = await h.api(
    'POST',
    '/api/windows/w1/finish',
    {
      matters: [
        { serviceId: 'cert', outcome: 'accepted' },
        { serviceId: 'idcard', outcome: 'refused', refusalReason: 'conditions-unmet' },
      ],
    },
    a1,
  );
  const matters = finished.body.matters as { caseId: string | null; refusalId: string | null }[];
  await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c2' }, a1);
  const notice = await h.api(
    'POST',
    '/api/notices',
    { citizenName: '张三', serviceId: 'cert', missing: ['申请表'] },
    a1,
  );
  return {
    h,
    a1,
    a2,
    m1,
    g1,
    waiting: ids[3]!,
    done: ids[0]!,
    called: ids[1]!,
    notice: notice.body.id as string,
    caseId: matters.find((m) => m.caseId !== null)!.caseId!,
    refusalId: matters.find((m) => m.refusalId !== null)!.refusalId!,
  };
}

/** What the tables say: the role first, then the scope, for the seeded hall (every target is w1). */
function allowed(
  auth: 'anyone' | readonly ActorRole[],
  scope: AccessScope | undefined,
  c: Caller,
  notice: boolean,
): boolean {
  if (auth === 'anyone') return true;
  if (c.role === 'anonymous' || !auth.includes(c.role)) return false;
  switch (scope) {
    case undefined:
      return true;
    case 'rostered':
      // a1 is w1's A; a2 is not on its roster; a manager may step in anywhere as the duty leader (带班领导)
      return c.holds === 'w1' || c.role === 'manager';
    case 'holder':
      return notice ? c.holds !== null : c.holds === 'w1';
    case 'holder-or-manager':
      return c.holds === 'w1' || c.role === 'manager';
    case 'server':
      return c.role === 'rater'; // 好差评 is the citizen's: their rater screen, never an officer
    case 'window-today':
      return c.holds === 'w1' || c.role === 'manager'; // the notice was issued at w1; a2 never held it
  }
}

type Sample = { path: string; body?: unknown } | ((x: Seeded) => { path: string; body?: unknown });

/** A request for each route, as its allowed callers would send it. */
const SAMPLES: Record<string, Sample> = {
  'GET /api/health': { path: '/api/health' },
  'POST /api/auth/login': { path: '/api/auth/login', body: { officerId: 'b4', pin: '5678' } },
  'POST /api/auth/logout': { path: '/api/auth/logout', body: {} },
  'GET /api/catalogue': { path: '/api/catalogue' },
  'GET /api/public/queues': { path: '/api/public/queues' },
  'GET /api/public/city-catalogue': { path: '/api/public/city-catalogue' },
  'GET /api/hall': { path: '/api/hall' },
  'POST /api/tickets': { path: '/api/tickets', body: { requestId: 'new-1', serviceId: 'cert' } },
  'GET /api/tickets/:id': (x) => ({ path: `/api/tickets/${x.called}` }),
  'POST /api/tickets/:id/rating': (x) => ({
    path: `/api/tickets/${x.done}/rating`,
    body: { secret: x.h.hub.context.ticketSecrets.of(x.done), level: 5 },
  }),
  'POST /api/tickets/:id/transfer': (x) => ({ path: `/api/tickets/${x.called}/transfer`, body: { toQueueId: 'long' } }),
  'POST /api/windows/:id/call-next': { path: '/api/windows/w1/call-next', body: { requestId: 'm-c' } },
  'POST /api/windows/:id/call-ticket': (x) => ({ path: '/api/windows/w1/call-ticket', body: { ticketId: x.called } }),
  'POST /api/windows/:id/pause': { path: '/api/windows/w1/pause', body: { reason: 'meeting' } },
  'POST /api/windows/:id/sign-in': { path: '/api/windows/w1/sign-in', body: {} },
  'POST /api/windows/:id/sign-out': { path: '/api/windows/w1/sign-out', body: {} },
  'POST /api/windows/:id/recall': { path: '/api/windows/w1/recall', body: {} },
  'POST /api/windows/:id/no-show': { path: '/api/windows/w1/no-show', body: {} },
  'POST /api/windows/:id/start': { path: '/api/windows/w1/start', body: {} },
  'POST /api/windows/:id/finish': { path: '/api/windows/w1/finish', body: {} },
  'POST /api/windows/:id/resume': { path: '/api/windows/w1/resume', body: {} },
  'POST /api/hall/carry-over': { path: '/api/hall/carry-over', body: { requestId: 'co', toWindowId: 'w1' } },
  'POST /api/appointments': {
    path: '/api/appointments',
    body: { requestId: 'ap', code: 'ABCD1234', serviceId: 'cert', day: '2026-11-24', start: '09:00', end: '10:00' },
  },
  'GET /api/appointments/days': { path: '/api/appointments/days?serviceId=cert' },
  'GET /api/appointments/slots': { path: '/api/appointments/slots?serviceId=cert&day=2026-11-24' },
  'POST /api/appointments/book': {
    path: '/api/appointments/book',
    body: { requestId: 'bk', serviceId: 'cert', day: '2026-11-24', start: '09:00', name: '张三', phone: '13812345678' },
  },
  'POST /api/appointments/lookup': {
    path: '/api/appointments/lookup',
    body: { code: 'ABCD2345', phone: '13812345678' },
  },
  'POST /api/appointments/:code/cancel': { path: '/api/appointments/ABCD2345/cancel', body: { phone: '13812345678' } },
  'POST /api/appointments/:code/reschedule': {
    path: '/api/appointments/ABCD2345/reschedule',
    body: { requestId: 'rs', phone: '13812345678', day: '2026-11-24', start: '09:00' },
  },
  'GET /api/appointments': { path: '/api/appointments?day=2026-11-23' },
  'POST /api/appointments/import': {
    path: '/api/appointments/import',
    body: { items: [{ code: 'IMP12345', serviceId: 'cert', day: '2026-11-24', start: '09:00' }] },
  },
  'POST /api/remote/code': { path: '/api/remote/code', body: { phone: '13812345678' } },
  'POST /api/remote/tickets': {
    path: '/api/remote/tickets',
    body: { requestId: 'rt', phone: '13812345678', code: '000000', serviceId: 'cert' },
  },
  'POST /api/remote/arrive': { path: '/api/remote/arrive', body: { phone: '13812345678' } },
  'POST /api/tickets/:id/arrive': (x) => ({ path: `/api/tickets/${x.called}/arrive`, body: {} }),
  'POST /api/tickets/:id/reactivate': (x) => ({ path: `/api/tickets/${x.called}/reactivate`, body: {} }),
  'GET /api/cases': { path: '/api/cases?status=all' },
  'POST /api/cases/:id/update': { path: '/api/cases/no-such-case/update', body: { action: 'done' } },
  'POST /api/cases/:id/receipt/print': (x) => ({ path: `/api/cases/${x.caseId}/receipt/print`, body: {} }),
  'POST /api/refusals/:id/print': (x) => ({ path: `/api/refusals/${x.refusalId}/print`, body: {} }),
  'GET /api/refusals': { path: '/api/refusals?day=2026-11-23' },
  'POST /api/public/cases/lookup': {
    path: '/api/public/cases/lookup',
    body: { no: 'SL20261124-001', phone: '13812345678' },
  },
  'POST /api/guide/tickets': {
    path: '/api/guide/tickets',
    body: { requestId: 'gi', serviceId: 'cert', citizenName: '张三', phone: '13812345678' },
  },
  'POST /api/tickets/:id/green': (x) => ({ path: `/api/tickets/${x.waiting}/green`, body: { reason: 'elderly' } }),
  'POST /api/tickets/:id/hold': (x) => ({ path: `/api/tickets/${x.waiting}/hold`, body: { note: '去复印' } }),
  'POST /api/tickets/:id/release': (x) => ({ path: `/api/tickets/${x.waiting}/release`, body: {} }),
  'POST /api/notices': {
    path: '/api/notices',
    body: { citizenName: '李四', serviceId: 'cert', missing: ['居民身份证'] },
  },
  'GET /api/notices': { path: '/api/notices' },
  'GET /api/notices/:id': (x) => ({ path: `/api/notices/${x.notice}` }),
  'POST /api/notices/:id/reprint': (x) => ({ path: `/api/notices/${x.notice}/reprint`, body: {} }),
  'POST /api/ratings': (x) => ({ path: '/api/ratings', body: { ticketId: x.done, level: 5 } }),
  'GET /api/me/day': { path: '/api/me/day' },
  'GET /api/notify/messages': { path: '/api/notify/messages?status=sent' },
  'POST /api/notify/messages/:id/retry': { path: '/api/notify/messages/1/retry', body: {} },
  'POST /api/tickets/:id/contact': (x) => ({
    path: `/api/tickets/${x.called}/contact`,
    body: { phone: '13812345678' },
  }),
  'GET /api/reports/daily': { path: '/api/reports/daily?date=2026-11-23' },
  'GET /api/reports/range': { path: '/api/reports/range?from=2026-11-23&to=2026-11-23' },
  'GET /api/alerts': { path: '/api/alerts' },
  'POST /api/alerts/:id/acknowledge': { path: '/api/alerts/nope/acknowledge', body: {} },
  'GET /api/devices': { path: '/api/devices' },
  'GET /api/config': { path: '/api/config' },
  'POST /api/config': { path: '/api/config', body: { baseVersion: 99, config: {} } },
  'POST /api/officers/:id/pin': { path: '/api/officers/b4/pin', body: { pin: '2468' } },
  'POST /api/windows/:id/queues': { path: '/api/windows/w3/queues', body: { queues: 'all' } },
  'POST /api/windows/:id/open': { path: '/api/windows/w4/open', body: { open: true } },
  'POST /api/display/notices': { path: '/api/display/notices', body: { notices: ['咨询电话 023-00000000'] } },
  'GET /api/events': { path: '/api/events?limit=5' },
  'GET /api/tickets': { path: '/api/tickets' },
  'POST /api/tickets/:id/reprint': (x) => ({ path: `/api/tickets/${x.done}/reprint`, body: {} }),
  'GET /api/metrics': { path: '/api/metrics' },
  'GET /api/admin/backups': { path: '/api/admin/backups' },
  'POST /api/admin/backup': { path: '/api/admin/backup', body: {} },
  // --- complaints, follow-ups, duty leader (issue 17) ---
  'GET /api/complaints': { path: '/api/complaints?status=open' },
  'POST /api/complaints': { path: '/api/complaints', body: { requestId: 'cp', channel: 'phone', text: '等候太久' } },
  'POST /api/complaints/:id/assign': {
    path: '/api/complaints/nope/assign',
    body: { requestId: 'ca', officerId: 'a1' },
  },
  'POST /api/complaints/:id/close': { path: '/api/complaints/nope/close', body: { requestId: 'cc', result: '已处理' } },
  'GET /api/followups': { path: '/api/followups' },
  'POST /api/followups/:id/close': { path: '/api/followups/nope/close', body: { requestId: 'fc', action: '已回访' } },
  'POST /api/windows/:id/help': { path: '/api/windows/w1/help', body: { note: '请带班领导来' } },
  'GET /api/simulation/history': { path: '/api/simulation/history?date=2026-11-23' },
  'GET /api/simulation/plan': { path: '/api/simulation/plan' },
  'POST /api/simulation/run': {
    path: '/api/simulation/run',
    body: { demand: { kind: 'replay', day: '2026-11-23' }, plans: [{ windows: [{ id: 'w1' }] }] },
  },
};

let current: Harness | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

describe('role matrix', () => {
  it('every route of the table has a sample here (a new route cannot skip this test)', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    expect(keys.filter((k) => !(k in SAMPLES))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('REST %s', async (key, route) => {
    const x = await seed();
    current = x.h;
    const sample = SAMPLES[key]!;
    const { path, body } = typeof sample === 'function' ? sample(x) : sample;
    const seen: string[] = [];
    const answers: string[] = [];
    for (const c of CALLERS) {
      const before = dbFingerprint(x.h.db);
      const res = await x.h.api(route.method, path, route.method === 'POST' ? (body ?? {}) : undefined, c.bearer(x));
      const code = (res.body as { error?: { code?: string } } | null)?.error?.code;
      const refused = code !== undefined && REFUSED.has(code);
      seen.push(`${c.name}: ${refused ? 'refused' : 'allowed'}`);
      answers.push(`${c.name}: ${res.status} ${code ?? ''}`);
      if (refused) expect(dbFingerprint(x.h.db), `${key} by ${c.name} changed the hall`).toEqual(before);
      expect(res.status, `${key} by ${c.name}`).toBeLessThan(500);
    }
    const expected = CALLERS.map(
      (c) => `${c.name}: ${allowed(route.auth, route.scope, c, route.url === '/api/notices') ? 'allowed' : 'refused'}`,
    );
    expect(seen, answers.join('; ')).toEqual(expected);
  });

  it('a socket without credentials is refused at connect', async () => {
    const x = await seed();
    current = x.h;
    await expect(x.h.connect({})).rejects.toThrow(/timed out/);
  });

  const payloads: Record<CommandName, (x: Seeded) => unknown> = {
    'ticket:take': () => ({ requestId: 'sock-take', serviceId: 'cert' }),
    'window:sign-in': () => ({ requestId: 'sock-si', windowId: 'w1' }),
    'window:sign-out': () => ({ requestId: 'sock-so', windowId: 'w1' }),
    'window:call-next': () => ({ requestId: 'sock-cn', windowId: 'w1' }),
    'window:call-ticket': (x) => ({ requestId: 'sock-ct', windowId: 'w1', ticketId: x.called }),
    'window:recall': () => ({ requestId: 'sock-rc', windowId: 'w1' }),
    'window:no-show': () => ({ requestId: 'sock-ns', windowId: 'w1' }),
    'window:start': () => ({ requestId: 'sock-st', windowId: 'w1' }),
    'window:finish': () => ({ requestId: 'sock-fi', windowId: 'w1' }),
    'window:pause': () => ({ requestId: 'sock-pa', windowId: 'w1', reason: 'meeting' }),
    'window:resume': () => ({ requestId: 'sock-re', windowId: 'w1' }),
    'ticket:transfer': (x) => ({ requestId: 'sock-tr', ticketId: x.called, toQueueId: 'long' }),
    'hall:carry-over': () => ({ requestId: 'sock-co', toWindowId: 'w1' }),
    'appointment:book': () => ({
      requestId: 'sock-ap',
      code: 'WXYZ9876',
      serviceId: 'cert',
      day: '2026-11-24',
      start: '09:00',
      end: '10:00',
    }),
    'appointment:reserve': () => ({
      requestId: 'sock-rs',
      serviceId: 'cert',
      day: '2026-11-24',
      start: '09:00',
      name: '张三',
      phone: '13812345678',
    }),
    'appointment:cancel': () => ({ requestId: 'sock-cx', code: 'NOPE2345' }),
    'appointment:reschedule': () => ({ requestId: 'sock-rsch', code: 'NOPE2345', day: '2026-11-24', start: '09:00' }),
    'appointment:import': () => ({
      requestId: 'sock-im',
      items: [{ code: 'IMP99999', serviceId: 'cert', day: '2026-11-24', start: '09:00' }],
    }),
    'ticket:take-remote': () => ({ requestId: 'sock-tr2', serviceId: 'cert', phone: '13812345678' }),
    'ticket:arrive': (x) => ({ requestId: 'sock-arr', ticketId: x.called }),
    'ticket:reactivate': (x) => ({ requestId: 'sock-rea', ticketId: x.called }),
    'case:update': () => ({ requestId: 'sock-cu', caseId: 'no-such-case', action: 'done' }),
    'notice:create': () => ({ requestId: 'sock-nc', citizenName: '王五', serviceId: 'cert', missing: ['申请表'] }),
    'rating:submit': (x) => ({ requestId: 'sock-rt', ticketId: x.done, level: 4 }),
    'ticket:issue': () => ({ requestId: 'sock-gi', serviceId: 'cert', citizenName: '李四' }),
    'ticket:green': (x) => ({ requestId: 'sock-gg', ticketId: x.waiting, reason: 'exam' }),
    'ticket:hold': (x) => ({ requestId: 'sock-gh', ticketId: x.waiting }),
    'ticket:release': (x) => ({ requestId: 'sock-gr', ticketId: x.waiting }),
    // --- complaints, follow-ups, duty leader (issue 17) ---
    'complaint:record': () => ({ requestId: 'sock-cr', channel: 'hotline', text: '等候时间过长' }),
    'complaint:assign': () => ({ requestId: 'sock-ca', complaintId: 'nope', officerId: 'a1' }),
    'complaint:close': () => ({ requestId: 'sock-cc', complaintId: 'nope', result: '已处理' }),
    'followup:close': () => ({ requestId: 'sock-fc', followUpId: 'nope', action: '已回访' }),
    'window:help': () => ({ requestId: 'sock-help', windowId: 'w1' }),
  };

  it.each(commandNames.map((n) => [n] as const))('socket %s', async (name) => {
    const x = await seed();
    current = x.h;
    const seen: string[] = [];
    for (const c of CALLERS.filter((k) => k.role !== 'anonymous')) {
      const bearer = c.bearer(x)!;
      const conn = await x.h.connect(
        c.role === 'officer' || c.role === 'manager' || c.role === 'guide' ? { token: bearer } : { key: bearer },
      );
      const before = dbFingerprint(x.h.db);
      const res = await conn.send(name, { ...(payloads[name](x) as object), requestId: `${name}-${c.name}` });
      const refused = !res.ok && REFUSED.has(res.error.code);
      seen.push(`${c.name}: ${refused ? 'refused' : 'allowed'}`);
      if (refused) expect(dbFingerprint(x.h.db), `${name} by ${c.name} changed the hall`).toEqual(before);
      conn.close();
    }
    const expected = CALLERS.filter((k) => k.role !== 'anonymous').map(
      (c) =>
        `${c.name}: ${allowed(commandRoles[name], commandScopes[name] ?? undefined, c, name === 'notice:create') ? 'allowed' : 'refused'}`,
    );
    expect(seen).toEqual(expected);
  });
});
