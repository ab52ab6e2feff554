import type { DomainEvent } from '@yichuang/protocol';
import { event } from './decision.ts';
import { businessDay, hallPhase, hoursOn } from './hall-time.ts';
import type { HallState } from './hall-state.ts';
import { nobodyActive } from './views.ts';

/**
 * Events due to the passing of time: a new business day (tickets left over expire, holders are
 * signed out, carried-over tickets join their promised window), and empty posts starting or
 * ending as opening hours begin and end. Returns the events; the caller applies them.
 */
export function dayRollover(state: HallState, now: number): DomainEvent[] {
  const day = businessDay(now, state.model.config.hall.timezone);
  if (day <= state.day) return [];
  const events: DomainEvent[] = [];
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving')
      events.push(event('ticket:expired', now, { ticketId: t.id, status: t.status }));
  }
  for (const w of state.windows.values()) {
    if (w.emptySince !== null)
      events.push(
        event('window:empty-post-ended', now, { windowId: w.id, durationS: emptyPostS(state, w.emptySince, now) }),
      );
    if (w.holder !== null)
      events.push(
        event('window:signed-out', now, {
          windowId: w.id,
          officerId: w.holder.officerId,
          handover: false,
          pausedS: w.pause === null ? null : Math.round((now - w.pause.since) / 1000),
        }),
      );
  }
  events.push(event('hall:day-started', now, { day, previousDay: state.day }));
  return events;
}

/**
 * 空岗: during opening hours an open window with nobody active (no holder, or the holder has left
 * it paused) is an empty post. Its start and end are events, for alerts and accountability.
 */
export function emptyPostChanges(state: HallState, now: number): DomainEvent[] {
  const inHours = hallPhase(state.model.config.hall, now) === 'open';
  const events: DomainEvent[] = [];
  for (const cfg of state.model.config.windows) {
    const w = state.windows.get(cfg.id);
    if (w === undefined) continue;
    const empty = inHours && cfg.open && nobodyActive(state, cfg.id);
    if (empty && w.emptySince === null) events.push(event('window:empty-post-started', now, { windowId: cfg.id }));
    if (!empty && w.emptySince !== null)
      events.push(
        event('window:empty-post-ended', now, { windowId: cfg.id, durationS: emptyPostS(state, w.emptySince, now) }),
      );
  }
  return events;
}

/**
 * Length of an empty post in seconds. It counts only promised hours: when it is noticed after
 * closing (the first tick after closing, or the next day's rollover), it ends at closing time.
 */
function emptyPostS(state: HallState, since: number, now: number): number {
  const hall = state.model.config.hall;
  const close = hoursOn(hall, businessDay(since, hall.timezone))?.close ?? now;
  return Math.max(0, Math.round((Math.min(now, close) - since) / 1000));
}
