import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulationJob } from './simulation-job.ts';
import { SimulationRunner } from './simulation-runner.ts';

/** A thread that takes jobs and never answers, as a simulation far too large would. */
const silent = (): Worker =>
  new Worker("require('node:worker_threads').parentPort.on('message', () => {});", { eval: true });
/** A thread that dies on its first job. */
const crashing = (): Worker =>
  new Worker("require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });", {
    eval: true,
  });

const job = (config: unknown = {}): SimulationJob =>
  ({
    config,
    day: '2026-11-24',
    demand: { kind: 'curve', curve: { queues: [{ queue: 'quick', perHour: { '09': 10 } }] } },
    plans: [{ windows: [{ id: 'w1' }] }],
    seed: 1,
  }) as SimulationJob;

let runner: SimulationRunner | null = null;
afterEach(async () => {
  await runner?.close();
  runner = null;
});

describe('SimulationRunner', () => {
  it('stops a run over its time limit, and starts a fresh thread for the next', async () => {
    let spawned = 0;
    runner = new SimulationRunner({ timeoutMs: 150, spawn: () => (spawned++, silent()) });
    const started = Date.now();
    const first = await runner.run(job());
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(first).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!first.ok && first.error.message).toMatch(/已中止/);
    expect(runner.busy).toBe(false);
    await runner.run(job());
    expect(spawned).toBe(2);
  });

  it('runs one at a time: a second run while one goes is told SIMULATION_BUSY', async () => {
    runner = new SimulationRunner({ timeoutMs: 200, spawn: silent });
    const first = runner.run(job());
    expect(runner.busy).toBe(true);
    const second = await runner.run(job());
    expect(second).toMatchObject({ ok: false, error: { code: 'SIMULATION_BUSY' } });
    expect(await first).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers a run whose thread dies with an error instead of hanging', async () => {
    runner = new SimulationRunner({ timeoutMs: 5_000, spawn: crashing });
    const res = await runner.run(job());
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!res.ok && res.error.message).toMatch(/boom/);
    expect(runner.busy).toBe(false);
  });

  it('on the real thread, input the simulator refuses is VALIDATION_FAILED with its reason', async () => {
    runner = new SimulationRunner();
    const res = await runner.run(job({ hall: {} }));
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!res.ok && res.error.message).toMatch(/大厅配置无效/);
  });

  it('close answers a run still going', async () => {
    runner = new SimulationRunner({ spawn: silent });
    const pending = runner.run(job());
    await runner.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
