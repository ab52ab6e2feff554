import type { QueueView, Ticket, TicketView, WindowStateName, WindowView } from '@yichuang/protocol';
import { leavingPauseReasons } from '@yichuang/protocol';
import { serves } from './hall-model.ts';
import type { HallState } from './hall-state.ts';

/** Until a queue has this many recent service times, the configured default fills the rest in. */
export const PRIOR_SAMPLES = 3;
/** A mean below this (seconds) is mis-clicks, not citizens served; unless the hall's default is lower. */
export const MIN_SERVICE_S = 60;

/**
 * Mean recent service time of a queue in seconds: the rolling `SERVICE_SAMPLES` times, padded with
 * `defaultServiceMinutes` while there are fewer than `PRIOR_SAMPLES` (one quick first ticket is not
 * the day's pace), and never below a minute (or the default, if the hall configured less).
 */
export function meanServiceS(state: HallState, queueId: string): number {
  const defaultS = state.model.config.callRules.defaultServiceMinutes * 60;
  const list = state.samples.get(queueId) ?? [];
  const pad = Math.max(0, PRIOR_SAMPLES - list.length);
  const mean = (list.reduce((a, b) => a + b, 0) + pad * defaultS) / (list.length + pad);
  return Math.max(mean, Math.min(MIN_SERVICE_S, defaultS));
}

/** Someone works at the window now: open, held, and the holder has not left it (a short pause counts). */
function staffed(state: HallState, windowId: string): boolean {
  return state.model.windows.get(windowId)?.open === true && !nobodyActive(state, windowId);
}

/** Staffed windows that serve the queue, whole (a window serving all queues counts once for each). */
export function staffedWindows(state: HallState, queueId: string): number {
  let n = 0;
  for (const w of state.model.config.windows) if (serves(w, queueId) && staffed(state, w.id)) n++;
  return n;
}

/** Tickets waiting per queue that will most likely be called before the one being estimated. */
export type Demand = ReadonlyMap<string, number>;

/**
 * The work (seconds) of other queues that the staffed windows serving `queueId` will do before the
 * ticket being estimated. Each other queue's waiting work is spread evenly over the staffed windows
 * that serve it; the share that falls on windows also serving `queueId` delays it. So a
 * comprehensive window that also serves a long 出入境 line gives 户籍 only part of its time, and a
 * window serving N busy queues about 1/N of it.
 */
function sharedWorkS(state: HallState, queueId: string, demand: Demand): number {
  const mine = state.model.config.windows.filter((w) => serves(w, queueId) && staffed(state, w.id));
  let work = 0;
  for (const [q, n] of demand) {
    if (q === queueId || n === 0) continue;
    const both = mine.filter((w) => serves(w, q)).length;
    if (both === 0) continue;
    work += (n * meanServiceS(state, q) * both) / staffedWindows(state, q);
  }
  return work;
}

/**
 * How many windows' worth of work the queue gets now: its staffed windows, less the time they give
 * to the other queues they also serve (`sharedWorkS`). A window serving only this queue counts 1; a
 * window serving all queues counts as a share when the others have people waiting. 0 when no
 * staffed window serves the queue.
 */
export function servingWindows(state: HallState, queueId: string, demand: Demand): number {
  const k = staffedWindows(state, queueId);
  if (k === 0) return 0;
  const own = Math.max(1, demand.get(queueId) ?? 0) * meanServiceS(state, queueId);
  return (k * own) / (own + sharedWorkS(state, queueId, demand));
}

export interface WaitEstimate {
  /** Seconds until the ticket is likely called. */
  seconds: number;
  /** No staffed window serves the queue now: `seconds` then assumes one window will. */
  unstaffed: boolean;
}

/**
 * The wait of a ticket with `demand.get(queueId)` tickets ahead in its own queue (and, in other
 * queues, the tickets that compete with it for the same windows): the work ahead divided by the
 * windows' worth of work the queue gets, and never less than one mean service time while anyone
 * is ahead (the citizen ahead has to be served first, however many windows there are).
 */
export function estimateWaitS(state: HallState, queueId: string, demand: Demand): WaitEstimate {
  const ahead = demand.get(queueId) ?? 0;
  const capacity = servingWindows(state, queueId, demand);
  const unstaffed = capacity === 0;
  if (ahead === 0) return { seconds: 0, unstaffed };
  const mean = meanServiceS(state, queueId);
  const raw = (ahead * mean) / (unstaffed ? 1 : capacity);
  return { seconds: Math.round(Math.max(mean, raw)), unstaffed };
}

function isPriority(t: Ticket): boolean {
  return t.green !== null || t.appointment !== null || t.carriedOver;
}

/** Issued earlier; at the same moment, numbered lower (the call order's tie-break). */
function olderThan(a: Ticket, b: Ticket): boolean {
  return a.issuedAt < b.issuedAt || (a.issuedAt === b.issuedAt && a.number < b.number);
}

/** A waiting ticket a window serving both would most likely call before `ticket`. */
function callsBefore(t: Ticket, ticket: Ticket): boolean {
  return isPriority(ticket) ? isPriority(t) && olderThan(t, ticket) : isPriority(t) || olderThan(t, ticket);
}

/** Waiting tickets of the same queue that will most likely be called before this one. */
export function aheadOf(state: HallState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  let n = 0;
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting' || t.queueId !== ticket.queueId || t.id === ticket.id) continue;
    if (callsBefore(t, ticket)) n++;
  }
  return n;
}

/** Per queue, the waiting tickets that will most likely be called before this one (its own queue: `aheadOf`). */
function demandAhead(state: HallState, ticket: Ticket): Map<string, number> {
  const demand = new Map<string, number>();
  for (const t of state.tickets.values()) {
    if (t.status !== 'waiting' || t.id === ticket.id || !callsBefore(t, ticket)) continue;
    demand.set(t.queueId, (demand.get(t.queueId) ?? 0) + 1);
  }
  return demand;
}

function waitOf(state: HallState, t: Ticket): WaitEstimate {
  if (t.status !== 'waiting') return { seconds: 0, unstaffed: false };
  return estimateWaitS(state, t.queueId, demandAhead(state, t));
}

export function ticketView(state: HallState, t: Ticket): TicketView {
  const ahead = aheadOf(state, t);
  const wait = waitOf(state, t);
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
    estimatedWaitS: wait.seconds,
    unstaffed: wait.unstaffed,
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
  // A ticket taken now would have every waiting ticket ahead of it, in every queue.
  const demand = new Map([...waiting].map(([id, q]) => [id, q.n]));
  return state.model.config.queues.map((q) => {
    const w = waiting.get(q.id);
    const wait = estimateWaitS(state, q.id, demand);
    return {
      id: q.id,
      prefix: q.prefix,
      name: q.name,
      waiting: w?.n ?? 0,
      longestWaitS: w === undefined ? 0 : Math.max(0, Math.round((now - w.oldest) / 1000)),
      estimatedWaitS: wait.seconds,
      unstaffed: wait.unstaffed,
    };
  });
}
