/** At most `limit` hits per key in any `windowMs`; bounded memory (old hits are dropped). */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly windowMs = 60_000) {}

  /** Keys remembered (the caller may start over past a bound). */
  get size(): number {
    return this.hits.size;
  }

  /** Records a hit and says whether it was within the limit. */
  allow(key: string, now: number, limit: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    const ok = recent.length < limit;
    if (ok) recent.push(now);
    this.hits.set(key, recent);
    return ok;
  }
}
