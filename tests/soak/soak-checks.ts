import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { HubConnection } from '@yichuang/client';
import { stateData } from '@yichuang/engine';
import { SoakClient } from './soak-client.ts';
import type { SoakRun } from './soak-day.ts';
import { fakeIdCard } from './soak-hall.ts';

export interface Check {
  check: string;
  expected: string;
  actual: string;
  ok: boolean;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ACTIVE = new Set(['waiting', 'called', 'serving', 'carried']);
const row = (check: string, expected: unknown, actual: unknown): Check => ({
  check,
  expected: String(expected),
  actual: String(actual),
  ok: String(expected) === String(actual),
});

async function until(cond: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

/** While the hub still runs: the report against the tally, and every display against the hub. */
export async function liveChecks(run: SoakRun): Promise<Check[]> {
  const client = new SoakClient(() => run.url);
  const token = (await client.send('POST', '/api/auth/login', { officerId: 'm1', pin: '9999' })).body.token as string;
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(Date.now());
  const report = (await client.send('GET', `/api/reports/daily?date=${day}`, undefined, token)).body.totals;
  const ratings = (await client.send('GET', `/api/reports/daily?date=${day}`, undefined, token)).body.ratings;
  const t = run.tally;
  const out = [
    row('report: issued = tickets the kiosks were given', t.issued.size, report.issued),
    row('report: served = finishes acknowledged', t.served.size, report.served),
    row('report: no-show = no-shows acknowledged', t.noShows.size, report.noShow),
    row('report: transferred = transfers acknowledged', t.transfers, report.transferred),
    row('report: ratings = ratings acknowledged', t.ratings.length, ratings.count),
    row(
      'report: ratings of level ≤ 2',
      t.ratings.filter((l) => l <= 2).length,
      (ratings.levels['1'] as number) + (ratings.levels['2'] as number),
    ),
  ];

  // A fresh connection's snapshot is the hub's state now; each display must have arrived at the same.
  const fresh = new HubConnection({ url: run.url, token, socketOptions: { transports: ['websocket'] } });
  await until(() => fresh.mirror.ready, 10_000);
  const hubSeq = (await client.send('GET', '/api/hall', undefined, token)).body.seq as number;
  const view = (c: HubConnection): string => {
    const d = stateData(c.mirror.hall!);
    return JSON.stringify({
      day: d.day,
      windows: d.windows,
      counters: d.counters,
      active: d.tickets
        .filter((x) => ACTIVE.has(x.status))
        .map(({ appointment, ...x }) => ({ ...x, code: appointment?.code === undefined ? null : '****' })),
    });
  };
  for (const [i, d] of run.displays.entries()) {
    const caught = await until(() => d.mirror.seq === hubSeq, 15_000);
    out.push(
      row(`display ${i + 1}: caught up to the hub's seq`, hubSeq, caught ? d.mirror.seq : `${d.mirror.seq} (stuck)`),
    );
    out.push(row(`display ${i + 1}: state equals the hub's`, 'equal', view(d) === view(fresh) ? 'equal' : 'DIFFERENT'));
  }
  fresh.close();
  return out;
}

/** After the hub stopped: the store itself, `npm run verify`, and the personal-data scan. */
export async function storeChecks(run: SoakRun): Promise<Check[]> {
  const out: Check[] = [];
  const db = new Database(join(run.dataDir, 'yichuang.sqlite'), { readonly: true });
  try {
    const t = run.tally;
    const rows = db.prepare('SELECT id, number FROM tickets').all() as { id: string; number: string }[];
    const ids = new Set(rows.map((r) => r.id));
    out.push(row('no acknowledged ticket lost', 0, [...t.issued.keys()].filter((id) => !ids.has(id)).length));
    out.push(row('tickets stored = tickets acknowledged', t.issued.size, rows.length));
    const dupes = db
      // By day and number alone: a transfer changes a ticket's queue but never its number.
      .prepare('SELECT COUNT(*) AS n FROM (SELECT 1 FROM tickets GROUP BY day, number HAVING COUNT(*) > 1)')
      .get() as { n: number };
    out.push(row('no number issued twice', 0, dupes.n));
    // By the number's prefix, the queue it was issued in.
    const byQueue = new Map<string, number[]>();
    for (const r of rows) {
      const prefix = /^[A-Z]+/.exec(r.number)?.[0] ?? '';
      byQueue.set(prefix, [...(byQueue.get(prefix) ?? []), Number(r.number.slice(prefix.length))]);
    }
    const gaps = [...byQueue.values()].filter((ns) => ns.sort((a, b) => a - b).some((n, i) => n !== i + 1)).length;
    out.push(row('numbers run 1…N in every queue', 0, gaps));

    // Held: which window has each ticket, replayed from the log; a call of a ticket already held is a double call.
    const held = new Map<string, string>();
    let doubles = 0;
    const events = db.prepare("SELECT type, payload FROM events WHERE type LIKE 'ticket:%' ORDER BY seq").all() as {
      type: string;
      payload: string;
    }[];
    const called = new Set<string>();
    for (const e of events) {
      const p = JSON.parse(e.payload) as { ticketId?: string; windowId?: string };
      if (p.ticketId === undefined) continue;
      if (e.type === 'ticket:called') {
        if (held.has(p.ticketId)) doubles++;
        held.set(p.ticketId, p.windowId!);
        called.add(`${p.ticketId}@${p.windowId}`);
      } else if (['ticket:finished', 'ticket:no-show', 'ticket:transferred', 'ticket:expired'].includes(e.type))
        held.delete(p.ticketId);
    }
    out.push(row('no ticket called to two windows', 0, doubles));
    out.push(
      row(
        'every acknowledged call is in the log',
        0,
        t.calls.filter((c) => !called.has(`${c.ticketId}@${c.windowId}`)).length,
      ),
    );
  } finally {
    db.close();
  }

  const verify = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/verify-db.ts', '--config', run.configFile, '--data', run.dataDir],
    { cwd: ROOT },
  ).then(
    (r) => r.stdout,
    (err: { stdout?: string; stderr?: string }) => `${err.stdout ?? ''}${err.stderr ?? ''}`,
  );
  out.push(
    row(
      'npm run verify: projections = replay of the log',
      'ok',
      /^ok /m.test(verify) ? 'ok' : verify.trim().slice(0, 120),
    ),
  );

  // Personal data: no citizen name or ID number in the hub's output or on the public screens, no ID number stored.
  const ids = Array.from({ length: 2 }, (_, k) =>
    Array.from({ length: 20_000 }, (_, i) => fakeIdCard(k * 100_000 + i)),
  ).flat();
  const logs = run.hubOutput.join('\n');
  const screens = run.displayTraffic.join('\n');
  const dbText = readFileSync(join(run.dataDir, 'yichuang.sqlite')).toString('latin1');
  out.push(row('citizen names in the hub’s logs', 0, run.tally.notices.filter((n) => logs.includes(n)).length));
  out.push(row('citizen names sent to the displays', 0, run.tally.notices.filter((n) => screens.includes(n)).length));
  const idSet = new Set(ids);
  const found = (text: string): number => (text.match(/\d{17}[\dX]/g) ?? []).filter((m) => idSet.has(m)).length;
  out.push(row('ID numbers in logs, display traffic or the database', 0, found(logs) + found(screens) + found(dbText)));
  return out;
}
