import { isEligible, type HallState } from '@yichuang/engine';

/** Names out of the mirror's config, for the page's lines and dialogs. */
export function queueNames(state: HallState): Map<string, string> {
  return new Map(state.model.config.queues.map((q) => [q.id, q.name]));
}

export function officerName(state: HallState, officerId: string | null | undefined): string {
  if (officerId === null || officerId === undefined) return '';
  return state.model.officers.get(officerId)?.name ?? officerId;
}

export function windowName(state: HallState, windowId: string | null): string {
  if (windowId === null) return '';
  return state.model.windows.get(windowId)?.name ?? windowId;
}

export function serviceName(state: HallState, serviceId: string): string {
  return state.model.services.get(serviceId)?.name ?? serviceId;
}

/** Waiting tickets each window could call now (what 叫号 there would find). */
export function callableByWindow(state: HallState): Map<string, number> {
  const out = new Map<string, number>();
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  for (const w of state.model.config.windows)
    out.set(
      w.id,
      waiting.reduce((n, t) => (isEligible(t, w) ? n + 1 : n), 0),
    );
  return out;
}
