import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HUB_NODE_FLAGS, spawnHub, type HubProcess } from '../support/hub-process.ts';
import { testHallConfig } from '../support/test-hall.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'yichuang-prod-'));
let hub: HubProcess | null = null;
afterAll(() => {
  hub?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the production hub (npm start / npm run hub)', () => {
  it('runs the scripts with the same node flags the bench measures', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ['start', 'hub'])
      expect(scripts[name]).toContain(`node ${HUB_NODE_FLAGS.join(' ')} dist/hub/cli.mjs`);
  });

  it('builds to plain JavaScript that starts, finds its migrations, answers and stops on SIGTERM', async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-hub.ts'], { cwd: root, stdio: 'pipe' });
    const config = join(dir, 'hall.json');
    // Open around the clock, but without extended service past midnight: a simulated day ends at its midnight.
    const hall = testHallConfig();
    writeFileSync(config, JSON.stringify({ ...hall, hall: { ...hall.hall, extendedServiceMinutes: 0 } }));
    hub = await spawnHub({ config, data: join(dir, 'data'), bundle: true });
    const health = (await (await fetch(`${hub.url}/api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const take = await fetch(`${hub.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer kiosk-1-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: 'p1', serviceId: 'cert' }),
    });
    expect(take.status).toBe(201);
    // 排班模拟 runs on dist/hub/simulate-worker.mjs, started beside the bundle without a TypeScript loader.
    const login = (await (
      await fetch(`${hub.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ officerId: 'm1', pin: '9999' }),
      })
    ).json()) as { token: string };
    const run = await fetch(`${hub.url}/api/simulation/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        demand: { kind: 'curve', curve: { queues: [{ queue: 'quick', perHour: { '10': 30, '11': 30 } }] } },
        plans: [{ windows: [{ id: 'w1' }] }, { windows: [{ id: 'w1' }, { id: 'w2' }] }],
      }),
    });
    expect(run.status).toBe(200);
    const result = (await run.json()) as { a: { totals: { issued: number } }; b: { totals: { issued: number } } };
    expect(result.a.totals.issued).toBeGreaterThan(30);
    expect(result.b.totals.issued).toBe(result.a.totals.issued);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    hub = null;
  });
});
