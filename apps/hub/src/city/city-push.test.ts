import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, waitFor, type Harness } from '../../../../tests/support/hub-harness.ts';
import { testHallConfig } from '../../../../tests/support/test-hall.ts';
import { keepSecrets, withoutSecrets } from '../config/config-secrets.ts';
import { CITY_ACK_KEY } from './city-push.ts';

const KIOSK = 'kiosk-1-secret';

/** A stand-in city that records each batch and answers with `answer(batch)`. */
async function fakeCity(answer: (events: { seq: number }[]) => { status: number; ackSeq?: number }) {
  const batches: { auth: string | undefined; hallId: string; seqs: number[] }[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(text) as { hallId: string; events: { seq: number }[] };
      batches.push({ auth: req.headers.authorization, hallId: body.hallId, seqs: body.events.map((e) => e.seq) });
      const a = answer(body.events);
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.status === 200 ? { ackSeq: a.ackSeq } : { error: { code: 'X', message: 'x' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, batches, close: () => server.close() };
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
});
