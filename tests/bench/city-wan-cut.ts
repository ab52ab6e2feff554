/**
 * A long WAN cut between halls and their city (issue 18), not part of npm test (it runs for minutes):
 *
 *   npx tsx tests/bench/city-wan-cut.ts [--minutes 10] [--halls 3]
 *
 * `halls` real hubs push to a city on PGlite while each serves without pause (take, call, start, finish,
 * sometimes a no-show, one step about every 300 ms). The city is stopped for `minutes` real minutes; the
 * halls go on serving. Then it comes back on the same address and database; the halls catch up. Prints
 * a table: what happened during the cut, the windows' command latency during it (nothing waits for the
 * city), the catch-up time, and verify (the city's tables against a refold of every hall's log) and the
 * counts against each hall's own database.
 */
import { parseArgs } from 'node:util';
import { openPglite } from '../../apps/city/src/city-db.ts';
import { createCityServer, type CityServer } from '../../apps/city/src/city-server.ts';
import { prepareCity, verifyCity } from '../../apps/city/src/ingest.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { cityConfigFor, freePort } from '../support/city-harness.ts';
import { percentile } from './percentiles.ts';
import { atMost, info, machineInfo, markdownTable, type Row } from './report.ts';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, halls: { type: 'string', default: '3' } },
});
const cutMs = Number(values.minutes) * 60_000;
const ids = Array.from({ length: Number(values.halls) }, (_, i) => `hall-${i + 1}`);
const { config, keys } = cityConfigFor(ids);
const KIOSK = 'kiosk-1-secret';

const db = await openPglite();
await prepareCity(db, config.halls);
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
let city: CityServer = createCityServer({ db, config, log: () => undefined });
await city.listen(port);
const hubs: Harness[] = [];
for (const id of ids)
  hubs.push(
    await startHub({ ...testHallConfig(), city: { url, hallId: id, hallKey: keys.get(id)!, intervalMs: 2000 } }),
  );

/** Serves at one hall until `stop()`: one command about every 300 ms; the latency of each is kept. */
function serveLoop(h: Harness, tag: string): { stop: () => Promise<void>; latencies: number[]; errors: number } {
  const out = { latencies: [] as number[], errors: 0, stop: (): Promise<void> => Promise.resolve() };
  let running = true;
  const timed = async (method: string, path: string, body: unknown, token: string) => {
    const t = performance.now();
    const r = await h.api(method, path, body, token);
    out.latencies.push(performance.now() - t);
    if (r.status >= 300) out.errors++;
    return r;
  };
  const done = (async () => {
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    for (let i = 0; running; i++) {
      await timed(
        'POST',
        '/api/tickets',
        { requestId: `${tag}-k${i}`, serviceId: i % 3 === 0 ? 'idcard' : 'cert' },
        KIOSK,
      );
      h.clock.now += 3_000;
      const called = await timed('POST', '/api/windows/w1/call-next', { requestId: `${tag}-c${i}` }, a1);
      if ((called.body as { ticket: unknown } | null)?.ticket == null) continue;
      if (i % 9 === 4) await timed('POST', '/api/windows/w1/no-show', {}, a1);
      else {
        await timed('POST', '/api/windows/w1/start', {}, a1);
        h.clock.now += 7_000;
        await timed('POST', '/api/windows/w1/finish', {}, a1);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  })();
  out.stop = async () => {
    running = false;
    await done;
  };
  return out;
}

const acked = async (): Promise<boolean> => {
  const rows = await db.query<{ hall_id: string; acked_seq: number }>(
    'SELECT hall_id, acked_seq FROM halls ORDER BY hall_id',
  );
  return rows.every((r, i) => r.acked_seq === hubs[i]!.hub.bus.lastSeq);
};
const until = async (cond: () => Promise<boolean>, ms: number): Promise<number> => {
  const t = performance.now();
  while (!(await cond())) {
    if (performance.now() - t > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
  return performance.now() - t;
};

console.log(machineInfo());
console.log(`${ids.length} halls, WAN cut of ${values.minutes} min`);
// Linked for half a minute first.
let loops = hubs.map((h, i) => serveLoop(h, `pre${i}`));
await new Promise((r) => setTimeout(r, 30_000));
await Promise.all(loops.map((l) => l.stop()));
await until(acked, 30_000);

await city.close();
const seqAtCut = hubs.map((h) => h.hub.bus.lastSeq);
loops = hubs.map((h, i) => serveLoop(h, `cut${i}`));
let maxOutbox = 0;
const sampler = setInterval(() => {
  maxOutbox = Math.max(maxOutbox, ...hubs.map((h) => h.hub.cityPush.status().pending));
}, 1000);
const cutStarted = performance.now();
await new Promise((r) => setTimeout(r, cutMs));
await Promise.all(loops.map((l) => l.stop()));
clearInterval(sampler);
const cutSeconds = (performance.now() - cutStarted) / 1000;
const duringCut = hubs.map((h, i) => h.hub.bus.lastSeq - seqAtCut[i]!);
const latencies = loops.flatMap((l) => l.latencies);
const errors = loops.reduce((n, l) => n + l.errors, 0);
const failures = Math.min(...hubs.map((h) => h.hub.cityPush.status().failures));

city = createCityServer({ db, config, log: () => undefined });
await city.listen(port);
for (const h of hubs) h.hub.cityPush.nudge();
const catchUpMs = await until(acked, 300_000);
const report = await verifyCity(db);
let countsEqual = true;
for (const [i, h] of hubs.entries()) {
  const hub = h.db.prepare("SELECT COUNT(*) AS n, SUM(status = 'done') AS d FROM tickets").get() as {
    n: number;
    d: number;
  };
  const c = (
    await db.query<{ n: number; d: number }>(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'done')::int AS d FROM city_tickets WHERE hall_id = $1",
      [ids[i]],
    )
  )[0]!;
  if (c.n !== hub.n || c.d !== hub.d) countsEqual = false;
}

const rows: Row[] = [
  info('cut (real time)', `${cutSeconds.toFixed(0)} s`),
  info('events committed in the halls during the cut', duringCut.join(' + ')),
  info('largest outbox during the cut (events)', String(maxOutbox)),
  info('failed pushes in a row at the end of the cut (fewest of the halls)', String(failures)),
  info('window commands during the cut', `${latencies.length}, ${errors} refused`),
  atMost('window command latency p99 during the cut', percentile(latencies, 99), 250, (v) => `${v.toFixed(1)} ms`),
  info('window command latency max during the cut', `${Math.max(...latencies).toFixed(1)} ms`),
  atMost('catch-up after the link returns', catchUpMs / 1000, 60, (v) => `${v.toFixed(1)} s`),
  {
    metric: 'verify (city tables = refold of every hall log)',
    value: report.ok ? 'clean' : JSON.stringify(report.halls),
    target: 'clean',
    pass: report.ok,
  },
  {
    metric: 'tickets and served equal each hall’s own database',
    value: countsEqual ? 'equal' : 'DIFFER',
    target: 'equal',
    pass: countsEqual,
  },
];
console.log(markdownTable(rows));
for (const h of hubs) await h.close();
await city.close();
await db.close();
process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
