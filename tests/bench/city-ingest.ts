/**
 * City ingest bench (issue 18), not part of npm test:
 *
 *   npx tsx tests/bench/city-ingest.ts [--halls 5] [--tickets 1000] [--batch 500]
 *
 * One real hub serves a day of `tickets` tickets through its REST API; its event log is then pushed by
 * `halls` halls at once (each under its own hall id, in batches of `batch`, over HTTP, as the hubs' outboxes
 * do) to a city on PGlite and to one on a temporary PostgreSQL cluster. Prints events/s for each.
 *
 * Then the live lag: `halls` real hubs with a `city` section push to each city while tickets are taken at
 * them, and the time from a ticket's 201 at its hall to its row in city_tickets is measured (p50, p99).
 */
import { parseArgs } from 'node:util';
import { openPglite, openPostgres, type CityDb } from '../../apps/city/src/city-db.ts';
import { createCityServer } from '../../apps/city/src/city-server.ts';
import { prepareCity, verifyCity } from '../../apps/city/src/ingest.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { percentile } from './percentiles.ts';
import { cityConfigFor, hallWorkload, postgresMissing, startTempPostgres } from '../support/city-harness.ts';

const { values } = parseArgs({
  options: {
    halls: { type: 'string', default: '5' },
    tickets: { type: 'string', default: '1000' },
    'lag-tickets': { type: 'string', default: '200' },
    batch: { type: 'string', default: '500' },
  },
});
const halls = Number(values.halls);
const tickets = Number(values.tickets);
const batchSize = Number(values.batch);

const h = await startHub();
const t0 = performance.now();
// Paced so that the whole day fits in the hall's opening hours and the officers' sessions.
await hallWorkload(h, tickets, 'bench', true, Math.min(1, 150 / tickets));
const log = (
  h.db.prepare('SELECT seq, at, actor, type, payload FROM events ORDER BY seq').all() as {
    seq: number;
    at: number;
    actor: string;
    type: string;
    payload: string;
  }[]
).map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
await h.close();
console.log(
  `hall log: ${log.length} events for ${tickets} tickets (made in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);

const ids = Array.from({ length: halls }, (_, i) => `hall-${i + 1}`);
// The live-lag hubs are new halls of their own (a fresh log starts again at seq 1).
const lagIds = ids.map((id) => `lag-${id}`);
const { config, keys, staffToken } = cityConfigFor([...ids, ...lagIds]);

/** Tickets taken at real hubs pushing to the city: ms from the hall's answer to the row in the city. */
async function liveLag(db: CityDb, url: string): Promise<{ p50: number; p99: number; max: number }> {
  const hubs: Harness[] = [];
  for (const hallId of lagIds)
    hubs.push(await startHub({ ...testHallConfig(), city: { url, hallId, hallKey: keys.get(hallId)! } }, Date.now()));
  const lags: number[] = [];
  // What the city console reads (GET /city/api/overview, every second in the browser): a ticket is on the
  // console once its hall's waiting count there has reached the count with it.
  const taken = new Map<string, number>();
  const waiting: { hallId: string; count: number; committed: number }[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling || waiting.length > 0) {
      const res = await fetch(`${url}/city/api/overview`, { headers: { authorization: `Bearer ${staffToken}` } });
      const body = (await res.json()) as { halls: { hallId: string; waiting: number }[] };
      const now = performance.now();
      for (let i = waiting.length - 1; i >= 0; i--) {
        const w = waiting[i]!;
        if ((body.halls.find((x) => x.hallId === w.hallId)?.waiting ?? 0) >= w.count) {
          lags.push(now - w.committed);
          waiting.splice(i, 1);
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  try {
    const n = Number(values['lag-tickets']);
    for (let i = 0; i < n; i++) {
      const h = hubs[i % hubs.length]!;
      const hallId = lagIds[i % hubs.length]!;
      await h.api('POST', '/api/tickets', { requestId: `lag-${i}`, serviceId: 'cert' }, 'kiosk-1-secret');
      const count = (taken.get(hallId) ?? 0) + 1;
      taken.set(hallId, count);
      waiting.push({ hallId, count, committed: performance.now() });
      await new Promise((r) => setTimeout(r, 20));
    }
    polling = false;
    await poller;
  } finally {
    for (const h of hubs) await h.close();
  }
  return {
    p50: Math.round(percentile(lags, 50)),
    p99: Math.round(percentile(lags, 99)),
    max: Math.round(Math.max(...lags)),
  };
}

async function run(engine: string, db: CityDb): Promise<Record<string, string | number | boolean>> {
  await prepareCity(db, config.halls);
  const city = createCityServer({ db, config, log: () => undefined });
  const url = await city.listen(0);
  const started = performance.now();
  await Promise.all(
    ids.map(async (hallId) => {
      for (let i = 0; i < log.length; i += batchSize) {
        const res = await fetch(`${url}/city/api/ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.get(hallId)!}` },
          body: JSON.stringify({ hallId, events: log.slice(i, i + batchSize) }),
        });
        if (res.status !== 200) throw new Error(`${engine} ${hallId}: HTTP ${res.status} ${await res.text()}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const lag = await liveLag(db, url);
  const clean = (await verifyCity(db)).ok;
  await city.close();
  await db.close();
  const events = log.length * halls;
  return {
    engine,
    events,
    seconds: Number(seconds.toFixed(2)),
    'events/s': Math.round(events / seconds),
    'lag p50 ms': lag.p50,
    'lag p99 ms': lag.p99,
    'lag max ms': lag.max,
    'verify clean': clean,
  };
}

const rows = [await run('PGlite (in memory)', await openPglite())];
const missing = postgresMissing();
if (missing === null) {
  const pg = await startTempPostgres();
  try {
    rows.push(await run('PostgreSQL (temporary cluster)', await openPostgres(pg.url)));
  } finally {
    pg.stop();
  }
} else console.log(`PostgreSQL skipped: ${missing}`);
console.log(`${halls} halls × ${log.length} events, batches of ${batchSize}`);
console.table(rows);
