import type { WindowView } from '@yichuang/protocol';
import type { CallEntry } from './call-feed.ts';

/**
 * True while the call still stands: its ticket is the window's current ticket, still `called`
 * (the citizen has not arrived), and the window is not paused. A ticket finished, marked no-show,
 * transferred away or started stops being "called" the moment the window's state says so.
 */
export function stillCalling(call: CallEntry, windows: ReadonlyMap<string, WindowView>): boolean {
  const w = windows.get(call.windowId);
  return w !== undefined && w.pause === null && w.ticket?.id === call.ticketId && w.ticket.status === 'called';
}

export interface CallSplit {
  /** Calls that still stand, newest first, at most `heroMax`: "请以下号码到窗口办理". */
  now: CallEntry[];
  /** Everything else the feed holds, newest first: standing calls beyond `heroMax` first, then the past ones. */
  recent: { call: CallEntry; calling: boolean }[];
}

/** Splits the feed (newest first) into the calls that stand now and the recent ones. */
export function splitCalls(calls: readonly CallEntry[], windows: readonly WindowView[], heroMax: number): CallSplit {
  const byId = new Map(windows.map((w) => [w.id, w]));
  const standing = calls.filter((c) => stillCalling(c, byId));
  const now = standing.slice(0, heroMax);
  const shown = new Set(now.map((c) => c.key));
  const overflow = standing.slice(heroMax).map((call) => ({ call, calling: true }));
  const past = calls
    .filter((c) => !shown.has(c.key) && !stillCalling(c, byId))
    .map((call) => ({ call, calling: false }));
  return { now, recent: [...overflow, ...past] };
}
