import { createHash, randomBytes } from 'node:crypto';
import type { CityStaff } from './staff-auth.ts';

const digest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Console sessions: bearer tokens kept as their hash, each for `ttlMs`, at most `max` at once (oldest go first). */
export class StaffSessions {
  private readonly byHash = new Map<string, { staff: CityStaff; expiresAt: number }>();

  constructor(
    private readonly clock: () => number,
    private readonly ttlMs = 12 * 60 * 60 * 1000,
    private readonly max = 1000,
  ) {}

  create(staff: CityStaff): { token: string; expiresAt: number } {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.clock() + this.ttlMs;
    this.byHash.set(digest(token), { staff, expiresAt });
    // A Map keeps insertion order: past the bound, the oldest sessions end.
    while (this.byHash.size > this.max) this.byHash.delete(this.byHash.keys().next().value!);
    return { token, expiresAt };
  }

  get(token: string): CityStaff | null {
    const key = digest(token);
    const s = this.byHash.get(key);
    if (s === undefined) return null;
    if (s.expiresAt <= this.clock()) {
      this.byHash.delete(key);
      return null;
    }
    return s.staff;
  }

  revoke(token: string): boolean {
    return this.byHash.delete(digest(token));
  }

  get size(): number {
    return this.byHash.size;
  }
}

/**
 * Failed logins per key (a login name, a client address): after `limit` failures in a row the key is
 * locked for `lockMs`. Bounded: at most `max` keys are remembered (the oldest are forgotten first).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { n: number; lockedUntil: number }>();

  constructor(
    private readonly clock: () => number,
    private readonly limit = 5,
    private readonly lockMs = 15 * 60 * 1000,
    private readonly max = 10_000,
  ) {}

  /** Seconds until the key may try again (0: now). */
  retryAfterS(key: string): number {
    const f = this.failures.get(key);
    if (f === undefined) return 0;
    const left = f.lockedUntil - this.clock();
    if (left > 0) return Math.ceil(left / 1000);
    if (f.lockedUntil > 0) this.failures.delete(key);
    return 0;
  }

  fail(key: string): void {
    const f = this.failures.get(key) ?? { n: 0, lockedUntil: 0 };
    f.n++;
    if (f.n >= this.limit) {
      f.n = 0;
      f.lockedUntil = this.clock() + this.lockMs;
    }
    this.failures.delete(key);
    this.failures.set(key, f);
    while (this.failures.size > this.max) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
