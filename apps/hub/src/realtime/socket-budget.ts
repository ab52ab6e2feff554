import { TokenBuckets } from '../token-buckets.ts';

/**
 * What one client may ask of the hub over socket.io. Budgets run on the real monotonic clock (not
 * the hall's, which tests hold still), so they refill as time passes.
 */
export const SOCKET_LIMITS = {
  /** Connections per address: room for a hall's 200 screens restarting at once behind one address. */
  connects: { capacity: 300, perSecond: 10 },
  /** `hall:snapshot` per socket: a client asks on a gap in seq, a few times a minute at worst. */
  snapshots: { capacity: 2, perSecond: 0.5 },
  /** Commands per socket: an officer's keypad and clicks are far below this. */
  commands: { capacity: 200, perSecond: 50 },
  /** Refusals a socket may collect (over budget) before it is cut off: a client that keeps asking is not a screen. */
  refusals: { capacity: 20, perSecond: 1 },
  /** A client that stops reading is dropped once this much waits to be sent to it. */
  maxQueuedPackets: 2_000,
  maxBufferedBytes: 32 * 1024 * 1024,
  sweepMs: 1_000,
} as const;

export class SocketBudget {
  readonly connects = new TokenBuckets(SOCKET_LIMITS.connects.capacity, SOCKET_LIMITS.connects.perSecond);
  private readonly snapshots = new TokenBuckets(SOCKET_LIMITS.snapshots.capacity, SOCKET_LIMITS.snapshots.perSecond);
  private readonly commands = new TokenBuckets(SOCKET_LIMITS.commands.capacity, SOCKET_LIMITS.commands.perSecond);
  private readonly refusals = new TokenBuckets(SOCKET_LIMITS.refusals.capacity, SOCKET_LIMITS.refusals.perSecond);

  /** Records a refusal; true when the socket has been refused so often that it should be dropped. */
  abusive(socketId: string): boolean {
    return !this.refusals.take(socketId, performance.now());
  }

  snapshot(socketId: string): boolean {
    return this.snapshots.take(socketId, performance.now());
  }

  command(socketId: string): boolean {
    return this.commands.take(socketId, performance.now());
  }

  connect(address: string): boolean {
    return this.connects.take(address, performance.now());
  }

  forget(socketId: string): void {
    this.snapshots.forget(socketId);
    this.commands.forget(socketId);
    this.refusals.forget(socketId);
  }
}

/** What waits to go out to one engine.io connection: packets not yet handed to the transport, and the websocket's own buffer. */
export function queuedOutput(conn: unknown): { packets: number; bytes: number } {
  const c = conn as { writeBuffer?: unknown[]; transport?: { socket?: { bufferedAmount?: number } } };
  return { packets: c.writeBuffer?.length ?? 0, bytes: c.transport?.socket?.bufferedAmount ?? 0 };
}
