import type { HallState } from '@yichuang/engine';

export type RateScreen =
  | { name: 'idle' }
  | { name: 'rate'; ticketId: string; number: string }
  | { name: 'reason'; ticketId: string; number: string; level: number }
  | { name: 'thanks' };

/** A finished ticket this long ago may still be rated when the screen (re)connects. */
export const PICK_UP_MS = 2 * 60_000;

/**
 * After a (re)connect: the latest ticket this window finished in the last two minutes that nobody
 * has rated yet, so a citizen standing at the counter during a network blip can still rate.
 */
export function pendingRating(
  state: HallState,
  windowId: string,
  now: number,
): { ticketId: string; number: string } | null {
  let best: { ticketId: string; number: string; at: number } | null = null;
  for (const t of state.tickets.values()) {
    if (t.windowId !== windowId || t.status !== 'done' || t.rating !== null || t.finishedAt === null) continue;
    if (now - t.finishedAt > PICK_UP_MS) continue;
    if (best === null || t.finishedAt > best.at) best = { ticketId: t.id, number: t.number, at: t.finishedAt };
  }
  return best === null ? null : { ticketId: best.ticketId, number: best.number };
}
