import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, type CommandName } from '@yichuang/protocol';
import { routes } from '../../apps/hub/src/rest/route-table.ts';
import { dbFingerprint, startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * Random bodies at every POST route and random payloads at every socket command, with the most
 * privileged credentials that route accepts: the hub must answer 4xx (or an error ack), never 5xx,
 * never crash, and the database must stay as it was.
 */

const KIOSK = 'kiosk-1-secret';
let h: Harness;
let a1: string;
let m1: string;

beforeAll(async () => {
  h = await startHub(testHallConfig());
  a1 = await h.login('a1');
  m1 = await h.login('m1');
  await h.api('POST', '/api/tickets', { requestId: 'seed', serviceId: 'cert' }, KIOSK);
  await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
});
afterAll(async () => {
  await h.close();
});

/** JSON-able junk: wrong types, unicode, long strings, nested objects and arrays, prototype keys. */
const junkValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 2 ** 53, ''),
    fc.double({ noNaN: true }),
    fc.integer(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('w1', 'cert', 'A001', '__proto__', 'constructor', '9999', '<script>alert(1)</script>', '号'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom('requestId', 'serviceId', 'windowId', 'ticketId', 'level', 'reason', '__proto__', 'config'),
        fc.string({ maxLength: 8 }),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** Bodies no schema accepts: odd JSON shapes, deep nesting, a huge string, broken text. */
const extremes: string[] = [
  '[]',
  '"text"',
  '42',
  'null',
  '{"requestId":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
  JSON.stringify({ requestId: 'x'.repeat(60_000) }),
  '{"a":',
  '\u0000\u0001',
  '{"requestId":"\ud800"}',
];

function bearerFor(auth: 'anyone' | readonly string[]): string | undefined {
  if (auth === 'anyone') return undefined;
  if (auth.includes('manager')) return m1;
  if (auth.includes('officer')) return a1;
  if (auth.includes('kiosk')) return KIOSK;
  return 'rater-1-secret';
}

// Logout takes no body: an empty one ({} or none) is the logout itself, tried below with a token of its own.
const posts = routes.filter((r) => r.method === 'POST' && r.url !== '/api/auth/login' && r.url !== '/api/auth/logout');

describe('fuzzed REST bodies', () => {
  it.each(posts.map((r) => [r.url, r] as const))('POST %s', async (_url, route) => {
    const path = route.url.replace(':id', route.url.startsWith('/api/windows') ? 'w1' : 'nope');
    const bearer = bearerFor(route.auth);
    const before = dbFingerprint(h.db);
    const send = async (raw: string): Promise<void> => {
      const res = await fetch(h.url + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
        },
        body: raw,
      });
      const text = await res.text();
      expect(res.status, `${path} ${raw.slice(0, 80)} → ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path} ${raw.slice(0, 80)} → ${text.slice(0, 200)}`).toBeLessThan(500);
      expect((JSON.parse(text) as { error: { code: string } }).error.code).toMatch(/^[A-Z_]+$/);
    };
    for (const raw of extremes) await send(raw);
    await fc.assert(
      fc.asyncProperty(junkValue, async (v) => {
        // A junk object that happens to carry a valid body is not junk: it is kept out by its shape.
        const body = typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, requestId: 7 } : v;
        await send(JSON.stringify(body));
      }),
      { numRuns: 40, seed: 20261201 },
    );
    expect(dbFingerprint(h.db)).toEqual(before);
  });
});

describe('fuzzed logout bodies', () => {
  it('junk bodies are refused and the token still works', async () => {
    const token = await h.login('a2');
    for (const raw of ['[]', '"text"', '42', '{"a":', '{"token":"x"}', '{"__proto__":{}}', ...extremes.slice(4)]) {
      const res = await fetch(`${h.url}/api/auth/logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: raw,
      });
      expect(res.status, raw.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.status, raw.slice(0, 40)).toBeLessThan(500);
    }
    expect((await h.api('GET', '/api/hall', undefined, token)).status).toBe(200);
  });
});

describe('fuzzed socket payloads', () => {
  it('every command with junk answers an error ack and changes nothing; the hub stays up', async () => {
    const officer = await h.connect({ token: a1 });
    const manager = await h.connect({ token: m1 });
    const kiosk = await h.connect({ key: KIOSK });
    const via = (name: CommandName) =>
      name === 'ticket:take' ? kiosk : name === 'hall:carry-over' || name === 'appointment:book' ? manager : officer;
    const before = dbFingerprint(h.db);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commandNames), junkValue, async (name, v) => {
        const payload = typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, requestId: [] } : v;
        const res = await via(name).send(name, payload as never);
        expect(res.ok).toBe(false);
        if (!res.ok) expect(res.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 300, seed: 1201 },
    );
    // A payload over the socket limit closes that socket only.
    (officer.socket as unknown as { emit: (event: string, payload: unknown) => void }).emit('window:call-next', {
      requestId: 'x'.repeat(70_000),
      windowId: 'w1',
    });
    expect(dbFingerprint(h.db)).toEqual(before);
    expect((await h.api('GET', '/api/health')).status).toBe(200);
  });
});
