import type { Ack } from './errors.ts';
import type { CommandName, CommandPayload } from './commands.ts';
import type { CommandResult, HallSnapshot } from './results.ts';
import type { EventEnvelope } from './events.ts';

/** Socket.io: client → hub. Every command takes its payload and an ack. */
export type ClientToServerEvents = {
  [C in CommandName]: (payload: CommandPayload<C>, ack: (res: Ack<CommandResult<C>>) => void) => void;
} & {
  'hall:snapshot': (ack: (res: Ack<HallSnapshot>) => void) => void;
};

/** Socket.io: hub → client. Events arrive in `seq` order on one channel, so a gap is visible. */
export interface ServerToClientEvents {
  'hub:event': (event: EventEnvelope) => void;
  'hub:printers': (printers: { id: string; status: string }[]) => void;
}

/** What a client sends in `io(url, { auth })`. */
export interface SocketAuth {
  protocol: string;
  token?: string;
  key?: string;
}
