import { createHash, randomBytes } from 'node:crypto';
import { stmt, type Db } from '../store/open-db.ts';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Bearer tokens: only their hash is stored, so a copy of the database yields no usable token. */
export function issueToken(
  db: Db,
  officerId: string,
  now: number,
  ttlMs: number,
): { token: string; expiresAt: number } {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = now + ttlMs;
  stmt(db, 'DELETE FROM tokens WHERE expires_at <= ?').run(now);
  stmt(db, 'INSERT INTO tokens (hash, officer_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    sha256(token),
    officerId,
    now,
    expiresAt,
  );
  return { token, expiresAt };
}

export type TokenCheck = { ok: true; officerId: string } | { ok: false; reason: 'unknown' | 'expired' };

/**
 * Tokens seen valid, by the token itself: every REST call and socket command checks its token, and
 * a counter sends hundreds an hour. Only valid tokens are kept (at most `CACHE_MAX`), each until it
 * expires; revoking through this module (logout, a PIN reset, a removed officer) drops them at once.
 */
const CACHE_MAX = 2_000;
type ValidTokens = Map<string, { officerId: string; expiresAt: number }>;
const valid = new WeakMap<Db, ValidTokens>();
function cacheOf(db: Db): ValidTokens {
  let c = valid.get(db);
  if (c === undefined) valid.set(db, (c = new Map() as ValidTokens));
  return c;
}

export function checkToken(db: Db, token: string, now: number): TokenCheck {
  const cache = cacheOf(db);
  const hit = cache.get(token);
  if (hit !== undefined) {
    if (hit.expiresAt > now) return { ok: true, officerId: hit.officerId };
    cache.delete(token);
  }
  const row = stmt(db, 'SELECT officer_id, expires_at FROM tokens WHERE hash = ?').get(sha256(token)) as
    { officer_id: string; expires_at: number } | undefined;
  if (row === undefined) return { ok: false, reason: 'unknown' };
  if (row.expires_at <= now) return { ok: false, reason: 'expired' };
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(token, { officerId: row.officer_id, expiresAt: row.expires_at });
  return { ok: true, officerId: row.officer_id };
}

/** A PIN change or removal of an officer revokes every token they hold. */
export function revokeTokens(db: Db, officerId: string): void {
  stmt(db, 'DELETE FROM tokens WHERE officer_id = ?').run(officerId);
  const cache = cacheOf(db);
  for (const [token, v] of cache) if (v.officerId === officerId) cache.delete(token);
}

/** Logout: this one token stops working at once. Returns whether it was still there. */
export function revokeToken(db: Db, token: string): boolean {
  const gone = stmt(db, 'DELETE FROM tokens WHERE hash = ?').run(sha256(token)).changes > 0;
  cacheOf(db).delete(token);
  return gone;
}
