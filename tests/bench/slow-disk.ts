/**
 * A slow disk without a slow disk: Debian's strace delays the return of every fsync and fdatasync of a
 * process (and, with -f, of all its threads and children) by a fixed time, as an eMMC or a cheap SSD
 * does. --seccomp-bpf makes strace stop only at those two calls, so the rest of the process runs at
 * full speed. Only the hub (or the raw SQLite child) is traced, never the bench's clients.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubProcess } from '../support/hub-process.ts';
import type { RawResult } from './raw-sqlite.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/hub/cli.mjs', import.meta.url));
const RAW_CHILD = fileURLToPath(new URL('./raw-sqlite-child.ts', import.meta.url));

/** strace's arguments up to the traced command: follow threads and forks, delay fsync/fdatasync exits. */
export function straceArgs(fsyncDelayMs: number): string[] {
  const us = Math.round(fsyncDelayMs * 1000);
  return [
    '-f',
    '--seccomp-bpf',
    '-e',
    'trace=fsync,fdatasync',
    '-e',
    `inject=fsync,fdatasync:delay_exit=${us}`,
    '-o',
    '/dev/null',
  ];
}

/**
 * Runs a tiny node script under the same strace line and checks that its fsyncs take at least the
 * delay: strace is installed, may trace here (ptrace), and its injection works. A sentence if not.
 */
export function checkStrace(
  fsyncDelayMs: number,
): { ok: true; version: string; probeMs: number } | { ok: false; why: string } {
  const v = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  if (v.error !== undefined || v.status !== 0)
    return {
      ok: false,
      why:
        'strace is not installed or cannot run: on Debian `apt-get install -y strace` ' +
        `(${v.error?.message ?? v.stderr.trim()})`,
    };
  const version = v.stdout.split('\n')[0]?.trim() ?? 'strace';
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-strace-'));
  try {
    const script =
      `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(join(dir, 'probe'))},'w');` +
      `const t=performance.now();for(let i=0;i<5;i++){fs.writeSync(fd,'x');fs.fsyncSync(fd);}` +
      `console.log(((performance.now()-t)/5).toFixed(2));`;
    const p = spawnSync('strace', [...straceArgs(fsyncDelayMs), process.execPath, '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    const probeMs = Number(p.stdout.trim());
    if (p.status !== 0 || !Number.isFinite(probeMs))
      return {
        ok: false,
        why:
          `strace cannot trace a process here (${p.stderr.trim().split('\n')[0] ?? `exit ${p.status}`}); ` +
          'it needs ptrace: run as root or with CAP_SYS_PTRACE (in a container: --cap-add SYS_PTRACE), or ' +
          'lower kernel.yama.ptrace_scope',
      };
    if (probeMs < fsyncDelayMs * 0.9)
      return {
        ok: false,
        why: `strace ran but an fsync took ${probeMs} ms, not the ${fsyncDelayMs} ms injected: this strace cannot delay syscalls`,
      };
    return { ok: true, version, probeMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pid strace started (its one child), from /proc; null if it has none (yet). */
function childOf(pid: number): number | null {
  try {
    const first = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0];
    return first === undefined || first === '' ? null : Number(first);
  } catch {
    return null;
  }
}

/** The hub bundle under strace; resolves once it prints `listening …`, with the traced hub's own pid. */
export function spawnTracedHub(args: {
  config: string;
  data: string;
  nodeFlags: string[];
  fsyncDelayMs: number;
}): Promise<HubProcess & { hubPid: number }> {
  const argv = [
    ...straceArgs(args.fsyncDelayMs),
    process.execPath,
    ...args.nodeFlags,
    BUNDLE,
    ...['--config', args.config, '--data', args.data, '--port', '0'],
  ];
  const child = spawn('strace', argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub under strace did not start:\n${out}`)), 60_000);
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m?.[1] === undefined) return;
      clearTimeout(timer);
      const hubPid = childOf(child.pid ?? -1);
      if (hubPid === null) {
        child.kill('SIGKILL');
        reject(new Error(`strace (pid ${child.pid}) has no child process though the hub printed: ${out}`));
        return;
      }
      resolve({ child, url: m[1], output: () => out, exited, hubPid });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub under strace exited with ${code}:\n${out}`));
    });
  });
}

/** rawSqliteTxPerSecond in a child process under the same strace line (the delay applies to it alone). */
export function rawSqliteUnderStrace(fsyncDelayMs: number, seconds: number): Promise<RawResult> {
  const argv = [...straceArgs(fsyncDelayMs), process.execPath, '--import', 'tsx', RAW_CHILD, String(seconds)];
  const child = spawn('strace', argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(out) as RawResult);
      } catch (e) {
        reject(new Error(`raw SQLite under strace failed (${(e as Error).message}): ${err.trim() || out.trim()}`));
      }
    });
  });
}
