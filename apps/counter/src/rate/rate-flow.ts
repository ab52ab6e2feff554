import type { HallState } from '@yichuang/engine';
import type { EventEnvelope } from '@yichuang/protocol';

/** The ticket the screen asks about, and the officer who served it (shown with their 警号). */
export interface RateQuestion {
  ticketId: string;
  number: string;
  officerId: string | null;
}

export type RateScreen =
  | { name: 'idle' }
  | ({ name: 'rate' } & RateQuestion)
  | ({ name: 'reason'; level: number } & RateQuestion)
  | { name: 'thanks' };

/** A finished ticket this long ago may still be rated when the screen (re)connects. */
export const PICK_UP_MS = 2 * 60_000;

function asking(s: RateScreen): s is Extract<RateScreen, { name: 'rate' | 'reason' }> {
  return s.name === 'rate' || s.name === 'reason';
}

/**
 * The screen after one committed event, as the hub drives a rating pad: a finish at this window asks
 * about that ticket; a new call at this window ends the question (the next citizen is at the counter,
 * and must never be asked about the previous one's service); a rating given elsewhere ends it too.
 */
export function nextRateScreen(
  screen: RateScreen,
  e: EventEnvelope,
  windowId: string,
  numberOf: (ticketId: string) => string,
): RateScreen {
  if (e.type === 'ticket:finished' && e.payload.windowId === windowId)
    return {
      name: 'rate',
      ticketId: e.payload.ticketId,
      number: numberOf(e.payload.ticketId),
      officerId: e.payload.officerId,
    };
  if (e.type === 'ticket:called' && e.payload.windowId === windowId && asking(screen)) return { name: 'idle' };
  if (e.type === 'ticket:rated' && asking(screen) && screen.ticketId === e.payload.rating.ticketId)
    return { name: 'idle' };
  return screen;
}

/**
 * After a (re)connect: the latest ticket this window finished in the last two minutes that nobody
 * has rated yet, so a citizen standing at the counter during a network blip can still rate; unless
 * the window has called anyone since, which ended that question.
 */
export function pendingRating(state: HallState, windowId: string, now: number): RateQuestion | null {
  let best: (RateQuestion & { at: number }) | null = null;
  let lastCall = -Infinity;
  for (const t of state.tickets.values()) {
    if (t.windowId !== windowId) continue;
    if (t.calledAt !== null) lastCall = Math.max(lastCall, t.calledAt);
    if (t.status !== 'done' || t.rating !== null || t.finishedAt === null) continue;
    if (now - t.finishedAt > PICK_UP_MS) continue;
    if (best === null || t.finishedAt > best.at)
      best = { ticketId: t.id, number: t.number, officerId: t.officerId, at: t.finishedAt };
  }
  // A window's current ticket is in the snapshot; a call after the finish means the question is over.
  const current = state.windows.get(windowId)?.ticketId ?? null;
  if (best === null || lastCall > best.at || (current !== null && current !== best.ticketId)) return null;
  return { ticketId: best.ticketId, number: best.number, officerId: best.officerId };
}
