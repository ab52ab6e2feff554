import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@yichuang/protocol';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { pipelineWithoutReading, rawSocketIo, socketIoFrames } from '../support/raw-attack.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * Every client has a bounded budget. The production hub (the bundle with its V8 flags) holds a busy
 * day (3,000 tickets waiting, so a snapshot is large) and is attacked as it was in review: a display
 * key with 4 raw websockets sending 5,000 snapshot requests each without reading, and 8 anonymous
 * connections pipelining 6,000 catalogue requests each without reading. RSS stays under 300 MB and
 * /api/health answers within 100 ms throughout.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'yichuang-budget-'));
let hub: HubProcess;
/** The hub and the watcher run ahead of the other test files sharing the CPUs (see spawnHub). */
const PRIORITY = -15;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? 0 : Number(m[1]) / 1024;
}

interface Watched {
  maxRssMb: number;
  maxHealthMs: number;
  checks: number;
  failures: number;
}

/** Samples RSS and /api/health latency from a process of its own until stopped. */
async function watch(url: string, pid: number): Promise<{ stop: () => Promise<Watched> }> {
  const watcher = [process.execPath, '--import', 'tsx', join(root, 'tests/support/health-watch.ts'), url, String(pid)];
  const [cmd, ...argv] = process.getuid?.() === 0 ? ['nice', '-n', String(PRIORITY), ...watcher] : watcher;
  const child = spawn(cmd!, argv, { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise((r) => setTimeout(r, 1500)); // started, and a few quiet checks first
  return {
    stop: async () => {
      child.stdin.end();
      await exited;
      return JSON.parse(out) as Watched;
    },
  };
}

/** The hub's own event-loop lag (max since the last scrape, ms), from its metrics: tells a blocked hub from a busy machine. */
async function loopLagMaxMs(url: string): Promise<number> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const m = /yichuang_event_loop_lag_seconds\{quantile="1"\} ([\d.e-]+)/.exec(text);
  return m === null ? NaN : Number(m[1]) * 1000;
}

beforeAll(async () => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-hub.ts'], { cwd: root, stdio: 'pipe' });
  const config = join(dir, 'hall.json');
  writeFileSync(config, JSON.stringify(testHallConfig({ windows: 8 })));
  hub = await spawnHub({ config, data: join(dir, 'data'), bundle: true, nice: PRIORITY });
  // A busy morning: 3,000 tickets waiting make every snapshot large.
  for (let i = 0; i < 3000; i += 50)
    await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        fetch(`${hub.url}/api/tickets`, {
          method: 'POST',
          headers: { authorization: 'Bearer kiosk-1-secret', 'content-type': 'application/json' },
          body: JSON.stringify({ requestId: `seed-${i + k}`, serviceId: k % 2 === 0 ? 'cert' : 'idcard' }),
        }).then((r) => r.arrayBuffer()),
      ),
    );
}, 120_000);

afterAll(() => {
  hub?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('memory and latency budgets under attack', () => {
  it('4 raw websockets with a display key flooding snapshot requests without reading', async () => {
    const before = rssMb(hub.child.pid!);
    const flood = socketIoFrames(Array.from({ length: 5000 }, (_, i) => `42${i}["hall:snapshot"]`));
    const w = await watch(hub.url, hub.child.pid!);
    await loopLagMaxMs(hub.url);
    const sockets = await Promise.all(
      Array.from({ length: 4 }, () => rawSocketIo(hub.url, { protocol: PROTOCOL_VERSION, key: 'display-1-secret' })),
    );
    for (const s of sockets) {
      s.stopReading();
      s.sendRaw(flood);
    }
    await new Promise((r) => setTimeout(r, 5000));
    const seen = await w.stop();
    console.log('websocket attack', before, seen, 'hub event-loop lag max ms', await loopLagMaxMs(hub.url));
    for (const s of sockets) s.destroy();
    expect(seen.checks).toBeGreaterThan(20);
    expect(seen.failures).toBe(0);
    expect(seen.maxRssMb, `RSS before ${before.toFixed(0)} MB`).toBeLessThan(300);
    expect(seen.maxHealthMs).toBeLessThan(100);
  }, 60_000);

  it('8 anonymous connections pipelining 6,000 catalogue requests each without reading', async () => {
    const w = await watch(hub.url, hub.child.pid!);
    await loopLagMaxMs(hub.url);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => pipelineWithoutReading(hub.url, '/api/catalogue', 6000)),
    );
    await new Promise((r) => setTimeout(r, 2000));
    const seen = await w.stop();
    console.log('pipelining attack', results, seen, 'hub event-loop lag max ms', await loopLagMaxMs(hub.url));
    expect(results.every((r) => r.closedByHub)).toBe(true);
    expect(seen.checks).toBeGreaterThan(20);
    expect(seen.failures).toBe(0);
    expect(seen.maxRssMb).toBeLessThan(300);
    expect(seen.maxHealthMs).toBeLessThan(100);
    // The hub still serves an honest client afterwards.
    expect((await fetch(`${hub.url}/api/catalogue`)).status).toBe(200);
  }, 60_000);
});
