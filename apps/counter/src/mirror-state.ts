import type { HubConnection } from '@yichuang/client';
import type { HallState } from '@yichuang/engine';

/**
 * The engine state inside the connection's HallMirror. The mirror's public methods give windows,
 * queues and active tickets; the counter also needs finished tickets (rating pick-up after a
 * reconnect), first sign-ins (提前10分钟上岗) and the day, which only the state holds. Read-only use:
 * the mirror alone applies events to it. (Asked of the client package: a public read-only getter.)
 */
export function hallState(connection: HubConnection): HallState | null {
  return (connection.mirror as unknown as { state: HallState | null }).state;
}
