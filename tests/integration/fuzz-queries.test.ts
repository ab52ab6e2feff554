import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../apps/hub/src/rest/route-table.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * Query strings are input too: every GET route is sent extreme and random query strings with the
 * most privileged credential it accepts. Each answers at once with 2xx or 4xx (never 5xx, never a
 * hang: `?date=9999-12-31` once walked the days up to year 10000 and never came back).
 */

let h: Harness;
let m1: string;
const KIOSK = 'kiosk-1-secret';

beforeAll(async () => {
  h = await startHub(testHallConfig());
  m1 = await h.login('m1');
});
afterAll(async () => {
  await h.close();
});

function bearerFor(auth: 'anyone' | readonly string[]): string | undefined {
  if (auth === 'anyone') return undefined;
  if (auth.includes('manager')) return m1;
  if (auth.includes('kiosk')) return KIOSK;
  return 'display-1-secret';
}

const gets = routes.filter((r) => r.method === 'GET');
const pathOf = (url: string): string => url.replace(/:[A-Za-z]+/g, 'nope');

async function ask(url: string, query: string, bearer: string | undefined): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${h.url}${pathOf(url)}?${query}`, {
    headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
    signal: AbortSignal.timeout(5000),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

const extremes = [
  'date=9999-12-31',
  'from=2026-11-01&to=9999-12-31',
  'from=0000-01-01&to=2026-11-23',
  'date=10000-01-01',
  'date=2026-02-30',
  'date=1999-12-31',
  'date=2030-01-01',
  'date=2026-11-23&date=2026-11-24',
  'date[]=2026-11-23',
  'limit=-1',
  'limit=99999999999999999999',
  'limit=1e9',
  'before=NaN',
  'number=' + 'A'.repeat(5000),
  'type=' + encodeURIComponent('<script>'),
  'windowId=' + 'w'.repeat(300),
  'format=pdf',
  'from=2026-11-30&to=2026-11-01',
  '__proto__[x]=1',
  'constructor=1',
];

describe('fuzzed query strings', () => {
  it.each(gets.map((r) => [r.url, r] as const))('GET %s', async (url, route) => {
    const bearer = bearerFor(route.auth);
    for (const q of extremes) {
      const { status, ms } = await ask(url, q, bearer);
      expect(status, `${url}?${q}`).toBeLessThan(500);
      expect(ms, `${url}?${q} took ${Math.round(ms)} ms`).toBeLessThan(3000);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('date', 'from', 'to', 'day', 'limit', 'before', 'type', 'number', 'windowId', 'format', 'x'),
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.integer().map(String),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
            fc.constantFrom('9999-12-31', '0001-01-01', '2026-11-23', 'ticket:', 'csv', 'xlsx'),
          ),
          { maxKeys: 4 },
        ),
        async (params) => {
          const { status } = await ask(url, new URLSearchParams(params).toString(), bearer);
          expect(status, `${url}?${new URLSearchParams(params).toString()}`).toBeLessThan(500);
        },
      ),
      { numRuns: 25, seed: 1205 },
    );
  });

  it('days far in the future are refused with a clear error naming the field', async () => {
    for (const [path, field] of [
      ['/api/reports/daily?date=9999-12-31', 'date'],
      ['/api/reports/range?from=2026-11-01&to=9999-12-31', 'to'],
      ['/api/reports/daily?date=2029-01-01', 'date'],
      ['/api/notices?date=9999-12-31', 'date'],
      ['/api/events?from=9999-12-31', 'from'],
      ['/api/tickets?date=9999-12-31', 'date'],
      ['/api/simulation/history?date=9999-12-31', 'date'],
    ] as const) {
      const res = await h.api('GET', path, undefined, m1);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('VALIDATION_FAILED');
      expect(res.body.error.field, path).toBe(field);
    }
    // Within a year from today is still a valid (empty) report.
    expect((await h.api('GET', '/api/reports/daily?date=2027-06-01', undefined, m1)).status).toBe(200);
  });
});
