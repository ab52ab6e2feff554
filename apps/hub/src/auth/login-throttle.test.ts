import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../store/open-db.ts';
import { ADDRESS_POLICY, LoginThrottle, PAIR_POLICY } from './login-throttle.ts';

const dirs: string[] = [];
const dbs: Db[] = [];
function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'yichuang-lt-'));
  dirs.push(dir);
  const db = openDb(dir);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const rows = (db: Db): number => (db.prepare('SELECT COUNT(*) AS n FROM login_throttle').get() as { n: number }).n;

describe('LoginThrottle', () => {
  it('stays within its row cap under a flood of made-up ids, keeping a lock that is still running', () => {
    const db = freshDb();
    const t = new LoginThrottle(db, PAIR_POLICY, { ...ADDRESS_POLICY, maxFailures: 1_000_000 }, 50);
    const now = 1_000_000;
    for (let i = 0; i < 5; i++) t.failed('m1', '10.0.0.9', now);
    expect(t.retryAfter('m1', '10.0.0.9', now)).toBe(60_000);
    for (let i = 0; i < 300; i++) t.failed(`ghost-${i}`, `10.0.1.${i % 250}`, now + 1 + i);
    expect(rows(db)).toBeLessThanOrEqual(50);
    expect(t.retryAfter('m1', '10.0.0.9', now + 1000)).toBe(59_000);
  });

  it('forgets failures after a quiet day, and caps the lock at an hour', () => {
    const db = freshDb();
    const t = new LoginThrottle(db);
    let now = 5_000_000;
    for (let i = 0; i < 30; i++) {
      t.failed('a1', '10.0.0.1', now);
      now += t.retryAfter('a1', '10.0.0.1', now);
    }
    t.failed('a1', '10.0.0.1', now);
    expect(t.retryAfter('a1', '10.0.0.1', now)).toBe(3600_000);
    now += 25 * 3600_000;
    t.failed('a1', '10.0.0.1', now);
    expect(t.retryAfter('a1', '10.0.0.1', now)).toBe(0);
  });
});
