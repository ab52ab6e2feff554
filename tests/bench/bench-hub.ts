import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPin } from '../../apps/hub/src/auth/pin-hash.ts';
import { HUB_NODE_FLAGS, spawnHub, type HubProcess } from '../support/hub-process.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { spawnTracedHub } from './slow-disk.ts';

export interface BenchHub {
  hub: HubProcess;
  /** The hub's own process (under strace: the traced node, not strace). */
  pid: number;
  /** strace's pid when the hub runs under it. */
  tracerPid: number | null;
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
  // The address phones use, as a real hall sets it (unset, the hub warns at every start).
  config.hall.publicUrl = 'http://192.168.1.10:8080';
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

/** A fresh temp dir holding hall.json (the test hall with N windows); the hub's data goes to DIR/data. */
export function makeHallDir(windows: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-bench-'));
  writeFileSync(join(dir, 'hall.json'), JSON.stringify(benchHallConfig(windows)));
  return dir;
}

/** A copy of a hall dir made by makeHallDir, data included (the hub that wrote it must have stopped). */
export function copyHallDir(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-bench-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** A fresh temp dir with hall.json, and the real hub CLI on it as a child process. */
export function startBenchHub(windows: number): Promise<BenchHub> {
  return startHubIn(makeHallDir(windows), { removeOnStop: true });
}

/**
 * The real hub CLI (production bundle and flags) on DIR/hall.json and DIR/data. With fsyncDelayMs it
 * runs under strace with every fsync/fdatasync delayed (see slow-disk.ts); `pid` is the hub's own.
 */
export async function startHubIn(
  dir: string,
  opts: { removeOnStop: boolean; fsyncDelayMs?: number | null },
): Promise<BenchHub> {
  const config = join(dir, 'hall.json');
  const data = join(dir, 'data');
  const t0 = performance.now();
  // BENCH_HUB_FLAGS adds node flags to the hub's own (e.g. --trace-gc or --cpu-prof to see a stall).
  const extra = (process.env.BENCH_HUB_FLAGS ?? '').split(' ').filter((f) => f !== '');
  const nodeFlags = [...HUB_NODE_FLAGS, ...extra];
  let hub: HubProcess;
  let pid: number;
  let tracerPid: number | null = null;
  try {
    if (opts.fsyncDelayMs === undefined || opts.fsyncDelayMs === null) {
      hub = await spawnHub({ config, data, bundle: true, ...(extra.length > 0 ? { nodeFlags } : {}) });
      pid = hub.child.pid ?? -1;
    } else {
      const traced = await spawnTracedHub({ config, data, nodeFlags, fsyncDelayMs: opts.fsyncDelayMs });
      hub = traced;
      pid = traced.hubPid;
      tracerPid = traced.child.pid ?? null;
    }
  } catch (err) {
    if (opts.removeOnStop) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const startMs = performance.now() - t0;
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      if (hub.child.exitCode === null && hub.child.signalCode === null) {
        // The hub itself, not strace: strace exits when the traced hub does.
        signal(pid, 'SIGTERM');
        const timer = setTimeout(() => {
          signal(pid, 'SIGKILL');
          hub.child.kill('SIGKILL');
        }, 5000);
        await hub.exited;
        clearTimeout(timer);
      }
      if (opts.removeOnStop) rmSync(dir, { recursive: true, force: true });
    })());
  const benchHub: BenchHub = {
    hub,
    pid,
    tracerPid,
    url: hub.url,
    dir,
    startMs,
    stop: () => stop().finally(() => live.delete(benchHub)),
  };
  live.add(benchHub);
  return benchHub;
}

/** Hubs started and not yet stopped: a bench that breaks or times out stops them all (stopAllHubs). */
const live = new Set<BenchHub>();

export async function stopAllHubs(): Promise<void> {
  await Promise.all([...live].map((h) => h.stop().catch(() => undefined)));
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Lines the hub printed besides its start and stop messages (errors, commit failures). */
export function hubComplaints(h: BenchHub): string[] {
  return h.hub
    .output()
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('listening ') && !l.endsWith(': stopping'));
}
