import type { PublicHallConfig } from '@yichuang/protocol';
import type { Lang } from '../shell/make-strings.ts';
import { busyHours, curveFromHistory, curveJson, curveTotal, openHours, typicalWeekday } from './curve-model.ts';
import { copyPlan, draftFromPlan, planJson, type HallWindow } from './plan-model.ts';
import { serviceModelJson, serviceRows } from './service-model.ts';
import { fetchCurrentPlan, fetchHistory, runSimulation, type HistoryView, type RunBody } from './sim-api.ts';
import { st } from './simulate-strings.ts';
import { useSimulate } from './simulate-store.ts';

/** A queue's level for a typical weekday without history: a small hall's quiet queue. */
const FALLBACK_PER_HOUR = 8;

/** Citizens per busy hour of a queue on the history day, for scaling the typical weekday to this hall. */
export function levelFrom(history: HistoryView | null, hours: readonly string[]): (queueId: string) => number {
  const busy = busyHours(hours).length;
  return (queueId) => {
    const q = history?.queues.find((h) => h.queueId === queueId);
    return q === undefined || history?.issued === 0 ? FALLBACK_PER_HOUR : q.issued / Math.max(1, busy);
  };
}

/**
 * First visit: today's hall as plan A and a copy as B, the last day with tickets as the demand (a
 * typical weekday's curve when the hall has none yet), that day's service times.
 */
export async function loadStart(lang: Lang, config: PublicHallConfig): Promise<void> {
  const s = useSimulate.getState();
  const hallWindows: HallWindow[] = config.windows.map((w) => ({
    id: w.id,
    number: w.number,
    name: w.name,
    queues: w.queues,
    greenChannel: w.greenChannel,
  }));
  const [plan, history] = await Promise.all([fetchCurrentPlan(), fetchHistory()]);
  if (!plan.ok) return s.set({ loadError: plan.error.message });
  if (!history.ok) return s.set({ loadError: history.error.message });
  const base = plan.data;
  const a = draftFromPlan(base.plan, st(lang, 'plan.nameA'), hallWindows);
  const hours = openHours(base.hours);
  const known = history.data.day !== null && history.data.issued > 0;
  s.set({
    base,
    hallWindows,
    defaultServiceMinutes: config.callRules.defaultServiceMinutes,
    history: history.data,
    mode: known ? 'replay' : 'curve',
    curve: known ? curveFromHistory(history.data, hours) : typicalWeekday(base.queues, hours, levelFrom(null, hours)),
    service: serviceRows(base.queues, history.data, config.callRules.defaultServiceMinutes),
    plans: [a, copyPlan(a, st(lang, 'plan.nameB'))],
    loadError: null,
  });
}

/** Another day to replay: its arrivals and service times (edited times stay as edited). */
export async function loadHistory(day: string): Promise<void> {
  const s = useSimulate.getState();
  s.set({ historyLoading: true });
  const res = await fetchHistory(day);
  const now = useSimulate.getState();
  if (!res.ok) return now.set({ historyLoading: false, error: { message: res.error.message } });
  now.set({
    historyLoading: false,
    history: res.data,
    error: null,
    ...(now.serviceMode === 'custom' || now.base === null
      ? {}
      : { service: serviceRows(now.base.queues, res.data, now.defaultServiceMinutes) }),
  });
}

/** The request the page's state makes, or why it cannot be made yet. */
export function runBody(lang: Lang): { body: RunBody } | { problem: string } {
  const s = useSimulate.getState();
  const hours = s.base?.hours ?? null;
  let demand: RunBody['demand'];
  if (s.mode === 'replay') {
    if (s.history?.day == null || s.history.issued === 0) return { problem: st(lang, 'run.noDay') };
    demand = { kind: 'replay', day: s.history.day };
  } else {
    if (s.curve === null || curveTotal(s.curve) === 0) return { problem: st(lang, 'curve.empty') };
    demand = { kind: 'curve', curve: curveJson(s.curve) };
  }
  // A replay brings its own day's fits; a curve borrows the picked day's, unless times are set by hand.
  const serviceTimes =
    s.serviceMode === 'custom'
      ? serviceModelJson(s.service)
      : s.mode === 'curve' && s.history !== null && s.history.issued > 0
        ? s.history.serviceTimes
        : undefined;
  const [a, b] = s.plans;
  return {
    body: {
      demand,
      ...(serviceTimes === undefined ? {} : { serviceTimes }),
      plans: s.compare ? [planJson(a, hours), planJson(b, hours)] : [planJson(a, hours)],
      seed: s.seed,
    },
  };
}

export async function run(lang: Lang): Promise<void> {
  const s = useSimulate.getState();
  if (s.running) return;
  const made = runBody(lang);
  if ('problem' in made) return s.set({ error: { message: made.problem } });
  s.set({ running: true, error: null });
  const res = await runSimulation(made.body);
  const now = useSimulate.getState();
  if (res.ok) now.set({ running: false, result: res.data, resultOf: JSON.stringify(made.body), runs: now.runs + 1 });
  else now.set({ running: false, error: { message: res.error.message, field: res.error.field } });
}

/** Plan A back to the hall as it is now (asked afresh: windows may have opened or closed since). */
export async function resetPlanA(lang: Lang): Promise<void> {
  const res = await fetchCurrentPlan();
  const s = useSimulate.getState();
  if (!res.ok) return s.set({ error: { message: res.error.message } });
  s.set({ base: res.data });
  s.setPlan(0, draftFromPlan(res.data.plan, st(lang, 'plan.nameA'), s.hallWindows));
}

export function copyAtoB(lang: Lang): void {
  const s = useSimulate.getState();
  s.setPlan(1, copyPlan(s.plans[0], st(lang, 'plan.nameB')));
}
