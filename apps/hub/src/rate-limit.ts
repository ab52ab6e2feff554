/**
 * At most `limit` hits per key in any `windowMs`; bounded memory (old hits are dropped). Hits are
 * kept in arrival order, so expired ones leave from the front: a hit costs O(1) however high the
 * limit (a load test's kiosk may be allowed 100,000 tickets a minute).
 */
export class RateLimiter {
  private readonly hits = new Map<string, { times: number[]; head: number }>();

  constructor(private readonly windowMs = 60_000) {}

  /** Keys remembered (the caller may start over past a bound). */
  get size(): number {
    return this.hits.size;
  }

  /** Records a hit and says whether it was within the limit. */
  allow(key: string, now: number, limit: number): boolean {
    let h = this.hits.get(key);
    if (h === undefined) this.hits.set(key, (h = { times: [], head: 0 }));
    while (h.head < h.times.length && now - h.times[h.head]! >= this.windowMs) h.head++;
    if (h.head > 1024 && h.head * 2 > h.times.length) {
      h.times = h.times.slice(h.head);
      h.head = 0;
    }
    const ok = h.times.length - h.head < limit;
    if (ok) h.times.push(now);
    return ok;
  }
}
