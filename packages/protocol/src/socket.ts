import { z } from 'zod';
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

/** A credential on the wire: a device key or an officer token (printable ASCII, no spaces). */
const credential = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'a key or token is printable ASCII');

/**
 * What a client sends in `io(url, { auth })`, parsed before anything reads it. A protocol version is
 * MAJOR.MINOR in digits; anything else (a number, "1.banana", "abc") is refused.
 */
export const socketAuthSchema = z.strictObject({
  protocol: z.string().regex(/^\d{1,4}\.\d{1,4}$/, 'protocol is MAJOR.MINOR, e.g. 1.0'),
  token: credential.optional(),
  key: credential.optional(),
});
export type SocketAuth = z.infer<typeof socketAuthSchema>;

/** `"1.0"` → `{ major: 1, minor: 0 }`; null for anything that is not MAJOR.MINOR in digits. */
export function parseProtocolVersion(v: unknown): { major: number; minor: number } | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,4})\.(\d{1,4})$/.exec(v);
  return m === null ? null : { major: Number(m[1]), minor: Number(m[2]) };
}
