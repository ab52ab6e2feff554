import type { QueueView, Ticket, TicketView, WindowStateName, WindowView } from '@yichuang/protocol';
import { leavingPauseReasons } from '@yichuang/protocol';
import { serves } from './hall-model.ts';
import type { HallState } from './hall-state.ts';

/** Mean recent service time of a queue in seconds (rolling, `SERVICE_SAMPLES` long). */
export function meanServiceS(state: HallState, queueId: string): number {
  const list = state.samples.get(queueId);
  if (list === undefined || list.length === 0) return state.model.config.callRules.defaultServiceMinutes * 60;
  return list.reduce((a, b) => a + b, 0) / list.length;
}

/** Windows working a queue now; when none is, the open windows that would (at least 1). */
export function servingWindows(state: HallState, queueId: string): number {
  let active = 0;
  let open = 0;
  for (const w of state.model.config.windows) {
    if (!w.open || !serves(w, queueId)) continue;
    open++;
    const r = state.windows.get(w.id);
    if (r?.holder != null && r.pause === null) active++;
  }
  return Math.max(1, active > 0 ? active : open);
}

export function estimateWaitS(state: HallState, queueId: string, ahead: number): number {
  return Math.round((ahead * meanServiceS(state, queueId)) / servingWindows(state, queueId));
}

function isPriority(t: Ticket): boolean {
  return t.green !== null || t.appointment !== null || t.carriedOver;
}

/** Issued earlier; at the same moment, numbered lower (the call order's tie-break). */
function olderThan(a: Ticket, b: Ticket): boolean {
  return a.issuedAt < b.issuedAt || (a.issuedAt === b.issuedAt && a.number < b.number);
}

/** Waiting tickets of the same queue that will most likely be called before this one. */
export function aheadOf(state: HallState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const prio = isPriority(ticket);
  let n = 0;
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting' || t.queueId !== ticket.queueId || t.id === ticket.id) continue;
    if (prio ? isPriority(t) && olderThan(t, ticket) : isPriority(t) || olderThan(t, ticket)) n++;
  }
  return n;
}

export function ticketView(state: HallState, t: Ticket): TicketView {
  const ahead = aheadOf(state, t);
  return {
    id: t.id,
    number: t.number,
    queueId: t.queueId,
    serviceId: t.serviceId,
    green: t.green !== null,
    greenReason: t.green,
    appointmentCode: t.appointment?.code ?? null,
    status: t.status,
    issuedAt: t.issuedAt,
    ahead,
    estimatedWaitS: t.status === 'waiting' ? estimateWaitS(state, t.queueId, ahead) : 0,
    windowId: t.windowId,
    calledAt: t.calledAt,
    recalls: t.recalls,
    firstOfficerId: t.firstOfficerId,
    targetWindowId: t.targetWindowId,
    carriedOver: t.carriedOver,
    transfers: t.transfers,
    printed: t.printed,
    finishedAt: t.finishedAt,
    rating: t.rating,
  };
}

export function windowStateName(state: HallState, windowId: string): WindowStateName {
  const r = state.windows.get(windowId);
  if (r === undefined) return 'empty';
  if (r.pause !== null) return 'paused';
  if (r.holder === null) return 'empty';
  const t = r.ticketId === null ? undefined : state.tickets.get(r.ticketId);
  if (t?.status === 'called') return 'calling';
  if (t?.status === 'serving') return 'serving';
  return 'idle';
}

/** Nobody active at the post: no holder, or the holder has left it (paused 离岗/会议/用餐). */
export function nobodyActive(state: HallState, windowId: string): boolean {
  const r = state.windows.get(windowId);
  if (r === undefined || r.holder === null) return true;
  return r.pause !== null && leavingPauseReasons.includes(r.pause.reason);
}

export function windowView(state: HallState, windowId: string): WindowView {
  const cfg = state.model.windows.get(windowId);
  const r = state.windows.get(windowId);
  if (cfg === undefined || r === undefined) throw new Error(`unknown window ${windowId}`);
  const t = r.ticketId === null ? undefined : state.tickets.get(r.ticketId);
  return {
    id: cfg.id,
    number: cfg.number,
    name: cfg.name,
    state: windowStateName(state, windowId),
    queues: cfg.queues,
    greenChannel: cfg.greenChannel,
    open: cfg.open,
    holder:
      r.holder === null
        ? null
        : { ...r.holder, name: state.model.officers.get(r.holder.officerId)?.name ?? r.holder.officerId },
    pause: r.pause,
    emptyPost: r.emptySince !== null,
    emptySince: r.emptySince,
    coverRequestedFor: r.coverRequestedFor,
    ticket: t === undefined ? null : ticketView(state, t),
  };
}

export function queueViews(state: HallState, now: number): QueueView[] {
  const waiting = new Map<string, { n: number; oldest: number }>();
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting') continue;
    const q = waiting.get(t.queueId) ?? { n: 0, oldest: t.issuedAt };
    q.n++;
    q.oldest = Math.min(q.oldest, t.issuedAt);
    waiting.set(t.queueId, q);
  }
  return state.model.config.queues.map((q) => {
    const w = waiting.get(q.id);
    return {
      id: q.id,
      prefix: q.prefix,
      name: q.name,
      waiting: w?.n ?? 0,
      longestWaitS: w === undefined ? 0 : Math.max(0, Math.round((now - w.oldest) / 1000)),
      estimatedWaitS: estimateWaitS(state, q.id, w?.n ?? 0),
    };
  });
}
