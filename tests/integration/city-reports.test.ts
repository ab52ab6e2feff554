import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallReport } from '@yichuang/protocol';
import { openPglite, type CityDb } from '../../apps/city/src/city-db.ts';
import { createCityServer, type CityServer } from '../../apps/city/src/city-server.ts';
import { hashKey, prepareCity } from '../../apps/city/src/ingest.ts';
import type { CityReport } from '../../apps/city/src/reports/city-report.ts';
import { cityConfigFor, hallWorkload } from '../support/city-harness.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * City reports against the halls' own: two halls play two days (calls, no-shows, transfers, ratings
 * high and low with reasons, pauses, empty posts), push to a real city, and for every hall and day the
 * city's numbers are the hall's daily report's; the city's range report is their sum.
 */
const ids = ['hall-1', 'hall-2'];
const { config, keys, staffToken } = cityConfigFor(ids);
const DAYS = ['2026-11-23', '2026-11-24'];
const RATER = 'rater-1-secret';
const KIOSK = 'kiosk-1-secret';
let db: CityDb;
let city: CityServer;
let url: string;
const hubs: Harness[] = [];

async function cityGet(path: string, token = staffToken): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null,
  };
}

/** Extra events the morning workload has not: a transfer, and low ratings with reasons. */
async function lowAndTransfer(h: Harness, tag: string): Promise<void> {
  const a1 = await h.login('a1');
  for (let i = 0; i < 3; i++)
    await h.api('POST', '/api/tickets', { requestId: `${tag}-x${i}`, serviceId: 'cert' }, KIOSK);
  for (let i = 0; i < 3; i++) {
    h.clock.now += 45_000;
    const c = await h.api('POST', '/api/windows/w1/call-next', { requestId: `${tag}-xc${i}` }, a1);
    const t = (c.body as { ticket: { id: string } | null }).ticket;
    if (t === null) continue;
    if (i === 2) {
      await h.api('POST', `/api/tickets/${t.id}/transfer`, { toQueueId: 'long' }, a1);
      continue;
    }
    await h.api('POST', '/api/windows/w1/start', {}, a1);
    h.clock.now += 200_000;
    await h.api('POST', '/api/windows/w1/finish', {}, a1);
    const r = await h.api(
      'POST',
      '/api/ratings',
      { ticketId: t.id, level: i + 1, reason: i === 0 ? 'waited-long' : 'attitude' },
      RATER,
    );
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  }
}

beforeAll(async () => {
  db = await openPglite();
  await prepareCity(db, config.halls);
  city = createCityServer({ db, config, clock: () => MONDAY_10AM + 3 * 86_400_000, log: () => undefined });
  url = await city.listen(0);
  for (const [i, id] of ids.entries()) {
    const h = await startHub(
      { ...testHallConfig(), city: { url, hallId: id, hallKey: keys.get(id)!, intervalMs: 100 } },
      MONDAY_10AM - 3600_000,
    );
    hubs.push(h);
    await hallWorkload(h, 12 + i * 5, `d1-${id}`);
    await lowAndTransfer(h, `d1-${id}`);
    // The next morning: the day turns over, the hall opens again.
    h.clock.now = MONDAY_10AM + 86_400_000 - 1800_000;
    h.hub.bus.tick();
    await hallWorkload(h, 9 + i * 3, `d2-${id}`);
    await lowAndTransfer(h, `d2-${id}`);
  }
  const end = Date.now() + 30_000;
  for (;;) {
    const rows = await db.query<{ acked_seq: number }>('SELECT acked_seq FROM halls ORDER BY hall_id');
    const profiles = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM city_hall_profiles');
    if (profiles[0]!.n === 2 && rows.every((r, i) => r.acked_seq === hubs[i]!.hub.bus.lastSeq)) break;
    if (Date.now() > end) throw new Error('the city did not catch up');
    await new Promise((r) => setTimeout(r, 50));
  }
}, 120_000);

afterAll(async () => {
  for (const h of hubs) await h.close();
  await city.close();
  await db.close();
});

/** The parts of a report the city and the hall both know (officers by id: the city has no names). */
function comparable(r: HallReport) {
  return {
    totals: r.totals,
    queues: r.queues,
    windows: r.windows,
    hours: r.hours,
    days: r.days,
    ratings: r.ratings,
    officers: r.officers.filter((o) => o.served + o.noShow > 0 || o.ratings.count > 0).map(({ name: _n, ...o }) => o),
    outcomes: r.outcomes,
  };
}

describe('city reports', () => {
  it('each hall and day equals that hall’s own daily report', async () => {
    for (const [i, id] of ids.entries()) {
      const m1 = await hubs[i]!.login('m1');
      for (const day of DAYS) {
        const own = await hubs[i]!.api('GET', `/api/reports/daily?date=${day}`, undefined, m1);
        expect(own.status).toBe(200);
        const c = await cityGet(`/city/api/reports?from=${day}&to=${day}&hallId=${id}`);
        expect(c.status).toBe(200);
        const mine = (c.body as CityReport).halls[0]!.report!;
        expect(mine.totals.issued, `${id} ${day}`).toBeGreaterThan(5);
        expect(comparable(mine), `${id} ${day}`).toEqual(comparable(own.body as HallReport));
      }
    }
  });

  it('the city’s range report is the sum of every hall’s daily reports, in JSON and CSV', async () => {
    const daily: HallReport[] = [];
    for (const h of hubs) {
      const m1 = await h.login('m1');
      for (const day of DAYS) daily.push((await h.api('GET', `/api/reports/daily?date=${day}`, undefined, m1)).body);
    }
    const sum = (f: (r: HallReport) => number): number => daily.reduce((n, r) => n + f(r), 0);
    const c = (await cityGet(`/city/api/reports?from=${DAYS[0]}&to=${DAYS[1]}`)).body as CityReport;
    expect(c.halls.map((h) => h.hallId)).toEqual(ids);
    expect(c.totals).toMatchObject({
      halls: 2,
      issued: sum((r) => r.totals.issued),
      served: sum((r) => r.totals.served),
      noShow: sum((r) => r.totals.noShow),
      transferred: sum((r) => r.totals.transferred),
      ratings: {
        count: sum((r) => r.ratings.count),
        low: sum((r) => r.ratings.low.length),
        levels: Object.fromEntries(['1', '2', '3', '4', '5'].map((l) => [l, sum((r) => r.ratings.levels[l as '1'])])),
      },
    });
    expect(c.totals.transferred).toBeGreaterThanOrEqual(4);
    expect(c.totals.ratings.low).toBeGreaterThanOrEqual(8);
    expect(c.totals.wait.count).toBe(sum((r) => r.totals.wait.count));
    const meanWait = sum((r) => r.totals.wait.meanS * r.totals.wait.count) / sum((r) => r.totals.wait.count);
    // Each hall's mean is given to 0.1 s: the city's mean of two days may differ from the mean of the daily means by that.
    expect(Math.abs(c.totals.wait.meanS - meanWait)).toBeLessThan(0.5);
    const pauses = sum((r) =>
      r.windows.reduce(
        (n, w) => n + w.pauseMinutes.meal + w.pauseMinutes.away + w.pauseMinutes.meeting + w.pauseMinutes.other,
        0,
      ),
    );
    expect(c.totals.pauseMinutes).toBeCloseTo(pauses, 6);
    expect(c.totals.pauseMinutes).toBeGreaterThan(0);

    const csv = await cityGet(`/city/api/reports?from=${DAYS[0]}&to=${DAYS[1]}&format=csv`);
    // UTF-8 with a BOM (fetch's text() drops it: read the bytes), Chinese headers.
    const raw = await fetch(`${url}/city/api/reports?from=${DAYS[0]}&to=${DAYS[1]}&format=csv`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.replace(/^\ufeff/, '').startsWith('大厅 hall,取号 issued')).toBe(true);
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]!.split(',')[1]).toBe(String(c.totals.issued));

    // XLSX: a workbook with the halls' sheet (the same rows) and the low ratings.
    const xres = await fetch(`${url}/city/api/reports?from=${DAYS[0]}&to=${DAYS[1]}&format=xlsx`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect(xres.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xres.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各大厅 Halls', '差评 Low ratings']);
    expect(wb.worksheets[0]!.getRow(4).getCell(2).value).toBe(c.totals.issued);
    expect(wb.worksheets[1]!.rowCount - 1).toBe(c.totals.ratings.low);
  });

  it('refuses a bad range with the error shape, and keeps a hall manager to their hall', async () => {
    for (const q of [
      'from=2026-11-24&to=2026-11-23',
      'from=2026-01-01&to=2026-12-31',
      'from=x&to=y',
      'from=2026-11-23&to=2026-11-23&format=pdf',
    ])
      expect((await cityGet(`/city/api/reports?${q}`)).body.error.code, q).toBe('BAD_REQUEST');
    expect((await cityGet(`/city/api/reports?from=${DAYS[0]}&to=${DAYS[0]}`, 'nope')).status).toBe(401);
    // A hall manager sees their hall's report, and only theirs.
    const mgr = 'hall-2-manager-token-0123';
    config.staff.push({ name: '南岸主任', tokenHash: hashKey(mgr), hallId: 'hall-2' });
    const own = await cityGet(`/city/api/reports?from=${DAYS[0]}&to=${DAYS[0]}`, mgr);
    expect((own.body as CityReport).halls.map((h) => h.hallId)).toEqual(['hall-2']);
    expect((await cityGet(`/city/api/reports?from=${DAYS[0]}&to=${DAYS[0]}&hallId=hall-1`, mgr)).status).toBe(403);
  });
});
