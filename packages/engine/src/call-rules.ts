import type { CallRules, Ticket, WindowConfig } from '@yichuang/protocol';
import { serves } from './hall-model.ts';
import { isoWeekday } from './hall-time.ts';
import type { HallState } from './hall-state.ts';
import { callOrder, lineTime } from './waiting-index.ts';

/**
 * The call rules (叫号规则), in one place.
 *
 * Eligible at a window: waiting tickets of the queues the window serves (or all queues: 一窗通办),
 * except tickets on hold (暂缓, see decide-guide.ts) and tickets bound to another window; a ticket bound to this window (a transfer to it, or a
 * carry-over promise) is eligible here whatever its queue.
 *
 * Order, each class by issue time (a transferred ticket keeps its place):
 *   1. carried over from an earlier day (延时服务) to this window: always first, never counted below;
 *   2. appointments whose slot has begun (within `appointmentEarlyMinutes` of it);
 *   3. green channel (绿色通道), and any ticket waiting longer than `maxWaitMinutes`;
 *   4. ordinary tickets.
 * At a green-channel window, class 3 goes before class 2 (it prefers green tickets).
 *
 * Anti-starvation: a window counts the appointment and green calls it makes in a row while an
 * ordinary ticket was eligible there. At an ordinary window, once that streak reaches
 * `greenMaxConsecutive`, the oldest ordinary ticket goes next. A green-channel window does not
 * apply the cap; `maxWaitMinutes` still bounds every ordinary ticket's wait, because an overdue
 * ticket joins class 3 and older tickets go first within it.
 */
export interface CallChoice {
  ticket: Ticket;
  /** The window's streak after this call. */
  streak: number;
}

type Rank = 0 | 1 | 2 | 3;

export function isEligible(t: Ticket, window: WindowConfig): boolean {
  if (t.status !== 'waiting') return false;
  // 暂缓 (a guide's hold): keeps its place in line, called by nobody until released.
  if (t.heldAt != null) return false;
  if (t.targetWindowId !== null) return t.targetWindowId === window.id;
  return serves(window, t.queueId);
}

/** A priority ticket by its kind: an appointment or the green channel (not merely overdue). */
export function isPriorityKind(t: Ticket, now: number, rules: CallRules): boolean {
  return t.green !== null || appointmentDue(t, now, rules);
}

function appointmentDue(t: Ticket, now: number, rules: CallRules): boolean {
  return t.appointment !== null && now >= t.appointment.slotStart - rules.appointmentEarlyMinutes * 60_000;
}

export function rankAt(t: Ticket, window: WindowConfig, now: number, rules: CallRules): Rank {
  if (t.carriedOver && t.targetWindowId === window.id) return 0;
  const due = appointmentDue(t, now, rules);
  const greenish = t.green !== null || now - lineTime(t) > rules.maxWaitMinutes * 60_000;
  if (window.greenChannel) {
    if (greenish) return 1;
    if (due) return 2;
    return 3;
  }
  if (due) return 1;
  if (greenish) return 2;
  return 3;
}

function before(a: { t: Ticket; r: Rank }, b: { t: Ticket; r: Rank }): boolean {
  if (a.r !== b.r) return a.r < b.r;
  if (lineTime(a.t) !== lineTime(b.t)) return lineTime(a.t) < lineTime(b.t);
  return a.t.number < b.t.number;
}

/**
 * The tickets a window could call that may come first: every eligible priority ticket and ticket bound
 * to it, and per queue it serves the oldest eligible ordinary ticket (see waiting-index.ts for why the
 * heads suffice). Appointment tickets whose slot is not due yet are among the priority tickets.
 */
function* candidates(state: HallState, window: WindowConfig): Generator<Ticket> {
  const ix = state.waiting;
  const queues = window.queues === 'all' ? ix.queues.keys() : window.queues;
  for (const q of queues) {
    const lines = ix.queues.get(q);
    if (lines === undefined) continue;
    for (const t of lines.priority) if (isEligible(t, window)) yield t;
    for (const t of lines.ordinary)
      if (isEligible(t, window)) {
        yield t;
        break;
      }
  }
  for (const id of ix.bound.get(window.id) ?? []) {
    const t = state.tickets.get(id);
    // Bound tickets of queues the window does not serve are found only here.
    if (t !== undefined && isEligible(t, window) && !serves(window, t.queueId)) yield t;
  }
}

/**
 * 全员预约服务模式 (003 §12): on the weekdays the booking config names for it, a window calls only
 * appointment tickets (and tickets sent to it by name: a transfer or a carry-over).
 */
export function appointmentOnlyToday(state: HallState, windowId: string): boolean {
  const weekday = isoWeekday(state.day);
  return state.model.config.booking.appointmentOnly.some(
    (w) => w.windowId === windowId && w.weekdays.includes(weekday),
  );
}

/** The ticket a window calls next, or null when nothing is eligible. */
export function chooseNext(state: HallState, windowId: string, now: number): CallChoice | null {
  const window = state.model.windows.get(windowId);
  const record = state.windows.get(windowId);
  if (window === undefined || record === undefined) return null;
  const rules = state.model.config.callRules;

  let best: { t: Ticket; r: Rank } | null = null;
  let oldestOrdinary: Ticket | null = null;
  const appointmentsOnly = appointmentOnlyToday(state, windowId);
  for (const t of candidates(state, window)) {
    if (appointmentsOnly && t.appointment === null && t.targetWindowId !== window.id) continue;
    const c = { t, r: rankAt(t, window, now, rules) };
    if (best === null || before(c, best)) best = c;
    if (!t.carriedOver && !isPriorityKind(t, now, rules)) {
      if (oldestOrdinary === null || callOrder(t, oldestOrdinary) < 0) oldestOrdinary = t;
    }
  }
  if (best === null) return null;

  const pickedPriority = best.r !== 0 && isPriorityKind(best.t, now, rules);
  if (!pickedPriority) return { ticket: best.t, streak: best.r === 0 ? record.priorityStreak : 0 };
  if (oldestOrdinary === null) return { ticket: best.t, streak: 0 };
  if (!window.greenChannel && record.priorityStreak >= rules.greenMaxConsecutive) {
    return { ticket: oldestOrdinary, streak: 0 };
  }
  return { ticket: best.t, streak: record.priorityStreak + 1 };
}
