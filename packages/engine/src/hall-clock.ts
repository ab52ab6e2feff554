import type { DomainEvent } from '@yichuang/protocol';
import { event } from './decision.ts';
import { businessDay, hallPhase } from './hall-time.ts';
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
      events.push(event('window:empty-post-ended', now, { windowId: w.id, durationS: Math.round((now - w.emptySince) / 1000) }));
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
      events.push(event('window:empty-post-ended', now, { windowId: cfg.id, durationS: Math.round((now - w.emptySince) / 1000) }));
  }
  return events;
}
