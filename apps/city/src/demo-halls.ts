import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHallConfig } from '../../hub/src/config-loader.ts';
import { createHub } from '../../hub/src/create-hub.ts';
import { alwaysOpen } from '../../hub/src/always-open.ts';
import { openDb } from '../../hub/src/store/open-db.ts';
import { repoPath } from '../../hub/src/repo-path.ts';

export interface DemoHall {
  hallId: string;
  name: string;
  url: string;
  stop: () => Promise<void>;
}

export const DEMO_HALL_NAMES: Record<string, string> = {
  'hall-1': '綦江区公安局政务服务大厅',
  'hall-2': '南岸区出入境接待大厅',
  'hall-3': '古南派出所户籍窗口',
};

/**
 * The demo's halls: real hubs (the demo hall config under another name, each with its own SQLite
 * folder) pushing to the city, with a little traffic of their own so the city has something to show.
 */
export async function startDemoHalls(o: {
  cityUrl: string;
  dataDir: string;
  keys: Map<string, string>;
}): Promise<DemoHall[]> {
  const raw = JSON.parse(readFileSync(repoPath('db/seed/demo-hall.json'), 'utf8')) as Record<string, unknown> & {
    hall: Record<string, unknown>;
    devices: Record<string, unknown>[];
    windows: Record<string, unknown>[];
  };
  const out: DemoHall[] = [];
  let i = 0;
  for (const [hallId, hallKey] of o.keys) {
    const dir = join(o.dataDir, hallId);
    mkdirSync(dir, { recursive: true });
    // No printers: the demo's fake printers listen on fixed ports, which three halls (or a demo hub
    // already running) would fight over. Tickets show on the kiosk screen and the phone page instead.
    const config = parseHallConfig({
      ...raw,
      printers: [],
      devices: raw.devices.map(({ printer: _p, ...d }) => d),
      windows: raw.windows.map(({ printer: _p, ...w }) => w),
      hall: { ...raw.hall, name: DEMO_HALL_NAMES[hallId] ?? hallId },
      city: { url: o.cityUrl, hallId, hallKey, intervalMs: 1000 },
    });
    const db = openDb(dir);
    const hub = createHub({
      config,
      db,
      dataDir: dir,
      adjustConfig: alwaysOpen,
      log: (l) => console.log(`[${hallId}] ${l}`),
    });
    const url = await hub.listen(0);
    const traffic = demoTraffic(url, 4000 + 1500 * i++);
    out.push({
      hallId,
      name: config.hall.name,
      url,
      stop: async () => {
        traffic.stop();
        await hub.close();
        db.close();
      },
    });
  }
  return out;
}

/** A citizen now and then at the kiosk, and window 1 calling and serving them. */
function demoTraffic(url: string, everyMs: number): { stop: () => void } {
  let n = 0;
  let token: string | null = null;
  const call = async (path: string, body: unknown, bearer: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };
  const step = async (): Promise<void> => {
    n++;
    const services = ['traffic-violation-query', 'house-number-query', 'seal-engraving-filing'];
    await call(
      '/api/tickets',
      { requestId: `demo-${Date.now()}-${n}`, serviceId: services[n % 3] },
      'demo-kiosk-1-key',
    );
    if (token === null) {
      const login = await call('/api/auth/login', { officerId: '1001', pin: '1234' }, '');
      if (login.status !== 200) return;
      token = (login.body as { token: string }).token;
      await call('/api/windows/w1/sign-in', {}, token);
    }
    if (n % 2 === 0) {
      await call('/api/windows/w1/finish', {}, token);
      const called = await call('/api/windows/w1/call-next', { requestId: `demo-c-${Date.now()}-${n}` }, token);
      if ((called.body as { ticket?: unknown } | null)?.ticket != null) await call('/api/windows/w1/start', {}, token);
    }
  };
  const timer = setInterval(() => void step().catch(() => undefined), everyMs);
  return { stop: () => clearInterval(timer) };
}
