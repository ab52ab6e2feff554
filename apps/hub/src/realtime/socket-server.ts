import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  PROTOCOL_VERSION,
  commandNames,
  fail,
  type Actor,
  type ClientToServerEvents,
  type EventEnvelope,
  type HallSnapshot,
  type ServerToClientEvents,
  type SocketAuth,
} from '@yichuang/protocol';
import { authenticate, isDomainError } from '../auth/authenticate.ts';
import { redactEvent } from '../hall-views.ts';
import type { HubContext } from '../hub-context.ts';

interface SocketData {
  actor: Actor;
  bearer: string;
}
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HubIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const major = (v: string): number => Number(v.split('.')[0]);

/** Why a client's protocol cannot talk to this hub, or null. */
export function protocolProblem(clientVersion: unknown): string | null {
  if (typeof clientVersion !== 'string') return '客户端未声明协议版本 / client did not state its protocol version';
  if (major(clientVersion) < major(PROTOCOL_VERSION))
    return `客户端版本过旧，请刷新或升级 / client too old (protocol ${clientVersion}, hub ${PROTOCOL_VERSION})`;
  if (major(clientVersion) > major(PROTOCOL_VERSION))
    return `服务端版本过旧，请升级一窗服务 / hub too old (protocol ${PROTOCOL_VERSION}, client ${clientVersion})`;
  return null;
}

function viewerOf(actor: Actor): HallSnapshot['viewer'] {
  if (actor.kind === 'device') return { role: actor.role, id: actor.deviceId };
  if (actor.kind === 'officer') return { role: actor.role, id: actor.officerId };
  return { role: 'manager', id: 'system' };
}

export function createSocketServer(http: HttpServer, hub: HubContext): HubIo {
  const io: HubIo = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, cors: { origin: false } });

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Partial<SocketAuth>;
    const problem = protocolProblem(auth.protocol);
    if (problem !== null) return next(Object.assign(new Error(problem), { data: fail('PROTOCOL_MISMATCH', problem) }));
    const who = authenticate(hub.db, hub.bus.config, auth.token ?? auth.key, hub.clock());
    if (isDomainError(who)) return next(Object.assign(new Error(who.message), { data: who }));
    socket.data.actor = who;
    socket.data.bearer = auth.token ?? auth.key ?? '';
    next();
  });

  io.on('connection', (socket: HubSocket) => {
    const actor = socket.data.actor;
    const deviceId = actor.kind === 'device' ? actor.deviceId : null;
    hub.presence.connected(actor.role, deviceId);
    socket.on('disconnect', () => hub.presence.disconnected(actor.role, deviceId));
    void socket.join(['hall', `role:${actor.role}`]);
    if (actor.kind === 'officer') void socket.join(`officer:${actor.officerId}`);
    // Joined first, then the snapshot: any event after it arrives in the next batch (older ones are dropped by seq).
    socket.emit('hub:snapshot', hub.snapshot(viewerOf(actor)));

    socket.on('hall:snapshot', (ack) => {
      if (typeof ack !== 'function') return;
      ack({ ok: true, data: hub.snapshot(viewerOf(actor)) });
    });
    for (const name of commandNames) {
      socket.on(name, (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return; // every command needs an ack to be answered
        // A token can expire or be revoked while the socket stays open: check it on every command.
        const still = authenticate(hub.db, hub.bus.config, socket.data.bearer, hub.clock());
        if (isDomainError(still)) {
          (ack as (r: unknown) => void)({ ok: false, error: still });
          socket.disconnect(true);
          return;
        }
        try {
          (ack as (r: unknown) => void)(hub.bus.dispatch(name, payload, still));
        } catch (err) {
          hub.log(`command ${name} failed: ${(err as Error).stack ?? String(err)}`);
          (ack as (r: unknown) => void)({ ok: false, error: fail('INTERNAL', '服务器内部错误 / internal error') });
        }
      });
    }
  });
  return io;
}

/**
 * After a config change every client starts again from a fresh snapshot (new matters at the kiosk, new
 * windows on the display); events already sent in its seq range are then ignored as duplicates.
 */
export function resyncAll(io: HubIo, hub: HubContext): void {
  for (const socket of io.sockets.sockets.values()) {
    // A PIN reset, a removed officer or a rotated device key ends that connection now.
    const still = authenticate(hub.db, hub.bus.config, socket.data.bearer, hub.clock());
    if (isDomainError(still) || still.role !== socket.data.actor.role) {
      socket.disconnect(true);
      continue;
    }
    socket.emit('hub:snapshot', hub.snapshot(viewerOf(socket.data.actor)));
  }
}

/** Send a batch of committed events to every connected client, redacted for its role: one frame each. */
export function publishEvents(io: HubIo, events: EventEnvelope[]): void {
  if (events.length === 0) return;
  io.to(['role:officer', 'role:manager']).emit('hub:events', events);
  for (const role of ['kiosk', 'display', 'rater'] as const)
    io.to(`role:${role}`).emit(
      'hub:events',
      events.map((e) => redactEvent(role, e)),
    );
}
