import type { Ack } from '@yichuang/protocol';
import type {
  CurrentPlan,
  HistoryView,
  PlanInput,
  RateCurveInput,
  ServiceTimeModel,
  SimulationResult,
} from '@yichuang/simulator';
import { api } from '../shell/hub-api.ts';

/*
 * The hub's 排班模拟 answers; their shapes come from @yichuang/simulator (simulation-api.ts), as types
 * only: the simulation runs in the hub, never in the browser.
 */
export type { CurrentPlan, DayHoursText, HistoryQueue, HistoryView, SimulationResult } from '@yichuang/simulator';

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
