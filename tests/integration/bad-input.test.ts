import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFingerprint, startHub, type Harness } from '../support/hub-harness.ts';

const KIOSK = 'kiosk-1-secret';
const DISPLAY = 'display-1-secret';
/** The rater screen of w1 (t1 is called there; t2 was served at w2). */
const RATER = 'rater-1-secret';
let h: Harness;
let a1: string;
let a2: string;
let mgr: string;
let b3: string;

beforeAll(async () => {
  h = await startHub();
  a1 = await h.login('a1');
  a2 = await h.login('a2');
  mgr = await h.login('m1');
  b3 = await h.login('b3');
  // Some state to protect: a1 holds w1 with a called ticket (t1); a2 at w2 finished t2; t3 waits.
  await h.api('POST', '/api/tickets', { requestId: 'seed-1', serviceId: 'cert' }, KIOSK);
  await h.api('POST', '/api/tickets', { requestId: 'seed-2', serviceId: 'cert' }, KIOSK);
  await h.api('POST', '/api/tickets', { requestId: 'seed-3', serviceId: 'cert' }, KIOSK);
  await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
  await h.api('POST', '/api/windows/w1/call-next', { requestId: 'seed-c' }, a1);
  await h.api('POST', '/api/windows/w2/sign-in', {}, a2);
  await h.api('POST', '/api/windows/w2/call-next', { requestId: 'seed-c2' }, a2);
  const done = await h.api('POST', '/api/windows/w2/finish', {}, a2);
  if (done.status !== 200) throw new Error(`seed finish: ${JSON.stringify(done.body)}`);
});
afterAll(async () => {
  await h.close();
});

type Case = [
  name: string,
  method: string,
  path: string,
  body: unknown,
  bearer: () => string | undefined,
  status: number,
  code: string,
];

const big = JSON.stringify({ requestId: 'big', serviceId: 'cert', pad: 'x'.repeat(70 * 1024) });

const cases: Case[] = [
  [
    'unknown service',
    'POST',
    '/api/tickets',
    { requestId: 'u1', serviceId: 'nope' },
    () => KIOSK,
    404,
    'UNKNOWN_SERVICE',
  ],
  ['unknown window', 'POST', '/api/windows/w99/sign-in', {}, () => a1, 404, 'UNKNOWN_WINDOW'],
  ['unknown ticket', 'GET', '/api/tickets/nope', undefined, () => undefined, 404, 'UNKNOWN_TICKET'],
  [
    'transfer of an unknown ticket',
    'POST',
    '/api/tickets/nope/transfer',
    { toQueueId: 'long' },
    () => a1,
    404,
    'UNKNOWN_TICKET',
  ],
  [
    'transfer to an unknown queue',
    'POST',
    '/api/tickets/t1/transfer',
    { toQueueId: 'nope' },
    () => a1,
    404,
    'UNKNOWN_QUEUE',
  ],
  [
    'serviceId of the wrong type',
    'POST',
    '/api/tickets',
    { requestId: 'w1', serviceId: 5 },
    () => KIOSK,
    400,
    'VALIDATION_FAILED',
  ],
  [
    'unknown green reason',
    'POST',
    '/api/tickets',
    { requestId: 'w2', serviceId: 'cert', green: 'vip' },
    () => KIOSK,
    400,
    'VALIDATION_FAILED',
  ],
  [
    'empty requestId',
    'POST',
    '/api/tickets',
    { requestId: '', serviceId: 'cert' },
    () => KIOSK,
    400,
    'VALIDATION_FAILED',
  ],
  ['missing requestId on call-next', 'POST', '/api/windows/w1/call-next', {}, () => a1, 400, 'VALIDATION_FAILED'],
  [
    'an unexpected field',
    'POST',
    '/api/tickets',
    { requestId: 'w3', serviceId: 'cert', admin: true },
    () => KIOSK,
    400,
    'VALIDATION_FAILED',
  ],
  ['a body that is an array', 'POST', '/api/tickets', [1, 2], () => KIOSK, 400, 'VALIDATION_FAILED'],
  [
    'pause without a valid reason',
    'POST',
    '/api/windows/w1/pause',
    { reason: 'nap' },
    () => a1,
    400,
    'VALIDATION_FAILED',
  ],
  ['malformed JSON', 'POST', '/api/tickets', '{"requestId": "m1", ', () => KIOSK, 400, 'BAD_JSON'],
  ['a body over 64 KB', 'POST', '/api/tickets', big, () => KIOSK, 413, 'BODY_TOO_LARGE'],
  [
    'no credentials',
    'POST',
    '/api/tickets',
    { requestId: 'n1', serviceId: 'cert' },
    () => undefined,
    401,
    'UNAUTHENTICATED',
  ],
  [
    'a wrong key',
    'POST',
    '/api/tickets',
    { requestId: 'n2', serviceId: 'cert' },
    () => 'not-a-key',
    401,
    'UNAUTHENTICATED',
  ],
  ['hall without credentials', 'GET', '/api/hall', undefined, () => undefined, 401, 'UNAUTHENTICATED'],
  ['a wrong PIN', 'POST', '/api/auth/login', { officerId: 'a3', pin: '0000' }, () => undefined, 401, 'BAD_CREDENTIALS'],
  [
    'an unknown officer',
    'POST',
    '/api/auth/login',
    { officerId: 'zz', pin: '1234' },
    () => undefined,
    401,
    'BAD_CREDENTIALS',
  ],
  [
    'a display taking a ticket',
    'POST',
    '/api/tickets',
    { requestId: 'r1', serviceId: 'cert' },
    () => DISPLAY,
    403,
    'FORBIDDEN',
  ],
  ['a kiosk calling next', 'POST', '/api/windows/w1/call-next', { requestId: 'r2' }, () => KIOSK, 403, 'FORBIDDEN'],
  [
    'an officer carrying over',
    'POST',
    '/api/hall/carry-over',
    { requestId: 'r3', toWindowId: 'w1' },
    () => a1,
    403,
    'FORBIDDEN',
  ],
  [
    'an officer taking a ticket',
    'POST',
    '/api/tickets',
    { requestId: 'r4', serviceId: 'cert' },
    () => a1,
    403,
    'FORBIDDEN',
  ],
  [
    'calling at a window one does not hold',
    'POST',
    '/api/windows/w2/call-next',
    { requestId: 'h1' },
    () => a1,
    403,
    'NOT_HOLDER',
  ],
  ['finishing at a window one does not hold', 'POST', '/api/windows/w1/finish', {}, () => a2, 403, 'NOT_HOLDER'],
  [
    'signing in to a window one is not rostered on',
    'POST',
    '/api/windows/w1/sign-in',
    {},
    () => a2,
    403,
    'NOT_ROSTERED',
  ],
  [
    'transferring another window’s ticket',
    'POST',
    '/api/tickets/t1/transfer',
    { toQueueId: 'long' },
    () => a2,
    403,
    'NOT_HOLDER',
  ],
  [
    'call-next while holding a ticket',
    'POST',
    '/api/windows/w1/call-next',
    { requestId: 'b1' },
    () => a1,
    409,
    'WINDOW_BUSY',
  ],
  ['pausing while holding a ticket', 'POST', '/api/windows/w1/pause', { reason: 'meal' }, () => a1, 409, 'WINDOW_BUSY'],
  ['an unknown route', 'GET', '/api/nothing', undefined, () => undefined, 404, 'NOT_FOUND'],
  [
    'a notice for an unknown matter',
    'POST',
    '/api/notices',
    { citizenName: '张三', serviceId: 'nope', missing: ['居民身份证'] },
    () => a1,
    404,
    'UNKNOWN_SERVICE',
  ],
  [
    'a notice with an empty citizen name',
    'POST',
    '/api/notices',
    { citizenName: '  ', serviceId: 'cert', missing: ['居民身份证'] },
    () => a1,
    400,
    'VALIDATION_FAILED',
  ],
  [
    'a notice with nothing missing',
    'POST',
    '/api/notices',
    { citizenName: '张三', serviceId: 'cert', missing: [] },
    () => a1,
    400,
    'VALIDATION_FAILED',
  ],
  [
    'a notice with seven free lines',
    'POST',
    '/api/notices',
    { citizenName: '张三', serviceId: 'cert', missing: ['1', '2', '3', '4', '5', '6', '7'] },
    () => a1,
    400,
    'VALIDATION_FAILED',
  ],
  [
    'a notice from an officer who holds no window',
    'POST',
    '/api/notices',
    { citizenName: '张三', serviceId: 'cert', missing: ['居民身份证'] },
    () => b3,
    403,
    'NOT_HOLDER',
  ],
  [
    'a notice from a kiosk',
    'POST',
    '/api/notices',
    { citizenName: '张三', serviceId: 'cert', missing: ['x'] },
    () => KIOSK,
    403,
    'FORBIDDEN',
  ],
  ['reprinting an unknown notice', 'POST', '/api/notices/nope/reprint', {}, () => a1, 404, 'UNKNOWN_NOTICE'],
  [
    'notices of a malformed date',
    'GET',
    '/api/notices?date=2026-13-45',
    undefined,
    () => mgr,
    400,
    'VALIDATION_FAILED',
  ],
  ['notices read by a display', 'GET', '/api/notices', undefined, () => DISPLAY, 403, 'FORBIDDEN'],
  ['a rating of 6', 'POST', '/api/ratings', { ticketId: 't2', level: 6 }, () => RATER, 400, 'VALIDATION_FAILED'],
  ['a rating of 0', 'POST', '/api/ratings', { ticketId: 't2', level: 0 }, () => RATER, 400, 'VALIDATION_FAILED'],
  ['a rating of 2.5', 'POST', '/api/ratings', { ticketId: 't2', level: 2.5 }, () => RATER, 400, 'VALIDATION_FAILED'],
  [
    'a low rating without a reason',
    'POST',
    '/api/ratings',
    { ticketId: 't2', level: 1 },
    () => RATER,
    400,
    'VALIDATION_FAILED',
  ],
  [
    'a rating by the officer who served the ticket',
    'POST',
    '/api/ratings',
    { ticketId: 't2', level: 5 },
    () => a2,
    403,
    'FORBIDDEN',
  ],
  [
    'a citizen rating with a wrong link secret',
    'POST',
    '/api/tickets/t2/rating',
    { secret: 'AAAAAAAAAAAAAAAA', level: 5 },
    () => undefined,
    403,
    'FORBIDDEN',
  ],
  [
    'a citizen rating of 6',
    'POST',
    '/api/tickets/t2/rating',
    { secret: 'AAAAAAAAAAAAAAAA', level: 6 },
    () => undefined,
    400,
    'VALIDATION_FAILED',
  ],
  [
    'a citizen rating with a field too many',
    'POST',
    '/api/tickets/t2/rating',
    { secret: 'AAAAAAAAAAAAAAAA', level: 5, ticketId: 't1' },
    () => undefined,
    400,
    'VALIDATION_FAILED',
  ],
  [
    'a rater screen rating another window’s ticket',
    'POST',
    '/api/ratings',
    { ticketId: 't2', level: 5 },
    () => 'rater-1-secret',
    403,
    'FORBIDDEN',
  ],
  [
    'a rating for a ticket still being served',
    'POST',
    '/api/ratings',
    { ticketId: 't1', level: 5 },
    () => RATER,
    409,
    'NOT_RATEABLE',
  ],
  [
    'a rating for an unknown ticket',
    'POST',
    '/api/ratings',
    { ticketId: 'nope', level: 5 },
    () => RATER,
    404,
    'UNKNOWN_TICKET',
  ],
  ['a rating from a kiosk', 'POST', '/api/ratings', { ticketId: 't2', level: 5 }, () => KIOSK, 403, 'FORBIDDEN'],
  [
    'manager booking with a bad time',
    'POST',
    '/api/appointments',
    { requestId: 'ap', code: 'ABCD1234', serviceId: 'cert', day: '2026-11-23', start: '25:00', end: '10:00' },
    () => mgr,
    400,
    'VALIDATION_FAILED',
  ],
];

describe('bad input is refused with a clear error and changes nothing', () => {
  it.each(cases)('%s', async (_name, method, path, body, bearer, status, code) => {
    const before = dbFingerprint(h.db);
    const hallBefore = (await h.api('GET', '/api/hall', undefined, mgr)).body;
    const res = await h.api(method, path, body, bearer());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
    expect(res.body.error.message.length).toBeGreaterThan(3);
    expect(dbFingerprint(h.db)).toEqual(before);
    expect((await h.api('GET', '/api/hall', undefined, mgr)).body).toEqual(hallBefore);
  });

  it('a non-JSON content type is refused', async () => {
    const before = dbFingerprint(h.db);
    const res = await fetch(`${h.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KIOSK}`, 'content-type': 'text/plain' },
      body: 'serviceId=cert',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(dbFingerprint(h.db)).toEqual(before);
    // CSV is taken by the appointments import alone.
    const csv = await fetch(`${h.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KIOSK}`, 'content-type': 'text/csv' },
      body: 'serviceId\ncert\n',
    });
    expect(csv.status).toBe(415);
    expect(dbFingerprint(h.db)).toEqual(before);
  });

  it('bad socket payloads get an error ack and change nothing', async () => {
    const kiosk = await h.connect({ key: KIOSK });
    const before = dbFingerprint(h.db);
    const cases: [string, unknown, string][] = [
      ['ticket:take', { requestId: 's1', serviceId: 42 }, 'VALIDATION_FAILED'],
      ['ticket:take', null, 'VALIDATION_FAILED'],
      ['ticket:take', 'string', 'VALIDATION_FAILED'],
      ['ticket:take', { requestId: 's2', serviceId: 'nope' }, 'UNKNOWN_SERVICE'],
      ['window:call-next', { requestId: 's3', windowId: 'w1' }, 'FORBIDDEN'],
      ['hall:carry-over', { requestId: 's4', toWindowId: 'w1' }, 'FORBIDDEN'],
    ];
    for (const [name, payload, code] of cases) {
      const res = await kiosk.send(name as 'ticket:take', payload as never);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe(code);
    }
    expect(dbFingerprint(h.db)).toEqual(before);
  });
});
