import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type CityDb } from '../../apps/city/src/city-db.ts';
import { cityConfigSchema } from '../../apps/city/src/city-config.ts';
import { createCityServer, type CityServer } from '../../apps/city/src/city-server.ts';
import { hashKey, prepareCity } from '../../apps/city/src/ingest.ts';
import type { HaochaBatch } from '../../apps/city/src/haocha/haocha-batch.ts';
import { uploadOnce } from '../../apps/city/src/haocha/haocha-sender.ts';
import { cityConfigFor, hallWorkload } from '../support/city-harness.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** 好差评 upload: every rating reaches the provincial platform exactly once, whatever the platform does. */
const ids = ['hall-1', 'hall-2'];
const base = cityConfigFor(ids);
const HALL_MANAGER = 'hall-2-manager-token-0123';
const RATER = 'rater-1-secret';
const KIOSK = 'kiosk-1-secret';
let db: CityDb;
let city: CityServer;
let url: string;
const hubs: Harness[] = [];

/** A stand-in provincial platform: a real HTTP server that answers each request as `plan` says. */
const platform = {
  requests: [] as { key: string | undefined; auth: string | undefined; body: string }[],
  plan: [] as ('fail' | 'hang' | 'ok')[],
  server: null as Server | null,
  url: '',
};

async function rate(h: Harness, tag: string, level: number, reason?: string): Promise<void> {
  const a1 = await h.login('a1');
  await h.api('POST', '/api/tickets', { requestId: `${tag}-k`, serviceId: 'idcard' }, KIOSK);
  const c = await h.api('POST', '/api/windows/w1/call-next', { requestId: `${tag}-c` }, a1);
  const t = (c.body as { ticket: { id: string } }).ticket;
  await h.api('POST', '/api/windows/w1/start', {}, a1);
  h.clock.now += 120_000;
  await h.api('POST', '/api/windows/w1/finish', {}, a1);
  const r = await h.api('POST', '/api/ratings', { ticketId: t.id, level, reason }, RATER);
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
}

beforeAll(async () => {
  platform.server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      platform.requests.push({ key: req.headers['idempotency-key'] as string, auth: req.headers.authorization, body });
      const what = platform.plan.shift() ?? 'ok';
      if (what === 'hang') return; // never answers: the city gives up at its timeout
      res.writeHead(what === 'ok' ? 200 : 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(what === 'ok' ? { code: 0, accepted: true } : { code: 500, message: 'busy' }));
    });
  });
  await new Promise<void>((r) => platform.server!.listen(0, '127.0.0.1', r));
  platform.url = `http://127.0.0.1:${(platform.server.address() as AddressInfo).port}/haocha/batch`;

  const config = cityConfigSchema.parse({
    ...base.config,
    staff: [...base.config.staff, { name: '南岸主任', tokenHash: hashKey(HALL_MANAGER), hallId: 'hall-2' }],
    haocha: { url: platform.url, token: 'province-token-123', batchSize: 4, timeoutMs: 500 },
  });
  db = await openPglite();
  await prepareCity(db, config.halls);
  city = createCityServer({ db, config, log: () => undefined });
  url = await city.listen(0);
  for (const id of ids) {
    const h = await startHub({
      ...testHallConfig(),
      city: { url, hallId: id, hallKey: base.keys.get(id)!, intervalMs: 100 },
    });
    hubs.push(h);
    await hallWorkload(h, 8, `w-${id}`);
    await rate(h, `low1-${id}`, 1, 'waited-long');
    await rate(h, `low2-${id}`, 2, '窗口人员办事时玩手机');
  }
  const end = Date.now() + 20_000;
  for (;;) {
    const rows = await db.query<{ acked_seq: number }>('SELECT acked_seq FROM halls ORDER BY hall_id');
    if (rows.every((r, i) => r.acked_seq === hubs[i]!.hub.bus.lastSeq)) break;
    if (Date.now() > end) throw new Error('the city did not catch up');
    await new Promise((r) => setTimeout(r, 50));
  }
}, 60_000);

afterAll(async () => {
  for (const h of hubs) await h.close();
  await city.close();
  await db.close();
  platform.server?.close();
});

const settings = () => ({
  url: platform.url,
  token: 'province-token-123',
  batchSize: 4,
  intervalMs: 1000,
  timeoutMs: 500,
});

describe('好差评 upload', () => {
  it('sends every rating exactly once through a failing and a silent platform and a restart; resends are identical', async () => {
    const ratings = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM city_ratings'))[0]!.n;
    expect(ratings).toBeGreaterThanOrEqual(8);
    platform.plan = ['fail', 'hang'];
    // Run 1: the first batch is refused (500). Run 2 (as after a restart: nothing in memory): no answer.
    expect(await uploadOnce(db, settings(), Date.now, () => undefined)).toEqual({ sent: 0, failed: 1 });
    expect(await uploadOnce(db, settings(), Date.now, () => undefined)).toEqual({ sent: 0, failed: 1 });
    // The same batch both times, body for body: rebuilt it would not be.
    expect(platform.requests).toHaveLength(2);
    expect(platform.requests[1]!.key).toBe(platform.requests[0]!.key);
    expect(platform.requests[1]!.body).toBe(platform.requests[0]!.body);
    expect(platform.requests[0]!.auth).toBe('Bearer province-token-123');
    expect((await db.query('SELECT id FROM haocha_batches')).length).toBe(1);
    // Run 3: the platform takes everything, four ratings a batch.
    const r = await uploadOnce(db, settings(), Date.now, () => undefined);
    expect(r.failed).toBe(0);
    expect(r.sent).toBe(Math.ceil(ratings / 4));
    // Nothing left: another run sends nothing.
    const before = platform.requests.length;
    expect(await uploadOnce(db, settings(), Date.now, () => undefined)).toEqual({ sent: 0, failed: 0 });
    expect(platform.requests.length).toBe(before);

    // Accepted batches (each id once in the accepted answers) hold every rating exactly once.
    const accepted = new Map<string, HaochaBatch>();
    for (const q of platform.requests.slice(2)) accepted.set(q.key!, JSON.parse(q.body) as HaochaBatch);
    const evaluations = [...accepted.values()].flatMap((b) => b.records.map((x) => x.evaluationId));
    expect(evaluations).toHaveLength(ratings);
    expect(new Set(evaluations).size).toBe(ratings);
    const stored = await db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM haocha_batches GROUP BY status',
    );
    expect(stored).toEqual([{ status: 'sent', n: accepted.size }]);
    const first = await db.query<{ attempts: number; last_error: string | null }>(
      'SELECT attempts, last_error FROM haocha_batches WHERE id = $1',
      [platform.requests[0]!.key],
    );
    expect(first[0]).toEqual({ attempts: 3, last_error: null });

    // The mapping: five grades, our reason codes, the citizen's own words as 99 with the note.
    const records = [...accepted.values()].flatMap((b) => b.records);
    expect(new Set(records.map((x) => `${x.grade}${x.gradeText}`))).toEqual(
      new Set(['5非常满意', '4满意', '3基本满意', '2不满意', '1非常不满意']),
    );
    const low1 = records.find((x) => x.grade === '1')!;
    expect(low1).toMatchObject({
      reasonCode: '01',
      reasonText: '等候时间长',
      reasonNote: null,
      channel: '1',
      serviceName: '居民身份证换领',
    });
    expect(low1.evaluatedAt).toMatch(/^2026-11-23T\d\d:\d\d:\d\d\+08:00$/);
    const low2 = records.find((x) => x.grade === '2')!;
    expect(low2).toMatchObject({ reasonCode: '99', reasonText: '其他', reasonNote: '窗口人员办事时玩手机' });
    expect(records.find((x) => x.grade === '5')!.reasonCode).toBeNull();
  });

  it('lets a city manager list, read (JSON, CSV) and build batches; a hall manager may not', async () => {
    const get = (path: string, token = base.staffToken, method = 'GET') =>
      fetch(url + path, { method, headers: { authorization: `Bearer ${token}` } });
    const list = (await (await get('/city/api/haocha/batches')).json()) as {
      notInBatch: number;
      batches: { id: string; count: number; status: string; first: string | null; last: string | null }[];
    };
    expect(list.notInBatch).toBe(0);
    expect(list.batches.every((b) => b.status === 'sent')).toBe(true);
    const id = list.batches[0]!.id;
    const json = (await (await get(`/city/api/haocha/batches/${id}`)).json()) as HaochaBatch;
    expect(json.batchId).toBe(id);
    expect([list.batches[0]!.first, list.batches[0]!.last]).toEqual([
      json.records[0]!.evaluationId,
      json.records.at(-1)!.evaluationId,
    ]);
    const csv = await (await get(`/city/api/haocha/batches/${id}?format=csv`)).text();
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.startsWith('evaluationId,hallId,hallName')).toBe(true);
    expect(lines).toHaveLength(json.count + 1);
    expect((await get('/city/api/haocha/batches', HALL_MANAGER)).status).toBe(403);
    expect((await get('/city/api/haocha/batches/not-an-id')).status).toBe(400);
    expect((await get('/city/api/haocha/batches/HC20261123-000000000000')).status).toBe(404);
    // A new rating comes in; building by hand puts it in a batch of its own.
    await rate(hubs[0]!, 'late', 4);
    const end = Date.now() + 10_000;
    while ((await db.query('SELECT 1 FROM city_ratings')).length < list.batches.reduce((n, b) => n + b.count, 0) + 1) {
      if (Date.now() > end) throw new Error('the late rating did not arrive');
      await new Promise((r) => setTimeout(r, 50));
    }
    const built = await get('/city/api/haocha/batches', base.staffToken, 'POST');
    expect(built.status).toBe(201);
    expect(((await built.json()) as { batch: { count: number } }).batch.count).toBe(1);
    expect(
      ((await (await get('/city/api/haocha/batches', base.staffToken, 'POST')).json()) as { batch: null }).batch,
    ).toBeNull();
  });
});
