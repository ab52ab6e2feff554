import type { QueueView, Ticket, TicketView, WindowStateName, WindowView } from '@yichuang/protocol';
import { leavingPauseReasons } from '@yichuang/protocol';
import { serves } from './hall-model.ts';
import type { HallState } from './hall-state.ts';
import { countBefore, isPriorityTicket, lineTime, type QueueLines } from './waiting-index.ts';

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
 * When the staffed windows serving `queueId` will have done `workS` seconds of its work. Each of
 * them first does its part of the other queues' waiting work (each other queue's work spread
 * evenly over the staffed windows that serve it), then joins in on this queue: a window serving
 * only this queue starts at once, a comprehensive window with a long 出入境 line only later. So a
 * window serving N busy queues is a share of a window for each, not a whole one for every one.
 * (The next-ticket rule takes the oldest eligible ticket, and every ticket waiting now is older
 * than the one being estimated.) Infinity when no staffed window serves the queue.
 */
function doneByS(state: HallState, queueId: string, demand: Demand, workS: number): number {
  const staffedFor = new Map<string, number>();
  const otherWorkS = (q: string): number => {
    let k = staffedFor.get(q);
    if (k === undefined) staffedFor.set(q, (k = staffedWindows(state, q)));
    return ((demand.get(q) ?? 0) * meanServiceS(state, q)) / k;
  };
  const queueIds = state.model.config.queues.map((q) => q.id);
  const starts: number[] = [];
  for (const w of state.model.config.windows) {
    if (!serves(w, queueId) || !staffed(state, w.id)) continue;
    const others = (w.queues === 'all' ? queueIds : w.queues).filter((q) => q !== queueId);
    starts.push(others.reduce((sum, q) => sum + ((demand.get(q) ?? 0) > 0 ? otherWorkS(q) : 0), 0));
  }
  if (starts.length === 0) return Number.POSITIVE_INFINITY;
  // Fill from the window that is free first: with i+1 windows on it, done(T) = Σ (T − start).
  starts.sort((a, b) => a - b);
  let sum = 0;
  for (let i = 0; i < starts.length; i++) {
    sum += starts[i]!;
    const next = starts[i + 1] ?? Number.POSITIVE_INFINITY;
    if ((i + 1) * next - sum >= workS) return (workS + sum) / (i + 1);
  }
  return Number.POSITIVE_INFINITY; // not reached: the last window's `next` is infinite
}

/**
 * How many windows' worth of work the queue gets now: the work ahead of a new ticket (at least
 * one ticket's) over the time its staffed windows take to do it (`doneByS`). A window serving only
 * this queue counts 1; a window serving every queue counts as a share when the others have
 * people waiting. 0 when no staffed window serves the queue.
 */
export function servingWindows(state: HallState, queueId: string, demand: Demand): number {
  const work = Math.max(1, demand.get(queueId) ?? 0) * meanServiceS(state, queueId);
  const t = doneByS(state, queueId, demand, work);
  return Number.isFinite(t) ? work / t : 0;
}

export interface WaitEstimate {
  /** Seconds until the ticket is likely called. */
  seconds: number;
  /** No staffed window serves the queue now: `seconds` then assumes one window will. */
  unstaffed: boolean;
}

/**
 * The wait of a ticket with `demand.get(queueId)` tickets ahead in its own queue (and, in other
 * queues, the tickets that compete with it for the same windows): the time the staffed windows
 * serving its queue take to do the work ahead of it (`doneByS`), and never less than one mean
 * service time while anyone is ahead (the citizen ahead has to be served first, however many
 * windows there are). With no staffed window: as if one window served only this queue.
 */
export function estimateWaitS(state: HallState, queueId: string, demand: Demand): WaitEstimate {
  const ahead = demand.get(queueId) ?? 0;
  const unstaffed = staffedWindows(state, queueId) === 0;
  if (ahead === 0) return { seconds: 0, unstaffed };
  const mean = meanServiceS(state, queueId);
  const raw = unstaffed ? ahead * mean : doneByS(state, queueId, demand, ahead * mean);
  return { seconds: Math.round(Math.max(mean, raw)), unstaffed };
}

/** Tickets of one queue's lines that will most likely be called before `ticket` (a priority ticket waits only for older priority ones). */
function aheadIn(lines: QueueLines | undefined, ticket: Ticket): number {
  if (lines === undefined) return 0;
  return isPriorityTicket(ticket)
    ? countBefore(lines.priority, ticket)
    : lines.priority.length + countBefore(lines.ordinary, ticket);
}

/** Waiting tickets of the same queue that will most likely be called before this one. */
export function aheadOf(state: HallState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  return aheadIn(state.waiting.queues.get(ticket.queueId), ticket);
}

/** Per queue, the waiting tickets that will most likely be called before this one (its own queue: `aheadOf`). */
function demandAhead(state: HallState, ticket: Ticket): Map<string, number> {
  const demand = new Map<string, number>();
  for (const [queueId, lines] of state.waiting.queues) {
    const n = aheadIn(lines, ticket);
    if (n > 0) demand.set(queueId, n);
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
    appointmentSlot: t.appointment === null ? null : { start: t.appointment.slotStart, end: t.appointment.slotEnd },
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
    remote: t.remote == null ? null : { arrived: t.remote.arrivedAt !== null },
    held: t.heldAt != null,
    issuedBy: t.issuedBy ?? null,
    personName: t.person?.name ?? null,
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
  for (const [queueId, lines] of state.waiting.queues) {
    const n = lines.priority.length + lines.ordinary.length;
    if (n === 0) continue;
    const heads = [lines.priority[0], lines.ordinary[0]].filter((t) => t !== undefined);
    waiting.set(queueId, { n, oldest: Math.min(...heads.map(lineTime)) });
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
