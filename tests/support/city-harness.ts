import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CityConfig } from '../../apps/city/src/city-config.ts';
import type { Harness } from './hub-harness.ts';
import { hashKey } from '../../apps/city/src/ingest.ts';

/** A city config for halls `hall-1` … with keys `hall-N-key-0123456789` and one city staff token. */
export function cityConfigFor(hallIds: string[]): {
  config: CityConfig;
  keys: Map<string, string>;
  staffToken: string;
} {
  const keys = new Map(hallIds.map((id) => [id, `${id}-key-0123456789`]));
  const staffToken = 'city-staff-token-0123456789';
  return {
    keys,
    staffToken,
    config: {
      name: '测试市 / Test city',
      halls: hallIds.map((id) => ({ id, name: `${id} 大厅`, keyHash: hashKey(keys.get(id)!) })),
      staff: [{ name: '市局值班 / city duty', tokenHash: hashKey(staffToken), hallId: null }],
    },
  };
}

const KIOSK = 'kiosk-1-secret';
const RATER = 'rater-1-secret';

/**
 * A morning at a test hall through its REST API: `tickets` tickets taken, two windows staffed, most of
 * them called, served and finished (w1's rated on its pad), a few no-shows, one pause. Tag keeps
 * requestIds unique across calls.
 */
export async function hallWorkload(
  h: Harness,
  tickets: number,
  tag: string,
  signIn = true,
  /** Hall time between steps, as a share of 30 s to a call and 2 min to serve (a big day needs less). */
  pace = 1,
): Promise<void> {
  const ok = (what: string, r: { status: number; body: unknown }): void => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  for (let i = 0; i < tickets; i++)
    ok(
      'take',
      await h.api(
        'POST',
        '/api/tickets',
        { requestId: `${tag}-k${i}`, serviceId: i % 3 === 0 ? 'idcard' : 'cert' },
        KIOSK,
      ),
    );
  const a1 = await h.login('a1');
  const a2 = await h.login('a2');
  if (signIn) {
    ok('sign-in w1', await h.api('POST', '/api/windows/w1/sign-in', {}, a1));
    ok('sign-in w2', await h.api('POST', '/api/windows/w2/sign-in', {}, a2));
  }
  for (let i = 0; i < tickets - 2; i++) {
    const [w, token] = i % 2 === 0 ? ['w1', a1] : ['w2', a2];
    h.clock.now += Math.round(30_000 * pace);
    const called = await h.api('POST', `/api/windows/${w}/call-next`, { requestId: `${tag}-c${i}` }, token);
    ok('call', called);
    const ticket = (called.body as { ticket: { id: string } | null }).ticket;
    if (ticket === null) continue;
    if (i % 7 === 3) {
      ok('no-show', await h.api('POST', `/api/windows/${w}/no-show`, {}, token));
      continue;
    }
    ok('start', await h.api('POST', `/api/windows/${w}/start`, {}, token));
    h.clock.now += Math.round(120_000 * pace);
    ok('finish', await h.api('POST', `/api/windows/${w}/finish`, {}, token));
    if (w === 'w1') ok('rate', await h.api('POST', '/api/ratings', { ticketId: ticket.id, level: 5 - (i % 3) }, RATER));
  }
  ok('pause', await h.api('POST', '/api/windows/w2/pause', { reason: 'meal' }, a2));
  h.clock.now += 600_000;
  ok('resume', await h.api('POST', '/api/windows/w2/resume', {}, a2));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Where initdb and pg_ctl are: /usr/local/bin, or Debian's versioned folder (newest first). */
function findPgBin(): string | null {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const dirs = ['/usr/local/bin', ...versions.map((v) => `/usr/lib/postgresql/${v}/bin`)];
  return dirs.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl'))) ?? null;
}

export const PG_BIN = findPgBin() ?? '/usr/local/bin';

/** Why a temporary PostgreSQL cannot be started here, or null when it can. */
export function postgresMissing(): string | null {
  return findPgBin() === null
    ? "initdb and pg_ctl not found (/usr/local/bin, /usr/lib/postgresql/*/bin): install Debian's postgresql package"
    : null;
}

/**
 * A temporary PostgreSQL cluster in a fresh folder, run as the `postgres` user when we are root (initdb
 * refuses root). Returns its URL and a stop that removes the folder.
 */
export async function startTempPostgres(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const [bin, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const r = spawnSync(bin, argv, { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  run(join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  run(join(PG_BIN, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
