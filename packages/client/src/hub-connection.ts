import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type CommandPayload,
  type CommandResult,
  type ServerToClientEvents,
} from '@yichuang/protocol';
import { HallMirror } from './hall-mirror.ts';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface HubConnectionOptions {
  url: string;
  token?: string;
  key?: string;
  /** Milliseconds an ack may take before the command fails as unreachable. */
  ackTimeoutMs?: number;
  onChange?: () => void;
  /** A refused connection: the hub's message and, when it gave one, its error code. */
  onError?: (message: string, code?: string) => void;
  /** Socket.io options passed through (tests use { transports: ['websocket'] }). */
  socketOptions?: Parameters<typeof io>[1];
}

/**
 * One live connection to the hub: keeps a HallMirror current (snapshot on connect, reconnect
 * and gap; events in seq order) and sends commands with acks.
 */
/** How long a client waits before asking again for a snapshot the hub refused for its rate. */
const SNAPSHOT_RETRY_MS = 3000;

export class HubConnection {
  readonly mirror = new HallMirror();
  readonly socket: HubSocket;
  private resyncing = false;
  private readonly o: HubConnectionOptions;

  constructor(o: HubConnectionOptions) {
    this.o = o;
    this.socket = io(o.url, {
      auth: { protocol: PROTOCOL_VERSION, token: o.token, key: o.key },
      reconnectionDelayMax: 5000,
      ...o.socketOptions,
    });
    this.socket.on('hub:snapshot', (s) => {
      this.mirror.applySnapshot(s);
      o.onChange?.();
    });
    // socket.io does not come back by itself after the hub ended the connection (credentials revoked,
    // a key rotated): try again, so that the refusal, and why, reaches the screen.
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1000);
    });
    this.socket.on('connect_error', (err) =>
      o.onError?.(err.message, (err as Error & { data?: { code?: string } }).data?.code),
    );
    this.socket.on('hub:events', (events) => {
      // Before the first snapshot there is nothing to apply events to: the snapshot on its way covers them.
      if (!this.mirror.ready) return;
      let changed = false;
      for (const e of events) {
        const r = this.mirror.applyEvent(e);
        if (r === 'gap') {
          void this.resync();
          return;
        }
        changed ||= r === 'applied';
      }
      if (changed) o.onChange?.();
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Fetch a snapshot and start over from it. */
  async resync(): Promise<void> {
    if (this.resyncing) return;
    this.resyncing = true;
    try {
      const res = (await this.socket.timeout(this.o.ackTimeoutMs ?? 10_000).emitWithAck('hall:snapshot')) as Ack<
        Parameters<HallMirror['applySnapshot']>[0]
      >;
      if (res.ok) {
        this.mirror.applySnapshot(res.data);
        this.o.onChange?.();
      } else if (res.error.code === 'RATE_LIMITED') {
        // The hub gives each connection a few snapshots at a time: ask again once the budget is back.
        setTimeout(() => void this.resync(), SNAPSHOT_RETRY_MS);
      }
    } catch {
      // Not answered in time: the next connect or gap asks again.
    } finally {
      this.resyncing = false;
    }
  }

  async send<C extends CommandName>(name: C, payload: CommandPayload<C>): Promise<Ack<CommandResult<C>>> {
    // The typed emit cannot name a command chosen at run time; the event map still types the result.
    const timed = this.socket.timeout(this.o.ackTimeoutMs ?? 10_000) as unknown as {
      emitWithAck: (ev: string, p: unknown) => Promise<Ack<CommandResult<C>>>;
    };
    try {
      return await timed.emitWithAck(name, payload);
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '连接不到服务器 / the hub did not answer' } };
    }
  }

  close(): void {
    this.socket.close();
  }
}
