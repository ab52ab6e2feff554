import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  commandNames,
  fail,
  type Actor,
  type DomainError,
  type ClientToServerEvents,
  type EventEnvelope,
  type HallSnapshot,
  type ServerToClientEvents,
} from '@yichuang/protocol';
import { authenticate, isDomainError } from '../auth/authenticate.ts';
import { publicEvent } from '../public-views.ts';
import type { HubContext } from '../hub-context.ts';
import * as socketIoParser from 'socket.io-parser';
import { parseHandshake } from './handshake.ts';
import { SnapshotEncoder } from './snapshot-encoder.ts';
import { SnapshotQueue } from './snapshot-queue.ts';
import { storageFault, storageUnavailable } from '../store/storage-errors.ts';
import { queuedOutput, SOCKET_LIMITS, SocketBudget } from './socket-budget.ts';
import { FairWebSocketServer } from './ws-engine.ts';

interface SocketData {
  actor: Actor;
  bearer: string;
}
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HubIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function viewerOf(actor: Actor): HallSnapshot['viewer'] {
  if (actor.kind === 'device') return { role: actor.role, id: actor.deviceId };
  if (actor.kind === 'officer') return { role: actor.role, id: actor.officerId };
  return { role: 'manager', id: 'system' };
}

const refused = (error: DomainError): Error => Object.assign(new Error(error.message), { data: error });

export interface SocketServer {
  io: HubIo;
  /** Stops the sweep for clients that stopped reading and the snapshot queue. */
  stop: () => void;
  /**
   * After a config change every client starts again from a fresh snapshot (new matters at the kiosk,
   * new windows on the display); events already sent in its seq range are then ignored as duplicates.
   */
  resyncAll: () => void;
}

export function createSocketServer(http: HttpServer, hub: HubContext): SocketServer {
  const io: HubIo = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: false },
    // One message per socket per event-loop turn: a flood cannot hold up the other clients.
    wsEngine: FairWebSocketServer,
    // The default parser with an encoder that writes pre-serialised snapshots (see snapshot-encoder.ts).
    parser: { ...socketIoParser, Encoder: SnapshotEncoder },
  });
  const budget = new SocketBudget();
  const snapshots = new SnapshotQueue();

  io.use((socket, next) => {
    // Nothing in the handshake is trusted before its schema has parsed it, and nothing here throws.
    try {
      if (!budget.connect(socket.handshake.address))
        return next(refused(fail('RATE_LIMITED', '连接过于频繁，请稍后再试 / too many connections from this address')));
      const hs = parseHandshake(socket.handshake.auth);
      if (!hs.ok) return next(refused(hs.error));
      const bearer = hs.auth.token ?? hs.auth.key;
      const who = authenticate(hub.db, hub.bus.config, bearer, hub.clock());
      if (isDomainError(who)) return next(refused(who));
      socket.data.actor = who;
      socket.data.bearer = bearer ?? '';
      next();
    } catch (err) {
      hub.log(`socket handshake failed: ${(err as Error).message}`);
      next(refused(fail('INTERNAL', '服务器内部错误 / internal error')));
    }
  });

  const dropAbusive = (socket: HubSocket): void => {
    if (!socket.connected) return;
    hub.log(
      `dropping a ${socket.data.actor.role} connection from ${socket.handshake.address} that kept asking over its budget`,
    );
    socket.disconnect(true);
  };

  io.on('connection', (socket: HubSocket) => {
    const actor = socket.data.actor;
    const deviceId = actor.kind === 'device' ? actor.deviceId : null;
    hub.presence.connected(actor.role, deviceId);
    socket.on('disconnect', () => hub.presence.disconnected(actor.role, deviceId));
    void socket.join(['hall', `role:${actor.role}`]);
    if (actor.kind === 'officer') void socket.join(`officer:${actor.officerId}`);
    // Joined first, then the snapshot: any event after it arrives in the next batch (older ones are dropped by seq).
    snapshots.push(() => {
      if (socket.connected) socket.emit('hub:snapshot', hub.snapshot(viewerOf(actor)));
    });

    socket.on('disconnect', () => budget.forget(socket.id));

    socket.on('hall:snapshot', (ack: unknown) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (r: unknown) => void;
      if (!budget.snapshot(socket.id)) {
        reply({ ok: false, error: fail('RATE_LIMITED', '请求过于频繁，请稍后再试 / too many snapshot requests') });
        if (budget.abusive(socket.id)) dropAbusive(socket);
        return;
      }
      snapshots.push(() => {
        if (socket.connected) reply({ ok: true, data: hub.snapshot(viewerOf(actor)) });
      });
    });
    for (const name of commandNames) {
      socket.on(name, async (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return; // every command needs an ack to be answered
        if (!budget.command(socket.id)) {
          (ack as (r: unknown) => void)({
            ok: false,
            error: fail('RATE_LIMITED', '未完成的操作过多，请稍后再试 / too many commands waiting on this connection'),
          });
          if (budget.abusive(socket.id)) dropAbusive(socket);
          return;
        }
        const reply = ack as (r: unknown) => void;
        try {
          // A token can expire or be revoked while the socket stays open: check it on every command.
          const still = authenticate(hub.db, hub.bus.config, socket.data.bearer, hub.clock());
          if (isDomainError(still)) {
            reply({ ok: false, error: still });
            socket.disconnect(true);
            return;
          }
          reply(await hub.bus.dispatch(name, payload, still));
        } catch (err) {
          const storage = storageFault(err) !== null;
          hub.log(
            `command ${name} failed: ${storage ? (err as Error).message : ((err as Error).stack ?? String(err))}`,
          );
          reply({
            ok: false,
            error: storage ? storageUnavailable(err) : fail('INTERNAL', '服务器内部错误 / internal error'),
          });
        } finally {
          budget.done(socket.id);
        }
      });
    }
  });

  // A client that stops reading while events keep coming would hold them all in memory: drop it.
  const sweep = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      const q = queuedOutput(socket.conn);
      if (q.packets > SOCKET_LIMITS.maxQueuedPackets || q.bytes > SOCKET_LIMITS.maxBufferedBytes) {
        hub.log(
          `dropping a ${socket.data.actor.role} connection that stopped reading (${q.packets} packets, ${q.bytes} bytes queued)`,
        );
        socket.disconnect(true);
      }
    }
  }, SOCKET_LIMITS.sweepMs);
  sweep.unref();
  return {
    io,
    stop: () => {
      clearInterval(sweep);
      snapshots.stop();
    },
    resyncAll: () => {
      for (const socket of io.sockets.sockets.values()) {
        // A PIN reset, a removed officer or a rotated device key ends that connection now.
        const still = authenticate(hub.db, hub.bus.config, socket.data.bearer, hub.clock());
        if (isDomainError(still) || still.role !== socket.data.actor.role) {
          socket.disconnect(true);
          continue;
        }
        snapshots.push(() => {
          if (socket.connected) socket.emit('hub:snapshot', hub.snapshot(viewerOf(socket.data.actor)));
        });
      }
    },
  };
}

/** Send a batch of committed events to every connected client, redacted for its role: one frame each. */
export function publishEvents(io: HubIo, events: EventEnvelope[]): void {
  if (events.length === 0) return;
  io.to(['role:officer', 'role:manager', 'role:guide']).emit('hub:events', events);
  // Every public screen gets the same allow-listed events: made once, encoded once for all of them.
  io.to(['role:kiosk', 'role:display', 'role:rater']).emit('hub:events', events.map(publicEvent));
}
