import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { SimulationError } from '@yichuang/simulator';
import { runSimulationJob, type SimulationJob } from './simulation-job.ts';
import type { WorkerReply } from './worker-messages.ts';

/**
 * The simulation thread: one job at a time from the hub, answered with the result or with why it
 * could not run. Input the simulator refuses is the manager's to fix (`invalid`); anything else is
 * a fault of ours.
 */
const port = parentPort;
if (port === null) throw new Error('simulate-worker runs as a worker thread');

port.on('message', (message: { id: number; job: SimulationJob }) => {
  let reply: WorkerReply;
  try {
    reply = { id: message.id, ok: true, result: runSimulationJob(message.job, () => performance.now()) };
  } catch (err) {
    reply = {
      id: message.id,
      ok: false,
      invalid: err instanceof SimulationError,
      message: err instanceof Error ? err.message : String(err),
    };
  }
  port.postMessage(reply);
});
