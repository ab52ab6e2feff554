import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../apps/hub/src/cli.ts', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/hub/cli.mjs', import.meta.url));

/**
 * V8 flags the hub runs with in production (`npm start`, `npm run hub`): a hub spends its day on
 * small objects and is I/O bound, so memory is worth more than GC throughput. Keeps a 5,000-ticket
 * day under 150 MB RSS (see npm run bench).
 */
export const HUB_NODE_FLAGS = ['--max-semi-space-size=1', '--optimize-for-size', '--v8-pool-size=1'];

export interface HubProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * The real hub CLI as a child process; resolves once it prints `listening …`. `bundle` runs
 * dist/hub/cli.mjs as production does (`npm run build:hub` first); the default runs the source.
 */
export function spawnHub(args: {
  config: string;
  data: string;
  port?: number;
  bundle?: boolean;
  nodeFlags?: string[];
  /**
   * Run at this scheduling priority (negative: ahead of other work), where allowed (as root): latency
   * tests measure the hub, not the other test files sharing the machine's CPUs.
   */
  nice?: number;
}): Promise<HubProcess> {
  const entry =
    args.bundle === true
      ? [...(args.nodeFlags ?? HUB_NODE_FLAGS), BUNDLE]
      : [...(args.nodeFlags ?? []), '--import', 'tsx', CLI];
  const argv = [...entry, '--config', args.config, '--data', args.data, '--port', String(args.port ?? 0)];
  const child =
    args.nice !== undefined && process.getuid?.() === 0
      ? spawn('nice', ['-n', String(args.nice), process.execPath, ...argv], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}`)), 20_000);
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${out}`));
    });
  });
}
