import { fail, type Actor, type DomainError, type Notice } from '@yichuang/protocol';
import { businessDay } from '@yichuang/engine';
import type { HubContext } from '../hub-context.ts';
import { stmt } from '../store/open-db.ts';

const DAY_MS = 86_400_000;

/**
 * The windows whose notices an officer may read for `day`: the one they hold now, and every window they
 * signed in to that day (a notice names the citizen and what they lack: 一次性告知单 are for the window
 * that issued them, not the whole hall).
 */
export function windowsHeld(hub: HubContext, officerId: string, day: string): Set<string> {
  const out = new Set<string>();
  for (const w of hub.bus.state.windows.values()) if (w.holder?.officerId === officerId) out.add(w.id);
  const tz = hub.bus.config.hall.timezone;
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Any zone's day lies within a day either side of that UTC day; the exact day is checked per event.
  const rows = stmt(
    hub.db,
    "SELECT at, payload FROM events WHERE type = 'window:signed-in' AND at >= ? AND at < ?",
  ).all(midnightUtc - DAY_MS, midnightUtc + 2 * DAY_MS) as { at: number; payload: string }[];
  for (const r of rows) {
    const p = JSON.parse(r.payload) as { windowId: string; officerId: string };
    if (p.officerId === officerId && businessDay(r.at, tz) === day) out.add(p.windowId);
  }
  return out;
}

/**
 * Managers read every notice; an officer those of windows they hold or held that day, and their own. The
 * same rule covers the other slips of a window (受理回执, 不予受理告知书).
 */
export function noticeReader(
  hub: HubContext,
  actor: Actor | null,
): (n: Pick<Notice, 'officerId' | 'day' | 'windowId'>) => boolean {
  if (actor?.kind !== 'officer') return () => false;
  if (actor.role === 'manager') return () => true;
  const byDay = new Map<string, Set<string>>();
  return (n) => {
    if (n.officerId === actor.officerId) return true;
    let windows = byDay.get(n.day);
    if (windows === undefined) byDay.set(n.day, (windows = windowsHeld(hub, actor.officerId, n.day)));
    return windows.has(n.windowId);
  };
}

export const NOT_YOUR_NOTICE: DomainError = fail(
  'FORBIDDEN',
  '只能查看本人当日所在窗口的告知单 / only notices of windows you hold or held that day',
);
