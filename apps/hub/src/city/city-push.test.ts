import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, waitFor, type Harness } from '../../../../tests/support/hub-harness.ts';
import { testHallConfig } from '../../../../tests/support/test-hall.ts';
import { keepSecrets, withoutSecrets } from '../config/config-secrets.ts';
import { hallProfileSchema, type HallProfile } from '@yichuang/protocol';
import { CITY_ACK_KEY, MAX_BATCH_BYTES } from './city-push.ts';

const KIOSK = 'kiosk-1-secret';

/**
 * A stand-in city that records each batch and answers with `answer(batch)`; profiles (PUT) are kept
 * in `profiles` and answered with `profileStatus`.
 */
async function fakeCity(answer: (events: { seq: number }[]) => { status: number; ackSeq?: number }) {
  const batches: { auth: string | undefined; hallId: string; seqs: number[]; bytes: number }[] = [];
  const profiles: { path: string; profile: HallProfile }[] = [];
  const fake = { profileStatus: 200 };
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'PUT') {
        profiles.push({ path: req.url ?? '', profile: hallProfileSchema.parse(JSON.parse(text)) });
        res.writeHead(fake.profileStatus, { 'content-type': 'application/json' });
        return void res.end('{}');
      }
      const body = JSON.parse(text) as { hallId: string; events: { seq: number }[] };
      if (body.events.length === 0) {
        // A heartbeat: the last ack again.
        const last = batches.at(-1)?.seqs.at(-1) ?? 0;
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ ackSeq: last }));
      }
      batches.push({
        auth: req.headers.authorization,
        hallId: body.hallId,
        seqs: body.events.map((e) => e.seq),
        bytes: Buffer.byteLength(text),
      });
      const a = answer(body.events);
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.status === 200 ? { ackSeq: a.ackSeq } : { error: { code: 'X', message: 'x' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    batches,
    profiles,
    fake,
    close: () => server.close(),
  };
}

describe('the outbox to the city', () => {
  let h: Harness | null = null;
  let closeCity = (): void => undefined;
  afterEach(async () => {
    await h?.close();
    h = null;
    closeCity();
  });

  it('never shows the hall key to the console, and keeps it when the console sends the config back', async () => {
    h = await startHub({
      ...testHallConfig(),
      city: { url: 'http://127.0.0.1:9', hallId: 'x', hallKey: 'a-hall-key-0123456789', intervalMs: 60_000 },
    });
    const shown = withoutSecrets(h.hub.bus.config) as { city: Record<string, unknown> };
    expect(shown.city).toEqual({
      url: 'http://127.0.0.1:9',
      hallId: 'x',
      batchSize: 500,
      intervalMs: 60_000,
      timeoutMs: 10_000,
    });
    const back = keepSecrets(shown, h.hub.bus.config) as { city: Record<string, unknown> };
    expect(back.city.hallKey).toBe('a-hall-key-0123456789');
  });

  it('pushes in batches after the acked seq, keeps the ack across a restart of the pusher, and resends what the city lost', async () => {
    let lose = false;
    const city = await fakeCity((events) => {
      const last = events.at(-1)!.seq;
      return { status: 200, ackSeq: lose ? 0 : last };
    });
    closeCity = city.close;
    h = await startHub({
      ...testHallConfig(),
      city: { url: city.url, hallId: 'hall-x', hallKey: 'a-hall-key-0123456789', batchSize: 3, intervalMs: 100 },
    });
    for (let i = 0; i < 4; i++) await h.api('POST', '/api/tickets', { requestId: `k${i}`, serviceId: 'cert' }, KIOSK);
    const last = h.hub.bus.lastSeq;
    await waitFor(() => h!.hub.cityPush.status().ackedSeq === last, 5000, 'all pushed');
    expect(city.batches[0]).toMatchObject({ auth: 'Bearer a-hall-key-0123456789', hallId: 'hall-x' });
    expect(city.batches.flatMap((b) => b.seqs)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(city.batches.every((b) => b.seqs.length <= 3)).toBe(true);
    const stored = h.db.prepare('SELECT value FROM hall_meta WHERE key = ?').get(CITY_ACK_KEY) as { value: string };
    expect(JSON.parse(stored.value)).toBe(last);

    // The city lost everything (a restored backup): its lower ack makes the hall send the log again.
    lose = true;
    await h.api('POST', '/api/tickets', { requestId: 'k-more', serviceId: 'cert' }, KIOSK);
    await waitFor(() => h!.hub.cityPush.status().ackedSeq === 0, 5000, 'the lower ack');
    lose = false;
    const before = city.batches.length;
    h.hub.cityPush.nudge();
    await waitFor(() => h!.hub.cityPush.status().ackedSeq === h!.hub.bus.lastSeq, 5000, 'the log sent again');
    expect(city.batches.slice(before)[0]!.seqs[0]).toBe(1);
  });

  it('backs off while the city fails and commands go on at once', async () => {
    const city = await fakeCity(() => ({ status: 503 }));
    closeCity = city.close;
    h = await startHub({
      ...testHallConfig(),
      city: { url: city.url, hallId: 'hall-x', hallKey: 'a-hall-key-0123456789', intervalMs: 100 },
    });
    await h.api('POST', '/api/tickets', { requestId: 'k0', serviceId: 'cert' }, KIOSK);
    await waitFor(() => h!.hub.cityPush.status().failures >= 3, 5000, 'three failures');
    const started = Date.now();
    const res = await h.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, KIOSK);
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(1000);
    const attempts = city.batches.length;
    await new Promise((r) => setTimeout(r, 500));
    // Backed off: 100 ms × 2^failures, so at most one more attempt in half a second.
    expect(city.batches.length - attempts).toBeLessThanOrEqual(1);
    expect(h.hub.cityPush.status()).toMatchObject({
      ackedSeq: 0,
      lastError: expect.stringContaining('503') as unknown,
    });
  });

  it('sends the hall profile once per config version, without secrets, and a failing profile does not hold up the log', async () => {
    const city = await fakeCity((events) => ({ status: 200, ackSeq: events.at(-1)!.seq }));
    closeCity = city.close;
    city.fake.profileStatus = 404;
    h = await startHub({
      ...testHallConfig(),
      city: { url: city.url, hallId: 'hall-x', hallKey: 'a-hall-key-0123456789', intervalMs: 100 },
    });
    await h.api('POST', '/api/tickets', { requestId: 'k0', serviceId: 'cert' }, KIOSK);
    await waitFor(() => h!.hub.cityPush.status().ackedSeq === h!.hub.bus.lastSeq, 5000, 'log pushed without a profile');
    expect(h.hub.cityPush.status().profileVersion).toBeNull();
    city.fake.profileStatus = 200;
    const tries = city.profiles.length;
    await waitFor(() => h!.hub.cityPush.status().profileVersion !== null, 5000, 'profile accepted');
    expect(city.profiles.length).toBeGreaterThan(tries);
    const sent = city.profiles.at(-1)!;
    expect(sent.path).toBe('/city/api/halls/hall-x/profile');
    expect(sent.profile.services.map((s) => s.id)).toEqual(h.hub.bus.config.services.map((s) => s.id));
    expect(sent.profile.windows).toHaveLength(h.hub.bus.config.windows.length);
    const text = JSON.stringify(sent.profile);
    for (const secret of ['pin', 'key', 'officers', 'uri', 'hallKey']) expect(text).not.toContain(`"${secret}"`);
    // Accepted: not sent again while the version stands.
    const count = city.profiles.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(city.profiles.length).toBe(count);
  });

  it('cuts a batch at MAX_BATCH_BYTES so big events never make a body the city refuses', async () => {
    const city = await fakeCity((events) => ({ status: 200, ackSeq: events.at(-1)!.seq }));
    closeCity = city.close;
    h = await startHub({
      ...testHallConfig(),
      city: { url: city.url, hallId: 'hall-x', hallKey: 'a-hall-key-0123456789', batchSize: 1000, intervalMs: 100 },
    });
    await h.hub.cityPush.stop();
    // 40 events of 200 KB each (8 MB) written straight into the log, as a very long day of big events would.
    const big = 'x'.repeat(200 * 1024);
    const insert = h.db.prepare('INSERT INTO events (seq, at, actor, type, payload) VALUES (?, ?, ?, ?, ?)');
    const first = h.hub.bus.lastSeq + 1;
    for (let i = 0; i < 40; i++)
      insert.run(first + i, Date.now(), 'system', 'config:changed', JSON.stringify({ filler: big }));
    const upTo = first + 39;
    const push = new (await import('./city-push.ts')).CityPush({
      db: h.db,
      settings: () => h!.hub.bus.config.city,
      publishedSeq: () => upTo,
      profile: () => ({ ...sampleProfile(), version: 1 }),
      log: () => undefined,
    });
    push.start();
    try {
      await waitFor(() => push.status().ackedSeq === upTo, 10_000, 'all pushed');
    } finally {
      await push.stop();
    }
    expect(city.batches.length).toBeGreaterThanOrEqual(3);
    expect(city.batches.every((b) => b.bytes <= MAX_BATCH_BYTES + 1024)).toBe(true);
    expect(city.batches.flatMap((b) => b.seqs)).toEqual(Array.from({ length: upTo }, (_, i) => i + 1));
  });
});

function sampleProfile(): HallProfile {
  return {
    version: 0,
    name: '测试大厅',
    timezone: 'Asia/Shanghai',
    hours: [],
    extendedServiceMinutes: 0,
    closedDates: [],
    queues: [],
    services: [],
    windows: [],
    printers: [],
  };
}
