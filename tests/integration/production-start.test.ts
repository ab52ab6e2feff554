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
    writeFileSync(config, JSON.stringify(testHallConfig()));
    hub = await spawnHub({ config, data: join(dir, 'data'), bundle: true });
    const health = (await (await fetch(`${hub.url}/api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const take = await fetch(`${hub.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer kiosk-1-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: 'p1', serviceId: 'cert' }),
    });
    expect(take.status).toBe(201);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    hub = null;
  });
});
