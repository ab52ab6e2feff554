import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPin } from '../../apps/hub/src/auth/pin-hash.ts';
import { HUB_NODE_FLAGS, spawnHub, type HubProcess } from '../support/hub-process.ts';
import { testHallConfig } from '../support/test-hall.ts';

export interface BenchHub {
  hub: HubProcess;
  pid: number;
  url: string;
  dir: string;
  startMs: number;
  stop: () => Promise<void>;
}

/**
 * The test hall with N windows, its plain PINs replaced by scrypt hashes (default cost), as a real
 * hall's config carries them. One hash per distinct PIN keeps writing the config quick; with plain PINs
 * the hub hashes every officer's PIN synchronously at startup (see the report's notes).
 */
export function benchHallConfig(windows: number): unknown {
  const config = testHallConfig({ windows });
  const hashes = new Map<string, string>();
  config.officers = config.officers.map(({ pin, ...o }) => {
    if (pin === undefined) return o;
    let h = hashes.get(pin);
    if (h === undefined) {
      h = hashPin(pin);
      hashes.set(pin, h);
    }
    return { ...o, pinHash: h };
  });
  return config;
}

/** A fresh temp dir with hall.json, and the real hub CLI on it as a child process. */
export async function startBenchHub(windows: number): Promise<BenchHub> {
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-bench-'));
  const config = join(dir, 'hall.json');
  writeFileSync(config, JSON.stringify(benchHallConfig(windows)));
  const t0 = performance.now();
  let hub: HubProcess;
  try {
    // BENCH_HUB_FLAGS adds node flags to the hub's own (e.g. --trace-gc or --cpu-prof to see a stall).
    const extra = (process.env.BENCH_HUB_FLAGS ?? '').split(' ').filter((f) => f !== '');
    hub = await spawnHub({
      config,
      data: join(dir, 'data'),
      bundle: true,
      ...(extra.length > 0 ? { nodeFlags: [...HUB_NODE_FLAGS, ...extra] } : {}),
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const startMs = performance.now() - t0;
  const pid = hub.child.pid ?? -1;
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      if (hub.child.exitCode === null && hub.child.signalCode === null) {
        hub.child.kill('SIGTERM');
        const timer = setTimeout(() => hub.child.kill('SIGKILL'), 5000);
        await hub.exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    })());
  return { hub, pid, url: hub.url, dir, startMs, stop };
}

/** Lines the hub printed besides its start and stop messages (errors, commit failures). */
export function hubComplaints(h: BenchHub): string[] {
  return h.hub
    .output()
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('listening ') && !l.endsWith(': stopping'));
}
