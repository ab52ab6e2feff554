import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION, type HallConfigInput } from '@yichuang/protocol';
import { HubConnection } from '@yichuang/client';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { createHub, type Hub, type HubOptions } from '../../apps/hub/src/create-hub.ts';
import { openDb, type Db } from '../../apps/hub/src/store/open-db.ts';
import { testHallConfig } from './test-hall.ts';

/** Monday 2026-11-23 10:00 in Shanghai. */
export const MONDAY_10AM = Date.UTC(2026, 10, 23, 2, 0);

export interface Harness {
  hub: Hub;
  db: Db;
  url: string;
  dir: string;
  clock: { now: number };
  api: (method: string, path: string, body?: unknown, bearer?: string) => Promise<{ status: number; body: any }>;
  login: (officerId: string, pin?: string) => Promise<string>;
  connect: (auth: { token?: string; key?: string }) => Promise<HubConnection>;
  close: () => Promise<void>;
}

/** A real hub on port 0 with a fresh SQLite file in a temp folder and a controllable clock. */
export async function startHub(
  config: HallConfigInput = testHallConfig(),
  start = MONDAY_10AM,
  extra: Partial<HubOptions> = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-'));
  const db = openDb(dir);
  const clock = { now: start };
  let n = 0;
  const hub = createHub({
    config: parseHallConfig(config, { pinCost: 1024 }),
    db,
    clock: () => clock.now,
    newId: () => `t${++n}`,
    log: () => undefined,
    ...extra,
  });
  const url = await hub.listen(0);
  const connections: HubConnection[] = [];

  const api: Harness['api'] = async (method, path, body, bearer) => {
    const headers: Record<string, string> = {};
    if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: text === '' ? null : json ? JSON.parse(text) : text };
  };

  return {
    hub,
    db,
    url,
    dir,
    clock,
    api,
    login: async (officerId, pin) => {
      const res = await api('POST', '/api/auth/login', {
        officerId,
        pin:
          pin ??
          (officerId.startsWith('b') ? '5678' : officerId === 'm1' ? '9999' : officerId === 'g1' ? '8642' : '1234'),
      });
      if (res.status !== 200) throw new Error(`login ${officerId}: ${JSON.stringify(res.body)}`);
      return (res.body as { token: string }).token;
    },
    connect: async (auth) => {
      const c = new HubConnection({ url, ...auth, socketOptions: { transports: ['websocket'] } });
      connections.push(c);
      await waitFor(() => c.connected && c.mirror.ready, 5000, 'connect + snapshot');
      return c;
    },
    close: async () => {
      for (const c of connections) c.close();
      await hub.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Row counts of every table: "the database is unchanged" means these are equal. */
export function dbFingerprint(db: Db): Record<string, number> {
  const tables = [
    'events',
    'requests',
    'tickets',
    'windows',
    'appointments',
    'hall_meta',
    'notices',
    'ratings',
    'cases',
    'refusals',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  out.maxSeq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM events').get() as { s: number }).s;
  return out;
}

export { PROTOCOL_VERSION };
