import type { HubConnection } from '@yichuang/client';

/**
 * The hub's clock, as seen from this page: waits and pause lengths are measured against the hub's
 * time, not the PC's (a counter PC's clock is often minutes off, and tests run the hub on a fake clock).
 * Every snapshot and event batch carries the hub's time; the latest one sets the offset.
 */
let offsetMs = 0;

export function hubNow(): number {
  return Date.now() + offsetMs;
}

export function followHubClock(connection: HubConnection): void {
  connection.socket.on('hub:snapshot', (s) => {
    offsetMs = s.at - Date.now();
  });
  connection.socket.on('hub:events', (events) => {
    const last = events[events.length - 1];
    // An event is stamped when committed, a moment before it arrives: never move the clock backwards for it.
    if (last !== undefined && last.at - Date.now() > offsetMs) offsetMs = last.at - Date.now();
  });
}
