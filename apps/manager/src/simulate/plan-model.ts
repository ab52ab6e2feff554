import type { PlanInput } from '@yichuang/simulator';
import type { DayHoursText } from './sim-api.ts';

/** One window of a plan as the editor holds it: every field a plain value a form input can show. */
export interface WindowDraft {
  id: string;
  number: number;
  name: string;
  /** A window of the hall's config (it exists at the counter); otherwise added for the plan. */
  inHall: boolean;
  queues: 'all' | string[];
  green: boolean;
  /** "HH:MM", or "" for the hall's opening time. */
  from: string;
  /** "HH:MM", or "" for the end of extended service. */
  to: string;
  /** Start of the lunch pause ("HH:MM"), or "" for none. */
  lunchFrom: string;
  lunchMinutes: number;
}

export interface PlanDraft {
  name: string;
  windows: WindowDraft[];
}

/** A hall window as the plan editor needs it (from the running config). */
export interface HallWindow {
  id: string;
  number: number;
  name: string;
  queues: 'all' | string[];
  greenChannel: boolean;
}

export const DEFAULT_LUNCH_MINUTES = 30;
/** Where a lunch pause starts when first ticked; the manager staggers them from there. */
export const DEFAULT_LUNCH_FROM = '12:00';

/** The hub's plan (GET /api/simulation/plan) as a draft; its windows are all the hall's. */
export function draftFromPlan(plan: PlanInput, name: string, hall: readonly HallWindow[]): PlanDraft {
  const byId = new Map(hall.map((w) => [w.id, w]));
  const pauses = plan.pauses ?? [];
  return {
    name,
    windows: plan.windows.map((w) => {
      const known = byId.get(w.id);
      const number = w.number ?? known?.number ?? 0;
      const shift = w.shifts?.[0];
      const lunch = pauses.find((p) => p.window === w.id);
      return {
        id: w.id,
        number,
        name: w.name ?? known?.name ?? `${number}号窗口`,
        inHall: known !== undefined,
        queues: w.queues ?? known?.queues ?? 'all',
        green: w.greenChannel ?? known?.greenChannel ?? false,
        from: shift?.from ?? '',
        to: shift?.to ?? '',
        lunchFrom: lunch?.from ?? '',
        lunchMinutes: lunch?.minutes ?? DEFAULT_LUNCH_MINUTES,
      };
    }),
  };
}

/** Plan B starts as a copy of A: same windows, its own name. */
export const copyPlan = (from: PlanDraft, name: string): PlanDraft => ({
  name,
  windows: from.windows.map((w) => ({ ...w, queues: w.queues === 'all' ? 'all' : [...w.queues] })),
});

export function updateWindow(plan: PlanDraft, id: string, change: Partial<WindowDraft>): PlanDraft {
  return { ...plan, windows: plan.windows.map((w) => (w.id === id ? { ...w, ...change } : w)) };
}

export const removeWindow = (plan: PlanDraft, id: string): PlanDraft => ({
  ...plan,
  windows: plan.windows.filter((w) => w.id !== id),
});

/**
 * The window "add" would open: the lowest-numbered window of the hall the plan leaves closed (it is
 * there at the counter), or else a new one numbered after every window the hall and the plan have.
 */
export function nextWindow(plan: PlanDraft, hall: readonly HallWindow[]): WindowDraft {
  const planned = new Set(plan.windows.map((w) => w.id));
  const closed = [...hall].sort((a, b) => a.number - b.number).find((w) => !planned.has(w.id));
  const blank = { from: '', to: '', lunchFrom: '', lunchMinutes: DEFAULT_LUNCH_MINUTES };
  if (closed !== undefined)
    return {
      id: closed.id,
      number: closed.number,
      name: closed.name,
      inHall: true,
      queues: closed.queues === 'all' ? 'all' : [...closed.queues],
      green: closed.greenChannel,
      ...blank,
    };
  const number = Math.max(0, ...hall.map((w) => w.number), ...plan.windows.map((w) => w.number)) + 1;
  const ids = new Set([...hall.map((w) => w.id), ...planned]);
  let id = `new-${number}`;
  for (let k = 2; ids.has(id); k++) id = `new-${number}-${k}`;
  return { id, number, name: `${number}号窗口`, inHall: false, queues: 'all', green: false, ...blank };
}

export const addWindow = (plan: PlanDraft, hall: readonly HallWindow[]): PlanDraft => ({
  ...plan,
  windows: [...plan.windows, nextWindow(plan, hall)].sort((a, b) => a.number - b.number),
});

/** Serve every queue, or switch to a list starting from every queue (so nothing changes until one is taken off). */
export function setAllQueues(w: WindowDraft, all: boolean, queueIds: readonly string[]): Partial<WindowDraft> {
  if (all) return { queues: 'all' };
  return { queues: w.queues === 'all' ? [...queueIds] : w.queues };
}

/** Take a queue on or off a window's list, kept in the hall's queue order. */
export function toggleQueue(w: WindowDraft, queueId: string, queueIds: readonly string[]): Partial<WindowDraft> {
  const current = w.queues === 'all' ? [...queueIds] : w.queues;
  const next = current.includes(queueId) ? current.filter((q) => q !== queueId) : [...current, queueId];
  return { queues: queueIds.filter((q) => next.includes(q)) };
}

/**
 * The draft as the simulator's plan. Times equal to the day's hours are left out, so the plan keeps
 * meaning "from opening to the end of extended service" whichever day it is run on.
 */
export function planJson(plan: PlanDraft, hours: DayHoursText | null): PlanInput {
  const from = (w: WindowDraft): string | undefined => (w.from === '' || w.from === hours?.open ? undefined : w.from);
  const to = (w: WindowDraft): string | undefined => (w.to === '' || w.to === hours?.serviceEnd ? undefined : w.to);
  return {
    name: plan.name,
    windows: plan.windows.map((w) => {
      const shift = { from: from(w), to: to(w) };
      return {
        id: w.id,
        number: w.number,
        name: w.name,
        queues: w.queues,
        greenChannel: w.green,
        ...(shift.from === undefined && shift.to === undefined
          ? {}
          : {
              shifts: [
                {
                  ...(shift.from === undefined ? {} : { from: shift.from }),
                  ...(shift.to === undefined ? {} : { to: shift.to }),
                },
              ],
            }),
      };
    }),
    pauses: plan.windows
      .filter((w) => w.lunchFrom !== '' && w.lunchMinutes > 0)
      .map((w) => ({ window: w.id, from: w.lunchFrom, minutes: w.lunchMinutes, reason: 'meal' as const })),
  };
}

/** Queues no window of the plan serves: their citizens would wait all day. */
export function unservedQueues(plan: PlanDraft, queueIds: readonly string[]): string[] {
  if (plan.windows.some((w) => w.queues === 'all')) return [];
  const served = new Set(plan.windows.flatMap((w) => (w.queues === 'all' ? [] : w.queues)));
  return queueIds.filter((q) => !served.has(q));
}

/** Which plan and window a refusal's field points at ("plans.1.windows.2.queues" → B, its third window). */
export function fieldTarget(field: string | undefined): { plan: number; window: number | null } | null {
  const m = /^plans\.(\d+)(?:\.windows\.(\d+))?/.exec(field ?? '');
  if (m === null) return null;
  return { plan: Number(m[1]), window: m[2] === undefined ? null : Number(m[2]) };
}

/** The hub's message without its leading field path, for showing at the window the field names. */
export function withoutField(message: string, field: string | undefined): string {
  return field !== undefined && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
