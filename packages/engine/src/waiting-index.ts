import type { Ticket } from '@yichuang/protocol';

/**
 * The waiting tickets, kept in call order so that calling the next ticket and counting the people
 * ahead do not scan the whole day's tickets (a busy hall holds thousands by the afternoon).
 *
 * Per queue two lines, each sorted by issue time (then number): priority tickets (green channel,
 * appointment, carried over: few) and ordinary ones. Among ordinary tickets the oldest is always the
 * best choice (every call rule ranks an older ordinary ticket no lower than a younger one), so a
 * window looks at the head of each ordinary line and at the short priority lines only. Tickets bound
 * to a window (a transfer to it, a carry-over promise) are also listed by that window.
 *
 * Kept by `putTicket` / `dropTicket`, the only ways the engine changes its ticket map.
 */
export interface WaitingIndex {
  queues: Map<string, QueueLines>;
  /** windowId → ids of waiting tickets bound to it. */
  bound: Map<string, Set<string>>;
  /** Numbers of tickets carried over from an earlier day (延时服务), by id: new numbers skip them. */
  carried: Map<string, string>;
  /** Where each indexed ticket is, to take it out again. */
  at: Map<string, { queueId: string; priority: boolean; boundTo: string | null; ticket: Ticket }>;
}

export interface QueueLines {
  priority: Ticket[];
  ordinary: Ticket[];
}

export function emptyIndex(): WaitingIndex {
  return { queues: new Map(), bound: new Map(), carried: new Map(), at: new Map() };
}

/** The static part of a ticket's class: priority by kind (green, appointment, carried over). */
export function isPriorityTicket(t: Ticket): boolean {
  return t.green !== null || t.appointment !== null || t.carriedOver;
}

/** When a ticket joined its line: its issue, or its return after a no-show when put back at the end. */
export function lineTime(t: Ticket): number {
  return t.requeuedAt ?? t.issuedAt;
}

/** Call order within a line: joined earlier first; at the same moment, the lower number (then the id). */
export function callOrder(a: Ticket, b: Ticket): number {
  const at = lineTime(a);
  const bt = lineTime(b);
  if (at !== bt) return at - bt;
  if (a.number !== b.number) return a.number < b.number ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** First position whose ticket is not before `t` (binary search; lines are short at the head, long at the tail). */
export function lowerBound(line: readonly Ticket[], t: Ticket): number {
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (callOrder(line[mid]!, t) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function linesOf(ix: WaitingIndex, queueId: string): QueueLines {
  let q = ix.queues.get(queueId);
  if (q === undefined) ix.queues.set(queueId, (q = { priority: [], ordinary: [] }));
  return q;
}

function take(ix: WaitingIndex, id: string): void {
  const where = ix.at.get(id);
  if (where === undefined) return;
  ix.at.delete(id);
  const lines = linesOf(ix, where.queueId);
  const line = where.priority ? lines.priority : lines.ordinary;
  const i = lowerBound(line, where.ticket);
  if (line[i]?.id === id) line.splice(i, 1);
  else {
    const j = line.findIndex((t) => t.id === id); // never expected; kept correct rather than fast
    if (j >= 0) line.splice(j, 1);
  }
  if (where.boundTo !== null) ix.bound.get(where.boundTo)?.delete(id);
}

/** The ticket as it now is: indexed while waiting, out of the index otherwise. */
export function indexTicket(ix: WaitingIndex, t: Ticket): void {
  take(ix, t.id);
  if (t.carriedOver) ix.carried.set(t.id, t.number);
  else ix.carried.delete(t.id);
  if (t.status !== 'waiting') return;
  const priority = isPriorityTicket(t);
  const lines = linesOf(ix, t.queueId);
  const line = priority ? lines.priority : lines.ordinary;
  // Tickets are mostly issued in order: the usual insert is at the end.
  const last = line[line.length - 1];
  if (last === undefined || callOrder(last, t) < 0) line.push(t);
  else line.splice(lowerBound(line, t), 0, t);
  ix.at.set(t.id, { queueId: t.queueId, priority, boundTo: t.targetWindowId, ticket: t });
  if (t.targetWindowId !== null) {
    let set = ix.bound.get(t.targetWindowId);
    if (set === undefined) ix.bound.set(t.targetWindowId, (set = new Set()));
    set.add(t.id);
  }
}

export function unindexTicket(ix: WaitingIndex, id: string): void {
  take(ix, id);
  ix.carried.delete(id);
}

/** How many tickets of `line` come before `t` in call order. */
export function countBefore(line: readonly Ticket[] | undefined, t: Ticket): number {
  return line === undefined ? 0 : lowerBound(line, t);
}
