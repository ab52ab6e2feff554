import type { HubConnection } from '@yichuang/client';
import type { HallState } from '@yichuang/engine';

/** The engine state inside the connection's HallMirror (finished tickets, first sign-ins, the day). */
export function hallState(connection: HubConnection): HallState | null {
  return connection.mirror.hall;
}
