import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAfterRestart, checkDatabase, startCrashLoad } from '../support/crash-load.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { testHallConfig } from '../support/test-hall.ts';

const dir = mkdtempSync(join(tmpdir(), 'yichuang-crash-'));
const configFile = join(dir, 'hall.json');
const dataDir = join(dir, 'data');
const hallConfig = testHallConfig({ windows: 4 });
writeFileSync(configFile, JSON.stringify(hallConfig));
let hub: HubProcess | null = null;

afterAll(() => {
  hub?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the hub killed with SIGKILL under load', () => {
  it('loses no acknowledged ticket or call, issues nothing twice, and numbering continues', async () => {
    hub = await spawnHub({ config: configFile, data: dataDir });
    const load = await startCrashLoad(hub.url, {
      windows: 4,
      kioskKeys: ['kiosk-1-secret', 'kiosk-2-secret'],
      parallel: 1,
    });
    await new Promise((r) => setTimeout(r, 700 + Math.floor(Math.random() * 800)));
    hub.child.kill('SIGKILL');
    await hub.exited;
    await load.stop();
    expect(load.ackedTickets.size).toBeGreaterThan(20);
    expect(load.ackedCalls.length).toBeGreaterThan(5);

    hub = await spawnHub({ config: configFile, data: dataDir });
    const next = await checkAfterRestart(hub.url, load, 'kiosk-1-secret');
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    hub = null;
    checkDatabase(dataDir, hallConfig, load, next);
  }, 60_000);
});
