/**
 * Token buckets by key (an address, a socket): each holds at most `capacity` tokens and gains
 * `perSecond` a second; a request takes one or is refused. At most `maxKeys` buckets are kept (the
 * least recently used go first), so a flood of new keys cannot grow memory.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes a token for `key` if one is left. */
  take(key: string, now: number): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    this.buckets.delete(key); // re-inserted last: the map's order is least recently used first
    b.tokens = Math.min(this.capacity, b.tokens + (Math.max(0, now - b.at) / 1000) * this.perSecond);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return ok;
  }

  /** Seconds until `key` has a token again (0 when it has one). */
  retryAfterS(key: string, now: number): number {
    const b = this.buckets.get(key);
    if (b === undefined) return 0;
    const tokens = Math.min(this.capacity, b.tokens + (Math.max(0, now - b.at) / 1000) * this.perSecond);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perSecond);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}
