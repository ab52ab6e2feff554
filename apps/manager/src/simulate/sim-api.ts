import type { Ack } from '@yichuang/protocol';
import type {
  PlanComparison,
  PlanInput,
  RateCurveInput,
  ServiceTime,
  ServiceTimeModel,
  SimulationOutput,
} from '@yichuang/simulator';
import { api } from '../shell/hub-api.ts';

/*
 * The hub's 排班模拟 answers (apps/hub/src/simulation: history-view.ts, current-plan.ts,
 * simulation-job.ts). The simulator's own types come from @yichuang/simulator, as types only: the
 * simulation runs in the hub, never in the browser.
 */

export interface HistoryQueue {
  queueId: string;
  name: string;
  issued: number;
  /** "09" → tickets taken from 09:00 to 09:59. */
  perHour: Record<string, number>;
  serviceTime: ServiceTime | null;
  finished: number;
  meanServiceS: number | null;
}

export interface HistoryView {
  day: string | null;
  issued: number;
  green: number;
  appointments: number;
  queues: HistoryQueue[];
  serviceTimes: ServiceTimeModel;
  recentDays: { day: string; tickets: number }[];
}

export interface DayHoursText {
  open: string;
  close: string;
  /** End of extended service; past midnight "24:29" and so on. */
  serviceEnd: string;
}

export interface CurrentPlan {
  day: string;
  hours: DayHoursText | null;
  queues: { id: string; prefix: string; name: string }[];
  plan: PlanInput;
}

export interface SimulationResult {
  day: string;
  replayOf: string | null;
  seed: number;
  a: SimulationOutput;
  b: SimulationOutput | null;
  difference: PlanComparison['difference'] | null;
  serviceTimes: Partial<ServiceTimeModel>;
  runMs: number;
}

export interface RunBody {
  demand: { kind: 'replay'; day: string } | { kind: 'curve'; curve: RateCurveInput };
  serviceTimes?: Partial<ServiceTimeModel>;
  plans: [PlanInput] | [PlanInput, PlanInput];
  seed: number;
}

export const fetchHistory = (day?: string): Promise<Ack<HistoryView>> =>
  api<HistoryView>('GET', `/api/simulation/history${day === undefined ? '' : `?date=${encodeURIComponent(day)}`}`);

export const fetchCurrentPlan = (): Promise<Ack<CurrentPlan>> => api<CurrentPlan>('GET', '/api/simulation/plan');

export const runSimulation = (body: RunBody): Promise<Ack<SimulationResult>> =>
  api<SimulationResult>('POST', '/api/simulation/run', body);
