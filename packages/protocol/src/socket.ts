import type { Ack } from './errors.ts';
import type { CommandName, CommandPayload } from './commands.ts';
import type { CommandResult, HallSnapshot } from './results.ts';
import type { EventEnvelope } from './events.ts';
import type { SerialDeviceView } from './entities.ts';
import type { Alert, DevicePresence } from './manager.ts';

/** Socket.io: client → hub. Every command takes its payload and an ack. */
export type ClientToServerEvents = {
  [C in CommandName]: (payload: CommandPayload<C>, ack: (res: Ack<CommandResult<C>>) => void) => void;
} & {
  'hall:snapshot': (ack: (res: Ack<HallSnapshot>) => void) => void;
};

/**
 * Socket.io: hub → client. Committed events arrive in `seq` order on one channel, so a gap is
 * visible; those committed in the same moment come as one batch (one frame per client).
 */
export interface ServerToClientEvents {
  'hub:events': (events: EventEnvelope[]) => void;
  /** Sent once on connect; a client asks again with `hall:snapshot` when it sees a gap. */
  'hub:snapshot': (snapshot: HallSnapshot) => void;
  'hub:printers': (printers: { id: string; status: string }[]) => void;
  /** Staff only: the serial devices' lines, whenever one goes up or down. */
  'hub:devices': (devices: SerialDeviceView[]) => void;
  /** Managers only: the alert list whenever it changes. */
  'hub:alerts': (alerts: Alert[]) => void;
  /** Managers only: which kiosks, displays and rater screens are connected. */
  'hub:presence': (devices: DevicePresence[]) => void;
}

/** What a client sends in `io(url, { auth })`. */
export interface SocketAuth {
  protocol: string;
  token?: string;
  key?: string;
}
