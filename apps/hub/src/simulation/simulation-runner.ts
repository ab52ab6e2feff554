import { Worker } from 'node:worker_threads';
import { fail, type Ack, type DomainError } from '@yichuang/protocol';
import type { SimulationJob, SimulationResult } from './simulation-job.ts';
import type { WorkerReply } from './worker-messages.ts';

export interface RunnerOptions {
  /** A run still going after this long is stopped (its thread terminated). */
  timeoutMs?: number;
  /** The thread is kept this long after a run for the next one, then ends (its memory goes back). */
  idleMs?: number;
  /** Starts the simulation thread; by default the one matching how the hub runs (bundle or source). */
  spawn?: () => Worker;
}

/**
 * A 5,000-ticket day takes the engine about half a second of solid CPU: run on the hub's own thread
 * it would hold every call, ticket and display for that long. So simulations run on a thread of
 * their own, one at a time (a second asks again later: 409 SIMULATION_BUSY), with a time limit.
 */
export class SimulationRunner {
  private worker: Worker | null = null;
  private current: { id: number; worker: Worker; settle: (ack: Ack<SimulationResult>) => void } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 0;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly spawn: () => Worker;

  constructor(options: RunnerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.idleMs = options.idleMs ?? 30_000;
    this.spawn = options.spawn ?? spawnSimulationWorker;
  }

  get busy(): boolean {
    return this.current !== null;
  }

  run(job: SimulationJob): Promise<Ack<SimulationResult>> {
    if (this.current !== null)
      return Promise.resolve({
        ok: false,
        error: fail(
          'SIMULATION_BUSY',
          '另一个模拟正在运行，请稍候再试 / another simulation is running, try again shortly',
        ),
      });
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.ensureWorker();
    const id = ++this.nextId;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(
          id,
          fail(
            'INTERNAL',
            `模拟超过 ${Math.round(this.timeoutMs / 1000)} 秒仍未完成，已中止；请减少客流或窗口后再试 / ` +
              `the simulation ran over ${Math.round(this.timeoutMs / 1000)} s and was stopped`,
          ),
        );
        this.stop(worker);
      }, this.timeoutMs);
      this.current = {
        id,
        worker,
        settle: (ack) => {
          clearTimeout(timer);
          resolve(ack);
        },
      };
      worker.postMessage({ id, job });
    });
  }

  /** Ends the thread; a run still going is answered with an error. */
  async close(): Promise<void> {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.current !== null) this.settle(this.current.id, fail('INTERNAL', '大厅服务正在停止 / the hub is stopping'));
    const w = this.worker;
    this.worker = null;
    if (w !== null) await w.terminate();
  }

  private settle(id: number, outcome: SimulationResult | DomainError): void {
    const c = this.current;
    if (c === null || c.id !== id) return;
    this.current = null;
    c.settle('code' in outcome ? { ok: false, error: outcome } : { ok: true, data: outcome });
    if (this.worker !== null) {
      this.idleTimer = setTimeout(() => this.stop(this.worker), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private stop(w: Worker | null): void {
    if (w === null) return;
    if (this.worker === w) this.worker = null;
    void w.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const w = this.spawn();
    // The hub's server keeps the process alive; an idle simulation thread must not.
    w.unref();
    w.on('message', (reply: WorkerReply) => {
      if (reply.ok) return this.settle(reply.id, reply.result);
      this.settle(
        reply.id,
        reply.invalid
          ? fail('VALIDATION_FAILED', reply.message)
          : fail('INTERNAL', `模拟失败 / the simulation failed: ${reply.message}`),
      );
    });
    const lost = (why: string): void => {
      if (this.worker === w) this.worker = null;
      if (this.current?.worker === w)
        this.settle(this.current.id, fail('INTERNAL', `模拟线程意外退出 / the simulation thread stopped: ${why}`));
    };
    w.on('error', (err) => lost(err.message));
    w.on('exit', (code) => lost(`exit ${code}`));
    this.worker = w;
    return w;
  }
}

/**
 * The bundled hub (dist/hub/cli.mjs) starts dist/hub/simulate-worker.mjs beside it. From source the
 * thread loads tsx first: on Node 20, `--import tsx` in a worker's execArgv does not register tsx's
 * hooks in the thread (tsx registers them on the main thread only there), its register() API does.
 */
export function spawnSimulationWorker(): Worker {
  // A long day of a big hall stays well under this; a runaway input fails the thread, not the hub.
  const resourceLimits = { maxOldGenerationSizeMb: 1024 };
  if (import.meta.url.endsWith('.mjs'))
    return new Worker(new URL('./simulate-worker.mjs', import.meta.url), { resourceLimits });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./simulate-worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, {
    eval: true,
    resourceLimits,
  });
}
