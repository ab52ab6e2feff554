/**
 * Login throttling: after `maxFailures` wrong PINs within `windowMs` for one officer id (or from
 * one address), further attempts are refused for `lockMs`, even with the right PIN.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly lockMs = 5 * 60_000,
  ) {}

  /** Milliseconds until `key` may try again, or 0. */
  retryAfter(key: string, now: number): number {
    const until = this.lockedUntil.get(key);
    if (until === undefined) return 0;
    if (until <= now) {
      this.lockedUntil.delete(key);
      return 0;
    }
    return until - now;
  }

  fail(key: string, now: number): void {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    recent.push(now);
    this.failures.set(key, recent);
    if (recent.length >= this.maxFailures) {
      this.lockedUntil.set(key, now + this.lockMs);
      this.failures.delete(key);
    }
    if (this.failures.size > 10_000) this.failures.clear(); // bounded under a flood of ids
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
