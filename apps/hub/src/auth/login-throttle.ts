import { stmt, type Db } from '../store/open-db.ts';

/** How one kind of key is throttled. */
export interface ThrottlePolicy {
  /** Failures allowed before the first lock. */
  maxFailures: number;
  /** The first lock; each further failure doubles it … */
  baseLockMs: number;
  /** … up to this. */
  maxLockMs: number;
  /** Failures are forgotten after this long without one. */
  forgetMs: number;
}

/**
 * Per officer id and address: an attacker elsewhere cannot lock a manager out, and a guesser here gets
 * 5 tries, then waits 1, 2, 4 … 60 minutes between tries for a day.
 */
export const PAIR_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  forgetMs: 24 * 3600_000,
};

/** Per address, whatever the officer id: guessing across many ids from one machine. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  maxFailures: 20,
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  forgetMs: 3600_000,
};

/** Rows kept at most: a flood of made-up ids from many addresses drops the oldest unlocked rows first. */
export const MAX_THROTTLE_ROWS = 10_000;

interface Row {
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

/**
 * Login throttling kept in SQLite (table `login_throttle`), so a restart forgets nothing. A locked key
 * refuses even the right PIN until its lock ends. A success clears that officer's key at that address;
 * the address's own count is only forgotten with time (a guesser cannot clear it with their own login).
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly pair = PAIR_POLICY,
    private readonly address = ADDRESS_POLICY,
    private readonly maxRows = MAX_THROTTLE_ROWS,
  ) {}

  /** Milliseconds until this officer id may try again from this address, or 0. */
  retryAfter(officerId: string, ip: string, now: number): number {
    return Math.max(0, ...[pairKey(officerId, ip), addressKey(ip)].map((k) => (this.row(k)?.locked_until ?? 0) - now));
  }

  failed(officerId: string, ip: string, now: number): void {
    this.db
      .transaction(() => {
        this.count(pairKey(officerId, ip), this.pair, now);
        this.count(addressKey(ip), this.address, now);
        this.bound(now);
      })
      .immediate();
  }

  succeeded(officerId: string, ip: string): void {
    stmt(this.db, 'DELETE FROM login_throttle WHERE key = ?').run(pairKey(officerId, ip));
  }

  private row(key: string): Row | undefined {
    return stmt(this.db, 'SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?').get(
      key,
    ) as Row | undefined;
  }

  private count(key: string, policy: ThrottlePolicy, now: number): void {
    const was = this.row(key);
    const failures = was === undefined || now - was.last_failure_at > policy.forgetMs ? 1 : was.failures + 1;
    const over = failures - policy.maxFailures;
    const lockedUntil = over < 0 ? 0 : now + Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.min(over, 30));
    stmt(
      this.db,
      `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
         locked_until = excluded.locked_until`,
    ).run(key, failures, now, lockedUntil);
  }

  /** Forgotten rows go; past the cap, the oldest rows that lock nothing now go first. */
  private bound(now: number): void {
    const forget = Math.max(this.pair.forgetMs, this.address.forgetMs);
    stmt(this.db, 'DELETE FROM login_throttle WHERE last_failure_at < ? AND locked_until <= ?').run(now - forget, now);
    const { n } = stmt(this.db, 'SELECT COUNT(*) AS n FROM login_throttle').get() as { n: number };
    if (n <= this.maxRows) return;
    stmt(
      this.db,
      `DELETE FROM login_throttle WHERE key IN (
         SELECT key FROM login_throttle ORDER BY locked_until > ?, last_failure_at LIMIT ?)`,
    ).run(now, n - this.maxRows);
  }
}

const pairKey = (officerId: string, ip: string): string => `pair:${officerId}@${ip}`;
const addressKey = (ip: string): string => `addr:${ip}`;
