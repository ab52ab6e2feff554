import type { SimulationResult } from './simulation-job.ts';

/** The simulation thread's answer to job `id`. */
export type WorkerReply =
  | { id: number; ok: true; result: SimulationResult }
  /** `invalid`: the simulator refused the input (the manager's to fix); otherwise it failed. */
  | { id: number; ok: false; invalid: boolean; message: string };
