import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnTracedHub } from '../bench/slow-disk.ts';
import { checkAfterRestart, checkDatabase, startCrashLoad } from '../support/crash-load.ts';
import { HUB_NODE_FLAGS, spawnHub } from '../support/hub-process.ts';
import { testHallConfig } from '../support/test-hall.ts';

/**
 * Group commit under SIGKILL, as a property: the production hub runs with every fsync slowed to 3 ms
 * (strace fault injection, when strace can run here), so that most of its time is spent inside a
 * batch's commit; kiosks and windows keep dozens of commands in flight; the hub is killed at a random
 * moment and started again. Whatever the moment: no acknowledged ticket or call is lost, nothing is
 * issued or called twice, numbering is gap-free, and the log replays to the stored projections.
 */

const base = mkdtempSync(join(tmpdir(), 'yichuang-batch-crash-'));
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});
const config = testHallConfig({ windows: 4 });
const configFile = join(base, 'hall.json');
writeFileSync(
  configFile,
  JSON.stringify({ ...config, hall: { ...config.hall, publicUrl: 'http://192.168.1.10:8080' } }),
);
const straceWorks = spawnSync('strace', ['-V']).status === 0;

describe('SIGKILL inside group-commit batches', () => {
  it('at any moment: nothing acknowledged lost, nothing twice, numbering gap-free, replay equal', async () => {
    let run = 0;
    let killedWithWorkInFlight = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 250, max: 1500 }), async (killAfterMs) => {
        const data = join(base, `run-${run++}`);
        const first = straceWorks
          ? await spawnTracedHub({ config: configFile, data, nodeFlags: HUB_NODE_FLAGS, fsyncDelayMs: 3 })
          : { ...(await spawnHub({ config: configFile, data, bundle: true })), hubPid: undefined };
        const load = await startCrashLoad(first.url, {
          windows: 4,
          kioskKeys: ['kiosk-1-secret', 'kiosk-2-secret'],
          parallel: 6,
        });
        await new Promise((r) => setTimeout(r, killAfterMs));
        if (load.inFlight() > 0) killedWithWorkInFlight++;
        if (first.hubPid !== undefined) process.kill(first.hubPid, 'SIGKILL');
        else first.child.kill('SIGKILL');
        await first.exited;
        await load.stop();
        expect(load.ackedTickets.size).toBeGreaterThan(10);

        const again = await spawnHub({ config: configFile, data, bundle: true });
        try {
          const next = await checkAfterRestart(again.url, load, 'kiosk-1-secret');
          again.child.kill('SIGTERM');
          expect(await again.exited).toBe(0);
          checkDatabase(data, config, load, next);
        } finally {
          again.child.kill('SIGKILL');
        }
      }),
      { numRuns: 4, seed: 20261205 },
    );
    // The kills did land while commands were being decided and written, not between quiet moments.
    expect(killedWithWorkInFlight).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
