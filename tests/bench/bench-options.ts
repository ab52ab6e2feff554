import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Delay injected after every fsync/fdatasync of the hub (and of the raw SQLite child), ms; null: none. */
  fsyncDelayMs: number | null;
  /** The normal-disk REST saturation to compare the slow-disk one with; null: measure it in this run. */
  baselineCommandsPerSec: number | null;
  /** Only raw SQLite and the REST scenarios (no socket scenarios, no 5,000-ticket day). */
  restOnly: boolean;
}

export const USAGE = `usage: npm run bench -- [--fsync-delay-ms N] [--baseline-commands-per-sec N] [--rest-only]

  (no option)                     socket scenarios A–C (100 counters, 100 displays), REST scenarios D–E
                                  (40 windows), the 5,000-ticket day, raw durable SQLite tx/s
  --fsync-delay-ms N              also run D–E with the hub under strace, every fsync/fdatasync delayed
                                  N ms (1…1000), and raw SQLite tx/s under the same delay (Debian strace)
  --baseline-commands-per-sec N   with --fsync-delay-ms: compare the slow-disk saturation with N instead
                                  of running D–E on the normal disk first
  --rest-only                     only raw SQLite and the REST scenarios (no socket scenarios, no day)
  -h, --help                      this text

Extra node flags for the hub: BENCH_HUB_FLAGS="--cpu-prof" npm run bench`;

export class UsageError extends Error {}

function positiveNumber(flag: string, text: string | undefined, max: number): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max)
    throw new UsageError(`${flag} must be a number > 0 and ≤ ${max}, got "${text}"`);
  return n;
}

/** Strict: an unknown flag, a stray argument or a bad number is a UsageError; null means --help. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'fsync-delay-ms': { type: 'string' },
        'baseline-commands-per-sec': { type: 'string' },
        'rest-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return null;
  const fsyncDelayMs = positiveNumber('--fsync-delay-ms', values['fsync-delay-ms'], 1000);
  const baselineCommandsPerSec = positiveNumber(
    '--baseline-commands-per-sec',
    values['baseline-commands-per-sec'],
    1_000_000,
  );
  if (baselineCommandsPerSec !== null && fsyncDelayMs === null)
    throw new UsageError('--baseline-commands-per-sec only makes sense with --fsync-delay-ms');
  return { fsyncDelayMs, baselineCommandsPerSec, restOnly: values['rest-only'] };
}
