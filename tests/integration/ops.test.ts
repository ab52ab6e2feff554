import { execFile } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { createHub } from '../../apps/hub/src/create-hub.ts';
import { openDb } from '../../apps/hub/src/store/open-db.ts';
import { verifyStore } from '../../apps/hub/src/store/verify.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KIOSK = 'kiosk-1-secret';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'yichuang-ops-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

async function hub(extra = {}): Promise<Harness> {
  const h = await startHub(testHallConfig(), undefined, extra);
  cleanups.push(() => h.close());
  return h;
}

/** One sample of the text format, by its name and labels as written. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/api/metrics', () => {
  it('gives commands by type and result, commit latency, clients by role, queue and integrity gauges', async () => {
    const h = await hub();
    await h.api('POST', '/api/tickets', { requestId: 'r1', serviceId: 'cert' }, KIOSK);
    await h.api('POST', '/api/tickets', { requestId: 'r2', serviceId: 'cert' }, KIOSK);
    await h.api('POST', '/api/tickets', { requestId: 'r3', serviceId: 'nope' }, KIOSK);
    await h.connect({ key: 'display-1-secret' });
    await waitFor(() => h.hub.context.metrics.render().includes('yichuang_database_integrity_ok 1'), 5000, 'check');

    const res = await fetch(`${h.url}/api/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, 'yichuang_commands_total{command="ticket:take",result="ok"}')).toBe(2);
    expect(sample(text, 'yichuang_commands_total{command="ticket:take",result="UNKNOWN_SERVICE"}')).toBe(1);
    expect(sample(text, 'yichuang_commit_duration_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'yichuang_commit_duration_seconds_bucket{le="+Inf"}')).toBe(
      sample(text, 'yichuang_commit_duration_seconds_count'),
    );
    expect(sample(text, 'yichuang_connected_clients{role="display"}')).toBe(1);
    expect(sample(text, 'yichuang_tickets_waiting{queue="quick"}')).toBe(2);
    expect(sample(text, 'yichuang_events_total')).toBeGreaterThan(2);
    expect(sample(text, 'yichuang_event_loop_lag_seconds{quantile="0.99"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    // Every sample line is `name{labels} number`, every family has HELP and TYPE.
    for (const line of text.trim().split('\n'))
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|[a-z_]+(\{[^}]*\})? -?[\d.e+-]+)$/);
  });
});

describe('online backups and restore', () => {
  it('backs up on demand while the hub runs, checked; restore brings the hall back to that moment', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const backupDir = join(dir, 'backups');
    const config = parseHallConfig(testHallConfig(), { pinCost: 1024 });
    let now = Date.UTC(2026, 10, 23, 2, 0);
    const db = openDb(data);
    let n = 0;
    const first = createHub({
      config,
      db,
      clock: () => now,
      newId: () => `t${++n}`,
      log: () => undefined,
      backups: { dir: backupDir, everyMinutes: 0 },
      configFileHash: 'f',
    });
    const url = await first.listen(0);
    const post = (path: string, body: unknown, bearer: string): Promise<Response> =>
      fetch(url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (let i = 0; i < 5; i++) await post('/api/tickets', { requestId: `r${i}`, serviceId: 'cert' }, KIOSK);
    const login = await post('/api/auth/login', { officerId: 'm1', pin: '9999' }, '');
    const mgr = ((await login.json()) as { token: string }).token;

    const officer = (await (await post('/api/auth/login', { officerId: 'a1', pin: '1234' }, '')).json()) as {
      token: string;
    };
    expect((await post('/api/admin/backup', {}, officer.token)).status).toBe(403);
    const made = await post('/api/admin/backup', {}, mgr);
    expect(made.status).toBe(201);
    const backup = (await made.json()) as { file: string; ok: boolean; bytes: number };
    expect(backup.ok).toBe(true);
    expect(existsSync(backup.file)).toBe(true);
    const listed = (await (
      await fetch(`${url}/api/admin/backups`, { headers: { authorization: `Bearer ${mgr}` } })
    ).json()) as {
      backups: { file: string }[];
    };
    expect(listed.backups.map((b) => b.file)).toEqual([backup.file]);

    // Life goes on after the backup, then the hub stops.
    now += 60_000;
    for (let i = 5; i < 8; i++) await post('/api/tickets', { requestId: `r${i}`, serviceId: 'cert' }, KIOSK);
    await first.close();
    db.close();

    // A damaged copy is refused and nothing changes.
    const damaged = join(dir, 'damaged.sqlite');
    copyFileSync(backup.file, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(fd);
    const refused = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/restore-db.ts', '--data', data, '--from', damaged],
      {
        cwd: ROOT,
      },
    ).catch((err: { code: number; stderr: string }) => err);
    expect((refused as { code: number }).code).toBe(1);
    expect((refused as { stderr: string }).stderr).toMatch(/integrity_check/);
    const untouched = new Database(join(data, 'yichuang.sqlite'), { readonly: true });
    expect(untouched.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 8 });
    untouched.close();

    const restored = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/restore-db.ts', '--data', data, '--from', backup.file],
      { cwd: ROOT },
    );
    expect(restored.stdout).toContain('restored');

    const again = openDb(data);
    expect(again.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 5 });
    const second = createHub({ config, db: again, clock: () => now, log: () => undefined, configFileHash: 'f' });
    expect(second.bus.state.counters.get('quick')).toBe(5);
    expect(verifyStore(again, config)).toMatchObject({ ok: true, differences: [] });
    await second.close();
    again.close();
  });
});
