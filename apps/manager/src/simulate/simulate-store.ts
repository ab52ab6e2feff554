import { create } from 'zustand';
import { useManager } from '../shell/manager-store.ts';
import type { CurveDraft } from './curve-model.ts';
import type { HallWindow, PlanDraft } from './plan-model.ts';
import type { QueueService } from './service-model.ts';
import type { CurrentPlan, HistoryView, SimulationResult } from './sim-api.ts';

export type DemandMode = 'replay' | 'curve';
export type ServiceMode = 'history' | 'custom';

/**
 * The page's working copy: kept while the manager looks at other pages, so a plan half edited or a
 * result being discussed is still there on coming back. Dropped at logout (the next manager starts
 * from the hall as it is then).
 */
export interface SimulateState {
  /** Today's hall from the hub: the hours, queues and open windows the plans start from. */
  base: CurrentPlan | null;
  /** Every window of the hall's config, closed ones too (they can be opened in a plan). */
  hallWindows: HallWindow[];
  defaultServiceMinutes: number;
  history: HistoryView | null;
  historyLoading: boolean;
  mode: DemandMode;
  curve: CurveDraft | null;
  serviceMode: ServiceMode;
  service: QueueService[];
  plans: [PlanDraft, PlanDraft];
  compare: boolean;
  seed: number;
  running: boolean;
  result: SimulationResult | null;
  /** The request the result answers (as JSON), to tell when the page has been edited since. */
  resultOf: string | null;
  /** Runs answered, and how many of them the results view has scrolled into sight. */
  runs: number;
  revealed: number;
  /** The hub's refusal of the last run, with the field it points at. */
  error: { message: string; field?: string | undefined } | null;
  loadError: string | null;
  set: (patch: Partial<SimulateState>) => void;
  setPlan: (index: 0 | 1, plan: PlanDraft) => void;
}

type Data = Omit<SimulateState, 'set' | 'setPlan'>;

const initial: Data = {
  base: null,
  hallWindows: [],
  defaultServiceMinutes: 5,
  history: null,
  historyLoading: false,
  mode: 'replay',
  curve: null,
  serviceMode: 'history',
  service: [],
  plans: [
    { name: '', windows: [] },
    { name: '', windows: [] },
  ],
  compare: true,
  seed: 1,
  running: false,
  result: null,
  resultOf: null,
  runs: 0,
  revealed: 0,
  error: null,
  loadError: null,
};

export const useSimulate = create<SimulateState>()((set) => ({
  ...initial,
  set: (patch) => set(patch),
  setPlan: (index, plan) => set((s) => ({ plans: index === 0 ? [plan, s.plans[1]] : [s.plans[0], plan], error: null })),
}));

useManager.subscribe((now, before) => {
  if (now.session === null && before.session !== null) useSimulate.setState(initial);
});
