import { hoursOn, isEligible, rankAt, type HallState } from '@yichuang/engine';
import { leavingPauseReasons, type Ticket, type WindowView } from '@yichuang/protocol';

export function officerName(state: HallState, officerId: string | null): string {
  if (officerId === null) return '';
  return state.model.officers.get(officerId)?.name ?? officerId;
}

export function serviceOf(state: HallState, serviceId: string): { name: string; materials: string[] } | undefined {
  return state.model.services.get(serviceId);
}

export function queueName(state: HallState, queueId: string): string {
  return state.model.queues.get(queueId)?.name ?? queueId;
}

export function windowName(state: HallState, windowId: string | null): string {
  if (windowId === null) return '';
  return state.model.windows.get(windowId)?.name ?? windowId;
}

/** The A and B officers of a post (B may be missing). */
export function rosterOf(state: HallState, windowId: string): { a: string | null; b: string | null } {
  const r = state.model.roster.get(windowId);
  return { a: r?.a ?? null, b: r?.b ?? null };
}

/** The holder has left the post (离岗/会议/用餐): the partner may take it over. */
export function holderLeft(w: WindowView): boolean {
  return w.pause !== null && leavingPauseReasons.includes(w.pause.reason);
}

/**
 * Tickets this window may call, in the order the call rules would most likely take them
 * (rank, then issue time): what the officer sees is what 叫号 will do.
 */
export function waitingFor(state: HallState, windowId: string, now: number): Ticket[] {
  const cfg = state.model.windows.get(windowId);
  if (cfg === undefined) return [];
  const rules = state.model.config.callRules;
  return [...state.tickets.values()]
    .filter((t) => isEligible(t, cfg))
    .map((t) => ({ t, r: rankAt(t, cfg, now, rules) }))
    .sort((x, y) => x.r - y.r || x.t.issuedAt - y.t.issuedAt || (x.t.number < y.t.number ? -1 : 1))
    .map((x) => x.t);
}

/**
 * Tickets of this window's line on hold (暂缓, a guide's): not callable, listed apart so the officer
 * knows where they went. Oldest first.
 */
export function heldFor(state: HallState, windowId: string): Ticket[] {
  const cfg = state.model.windows.get(windowId);
  if (cfg === undefined) return [];
  return [...state.tickets.values()]
    .filter((t) => t.heldAt != null && isEligible({ ...t, heldAt: null }, cfg))
    .sort((a, b) => a.issuedAt - b.issuedAt);
}

/** Today's first sign-in of an officer against opening time (提前10分钟上岗), or null. */
export function signInOf(
  state: HallState,
  officerId: string,
  fallbackAt?: number,
): { at: number; earlyMinutes: number } | null {
  const at = state.firstSignIns.get(officerId) ?? fallbackAt;
  const hours = hoursOn(state.model.config.hall, state.day);
  if (at === undefined || hours === null) return null;
  return { at, earlyMinutes: Math.floor((hours.open - at) / 60_000) };
}

/** The window an officer holds now, if any. */
export function heldBy(windows: WindowView[], officerId: string): WindowView | undefined {
  return windows.find((w) => w.holder?.officerId === officerId);
}
