import { spawn } from 'node:child_process';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPairOptions {
  /**
   * Folder of the two links. Default: a new temporary folder, removed by `stop()`. Give one to bring
   * "the same device" back with a second socat.
   */
  dir?: string;
  /** Link names in `dir`. Default `a` and `b`. */
  names?: [string, string];
  /** Default /usr/bin/socat. */
  socat?: string;
  /** Default 5000 ms. */
  timeoutMs?: number;
}

/** Two linked pseudo-terminals made by socat: what is written to one is read from the other. */
export interface PtyPair {
  readonly dir: string;
  /** Path of the first link (give it to the driver). */
  readonly a: string;
  /** Path of the second link (give it to the simulator). */
  readonly b: string;
  readonly pid: number;
  /**
   * Stop socat and wait for it to exit. SIGTERM (default) removes the links; SIGKILL leaves them dangling,
   * like a device yanked out without notice. Either way both ptys hang up.
   */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * Start `socat -d -d pty,raw,echo=0,link=DIR/a pty,raw,echo=0,link=DIR/b` and resolve once both links point
 * at the ptys this socat made (a stale link from an earlier socat is not mistaken for the new one).
 */
export async function startPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'yichuang-pty-')));
  const [nameA, nameB] = options.names ?? ['a', 'b'];
  const a = join(dir, nameA);
  const b = join(dir, nameB);
  const timeoutMs = options.timeoutMs ?? 5000;
  const child = spawn(
    options.socat ?? '/usr/bin/socat',
    ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  const ptys: string[] = [];
  let ready: (() => void) | null = null;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    // socat -d -d logs "N PTY is /dev/pts/3" once per side, then "starting data transfer loop".
    for (const m of chunk.matchAll(/PTY is (\S+)/g)) if (m[1]) ptys.push(m[1]);
    if (/starting data transfer loop/.test(stderr)) ready?.();
  });

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    // A folder we made holds only the links; one we were given stays for the next socat.
    if (ownDir && signal === 'SIGTERM') await rm(dir, { recursive: true, force: true });
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`socat did not start within ${timeoutMs} ms: ${stderr}`)),
        timeoutMs,
      );
      ready = () => {
        clearTimeout(timer);
        resolve();
      };
      if (/starting data transfer loop/.test(stderr)) ready();
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`socat exited with ${code}: ${stderr}`));
      });
    });
    // socat makes the links before it logs the transfer loop; check they are this socat's.
    const targets = await Promise.all([readlink(a), readlink(b)]);
    if (ptys.length < 2 || !targets.every((t) => ptys.includes(t))) {
      throw new Error(`socat links ${a}, ${b} → ${targets.join(', ')} do not match its ptys ${ptys.join(', ')}`);
    }
  } catch (err) {
    await stop('SIGKILL');
    throw err;
  }
  if (child.pid === undefined) throw new Error('socat has no pid');
  return { dir, a, b, pid: child.pid, stop };
}
