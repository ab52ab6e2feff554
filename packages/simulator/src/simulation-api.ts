import type { PlanComparison } from './simulate.ts';
import type { PlanInput, ServiceTime, ServiceTimeModel } from './input-schema.ts';
import type { SimulationOutput } from './simulation-output.ts';

/**
 * The hub's 排班模拟 answers (GET /api/simulation/history and /plan, POST /api/simulation/run), shared by
 * the hub that makes them and the manager console that reads them.
 */

export interface HistoryQueue {
  queueId: string;
  name: string;
  issued: number;
  /** "09" → tickets taken from 09:00 to 09:59 (hall time). */
  perHour: Record<string, number>;
  /** The queue's fitted service time (its own, else the day's); null: the hall's default applies. */
  serviceTime: ServiceTime | null;
  /** Finished tickets the fit rests on, and their mean service time. */
  finished: number;
  meanServiceS: number | null;
}

/** GET /api/simulation/history: what a replay of the day would repeat. */
export interface HistoryView {
  /** null when no day has tickets yet. */
  day: string | null;
  issued: number;
  green: number;
  appointments: number;
  queues: HistoryQueue[];
  /** The fits a replay uses unless the manager gives service times. */
  serviceTimes: ServiceTimeModel;
  /** Days with tickets, newest first, for the day picker. */
  recentDays: { day: string; tickets: number }[];
}

export interface DayHoursText {
  open: string;
  close: string;
  /**
   * End of service: the end of extended service (延时服务), or "24:00" when that would run past midnight,
   * where the engine turns the day.
   */
  serviceEnd: string;
  /** The end of extended service as configured when midnight cuts it: "24:29" (次日 00:29). */
  configuredServiceEnd?: string;
}

/** GET /api/simulation/plan: today's hall as a plan to start from. */
export interface CurrentPlan {
  /** The day whose hours are the plan's default times: today if the hall opens today, else the next open day. */
  day: string;
  hours: DayHoursText | null;
  queues: { id: string; prefix: string; name: string }[];
  plan: PlanInput;
}

/** POST /api/simulation/run. */
export interface SimulationResult {
  day: string;
  /** The day whose tickets were replayed, or null for a curve. */
  replayOf: string | null;
  seed: number;
  a: SimulationOutput;
  /** The second plan on the same citizens, when two were given. */
  b: SimulationOutput | null;
  /** b minus a. */
  difference: PlanComparison['difference'] | null;
  /** The service times the run drew from. */
  serviceTimes: Partial<ServiceTimeModel>;
  /** How long the simulation thread worked. */
  runMs: number;
}
