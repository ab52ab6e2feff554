import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { dbFingerprint, startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * The hall's data: one hub per data directory, damaged files named in one sentence (never a stack),
 * a full disk said in words and answered 503, a reused requestId with another body refused, a typo
 * in the config refused with its path.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(root, 'apps/hub/src/cli.ts');
const base = mkdtempSync(join(tmpdir(), 'yichuang-data-'));
const config = join(base, 'hall.json');
writeFileSync(config, JSON.stringify(testHallConfig()));
const running: HubProcess[] = [];
let h: Harness | null = null;

afterEach(async () => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
  await h?.close();
  h = null;
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

/** Runs the hub CLI expecting it to refuse: resolves with its exit code and everything it printed. */
function refusedStart(data: string, cfg = config): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--config', cfg, '--data', data, '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** One sentence, no stack trace. */
function expectPlainRefusal(out: string): void {
  expect(out).not.toMatch(/\n\s+at /);
  expect(out).not.toMatch(/SqliteError|SyntaxError/);
}

async function hallWithTickets(data: string, n = 3): Promise<void> {
  const hub = await spawnHub({ config, data });
  for (let i = 0; i < n; i++)
    await fetch(`${hub.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer kiosk-1-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: `t${i}`, serviceId: 'cert' }),
    });
  hub.child.kill('SIGTERM');
  await hub.exited;
}

function verify(data: string): { code: number; out: string } {
  try {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/verify-db.ts', '--config', config, '--data', data],
      { cwd: root, stdio: 'pipe' },
    ).toString();
    return { code: 0, out };
  } catch (err) {
    const e = err as { status: number; stdout: Buffer; stderr: Buffer };
    return { code: e.status, out: e.stdout.toString() + e.stderr.toString() };
  }
}

describe('one hub per data directory', () => {
  it('a second hub on the same --data refuses, naming the running one; after a SIGKILL the lock is free again', async () => {
    const data = join(base, 'lock');
    const first = await spawnHub({ config, data });
    running.push(first);
    const second = await refusedStart(data);
    expect(second.code).toBe(1);
    expect(second.out).toContain('正被另一个一窗服务使用');
    expect(second.out).toContain(`pid ${first.child.pid}`);
    expect(second.out).toContain(first.url);
    expectPlainRefusal(second.out);
    // The first hub still works.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    first.child.kill('SIGKILL');
    await first.exited;
    const third = await spawnHub({ config, data });
    running.push(third);
    expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
  });
});

describe('damaged databases are named, never a stack', () => {
  it('a flipped byte in an event payload: the hub refuses to start and verify names the seq', async () => {
    const data = join(base, 'flipped');
    await hallWithTickets(data);
    const db = new Database(join(data, 'yichuang.sqlite'));
    const { seq } = db.prepare("SELECT seq FROM events WHERE type = 'ticket:issued' ORDER BY seq LIMIT 1").get() as {
      seq: number;
    };
    // One byte of the stored JSON changed on the disk (a quote turned into a control character).
    db.prepare('UPDATE events SET payload = substr(payload, 1, 5) || char(1) || substr(payload, 7) WHERE seq = ?').run(
      seq,
    );
    db.close();
    const start = await refusedStart(data);
    expect(start.code).toBe(1);
    expect(start.out).toContain(`events seq ${seq}`);
    expect(start.out).toContain('npm run restore');
    expectPlainRefusal(start.out);
    const v = verify(data);
    expect(v.code).toBe(1);
    expect(v.out).toContain(`seq ${seq}`);
    expectPlainRefusal(v.out);
  });

  it('a damaged header or a truncated file: one sentence saying to restore', async () => {
    for (const damage of ['header', 'truncate'] as const) {
      const data = join(base, damage);
      await hallWithTickets(data, 40);
      const file = join(data, 'yichuang.sqlite');
      if (damage === 'header') {
        const fd = openSync(file, 'r+');
        writeSync(fd, Buffer.from('this is not sqlite'), 0, 18, 0);
        closeSync(fd);
      } else {
        truncateSync(file, Math.floor(statSync(file).size / 2));
      }
      const start = await refusedStart(data);
      expect(start.code, damage).toBe(1);
      expect(start.out, damage).toMatch(/已损坏|damaged/);
      expect(start.out, damage).toContain('npm run restore');
      expectPlainRefusal(start.out);
      const v = verify(data);
      expect(v.code, damage).toBe(1);
      expectPlainRefusal(v.out);
    }
  });
});

describe('a full disk', () => {
  it('while running: a command answers 503 STORAGE_UNAVAILABLE saying the disk is full and changes nothing; it works again once there is room', async () => {
    h = await startHub(testHallConfig());
    const kiosk = 'kiosk-1-secret';
    expect((await h.api('POST', '/api/tickets', { requestId: 'ok-1', serviceId: 'cert' }, kiosk)).status).toBe(201);
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = h.db.pragma('page_count', { simple: true }) as number;
    h.db.pragma(`max_page_count = ${pages}`);
    let taken = 1;
    let refused: { status: number; body: { error: { code: string; message: string } } } | null = null;
    let refusedId = '';
    for (let i = 0; i < 200 && refused === null; i++) {
      const res = await h.api('POST', '/api/tickets', { requestId: `full-${i}`, serviceId: 'cert' }, kiosk);
      if (res.status === 201) taken++;
      else [refused, refusedId] = [res, `full-${i}`];
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.error.code).toBe('STORAGE_UNAVAILABLE');
    expect(refused?.body.error.message).toContain('磁盘空间不足');
    // Nothing half-written: the refused command left no ticket, no request and nothing in memory.
    expect(dbFingerprint(h.db).tickets).toBe(taken);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM requests WHERE request_id = ?').get(refusedId)).toEqual({ n: 0 });
    expect(h.hub.context.hallView().queues.find((q) => q.id === 'quick')?.waiting).toBe(taken);
    h.db.pragma('max_page_count = 1073741823');
    expect((await h.api('POST', '/api/tickets', { requestId: 'ok-2', serviceId: 'cert' }, kiosk)).status).toBe(201);
  });

  const canMount = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = join(base, 'mount-probe');
    mkdirSync(probe, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
      execFileSync('umount', [probe], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!canMount)('at start: one sentence saying the disk is full (a small tmpfs filled up)', async () => {
    const disk = join(base, 'small-disk');
    mkdirSync(disk, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk], { stdio: 'pipe' });
    try {
      // Leave a few kilobytes: enough to create the folder, not the database.
      const filler = Buffer.alloc(1024);
      const fd = openSync(join(disk, 'filler'), 'w');
      try {
        for (;;) writeSync(fd, filler);
      } catch {
        // the disk is full
      }
      closeSync(fd);
      truncateSync(join(disk, 'filler'), statSync(join(disk, 'filler')).size - 8 * 1024);
      const start = await refusedStart(join(disk, 'data'));
      expect(start.code).toBe(1);
      expect(start.out).toContain('磁盘空间不足');
      expectPlainRefusal(start.out);
    } finally {
      execFileSync('umount', [disk], { stdio: 'pipe' });
    }
  });
});

describe('requests and config typos', () => {
  it('a reused requestId with another body is refused 409; the same body again gets the first answer', async () => {
    h = await startHub(testHallConfig());
    const first = await h.api('POST', '/api/tickets', { requestId: 'same', serviceId: 'cert' }, 'kiosk-1-secret');
    expect(first.status).toBe(201);
    const retry = await h.api('POST', '/api/tickets', { requestId: 'same', serviceId: 'cert' }, 'kiosk-1-secret');
    expect(retry.body.id).toBe(first.body.id);
    const before = dbFingerprint(h.db);
    const other = await h.api('POST', '/api/tickets', { requestId: 'same', serviceId: 'idcard' }, 'kiosk-1-secret');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('REQUEST_ID_REUSED');
    expect(dbFingerprint(h.db)).toEqual(before);
  });

  it('an unknown key in the config, at the top or inside, is refused with its path', async () => {
    const good = testHallConfig();
    const cases: [unknown, string][] = [
      [{ ...good, windowz: [] }, 'windowz'],
      [
        { ...good, windows: good.windows.map((w, i) => (i === 0 ? { ...w, greenChanel: true } : w)) },
        'windows.0.greenChanel',
      ],
      [{ ...good, hall: { ...good.hall, opening: '09:00' } }, 'hall.opening'],
    ];
    for (const [raw, path] of cases) {
      let err: unknown = null;
      try {
        parseHallConfig(raw, { pinCost: 1024 });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.path)).toContain(path);
    }
    const typo = join(base, 'typo.json');
    writeFileSync(typo, JSON.stringify({ ...good, windowz: [] }));
    const start = await refusedStart(join(base, 'typo-data'), typo);
    expect(start.code).toBe(1);
    expect(start.out).toContain('windowz');
    expectPlainRefusal(start.out);
  });
});
