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
  /**
   * Commands a socket may have waiting for their answer: a client that awaits its acks never comes
   * near it (a kiosk issuing a day's tickets in batches of 200 included); one that fires without
   * waiting is refused beyond it, so its pending answers cannot grow without bound.
   */
  commandsInFlight: 1_000,
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
  private readonly inFlight = new Map<string, number>();
  private readonly refusals = new TokenBuckets(SOCKET_LIMITS.refusals.capacity, SOCKET_LIMITS.refusals.perSecond);

  /** Records a refusal; true when the socket has been refused so often that it should be dropped. */
  abusive(socketId: string): boolean {
    return !this.refusals.take(socketId, performance.now());
  }

  snapshot(socketId: string): boolean {
    return this.snapshots.take(socketId, performance.now());
  }

  /** Takes a place for a command; false when the socket already has too many waiting. Call `done` when answered. */
  command(socketId: string): boolean {
    const n = this.inFlight.get(socketId) ?? 0;
    if (n >= SOCKET_LIMITS.commandsInFlight) return false;
    this.inFlight.set(socketId, n + 1);
    return true;
  }

  done(socketId: string): void {
    const n = this.inFlight.get(socketId) ?? 0;
    if (n <= 1) this.inFlight.delete(socketId);
    else this.inFlight.set(socketId, n - 1);
  }

  connect(address: string): boolean {
    return this.connects.take(address, performance.now());
  }

  forget(socketId: string): void {
    this.snapshots.forget(socketId);
    this.inFlight.delete(socketId);
    this.refusals.forget(socketId);
  }
}

/** What waits to go out to one engine.io connection: packets not yet handed to the transport, and the websocket's own buffer. */
export function queuedOutput(conn: unknown): { packets: number; bytes: number } {
  const c = conn as { writeBuffer?: unknown[]; transport?: { socket?: { bufferedAmount?: number } } };
  return { packets: c.writeBuffer?.length ?? 0, bytes: c.transport?.socket?.bufferedAmount ?? 0 };
}
