import type { HallConfig } from '@yichuang/protocol';
import {
  comparePlans,
  extractHistory,
  simulateDay,
  type DemandInputJson,
  type HistoryExtract,
  type PlanComparison,
  type PlanInput,
  type RateCurveInput,
  type ServiceTimeModel,
  type SimulationOutput,
  type SimulationResult,
  type StoredEvent,
} from '@yichuang/simulator';

/** What the hub hands its simulation thread: plain data, cloned across the thread boundary. */
export interface SimulationJob {
  config: HallConfig;
  /** The business day simulated. */
  day: string;
  demand: { kind: 'replay'; day: string; events: StoredEvent[] } | { kind: 'curve'; curve: RateCurveInput };
  /** Given by the manager; a replay falls back on the day's own fits. */
  serviceTimes?: Partial<ServiceTimeModel> | undefined;
  plans: [PlanInput] | [PlanInput, PlanInput];
  seed: number;
  noShow?: { share: number; waitS: number } | undefined;
}

export type { SimulationResult };

/** Runs in the simulation thread; throws the simulator's SimulationError on input it cannot run. */
export function runSimulationJob(job: SimulationJob, now: () => number): SimulationResult {
  const started = now();
  let history: HistoryExtract | null = null;
  let demand: DemandInputJson['demand'];
  if (job.demand.kind === 'replay') {
    history = extractHistory(job.demand.events, job.demand.day);
    demand = { kind: 'replay', arrivals: history.arrivals };
  } else demand = { kind: 'curve', curve: job.demand.curve };
  const serviceTimes = job.serviceTimes ?? history?.serviceTimes ?? {};
  const input: DemandInputJson = {
    config: job.config,
    day: job.day,
    demand,
    serviceTimes,
    seed: job.seed,
    ...(job.noShow === undefined ? {} : { noShow: job.noShow }),
  };
  const [planA, planB] = job.plans;
  let a: SimulationOutput;
  let b: SimulationOutput | null = null;
  let difference: PlanComparison['difference'] | null = null;
  if (planB === undefined) a = simulateDay({ ...input, plan: planA });
  else ({ a, b, difference } = comparePlans(input, planA, planB));
  return {
    day: job.day,
    replayOf: history === null ? null : history.day,
    seed: job.seed,
    a,
    b,
    difference,
    serviceTimes,
    runMs: Math.round(now() - started),
  };
}
