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

export function checkToken(db: Db, token: string, now: number): TokenCheck {
  const row = stmt(db, 'SELECT officer_id, expires_at FROM tokens WHERE hash = ?').get(sha256(token)) as
    { officer_id: string; expires_at: number } | undefined;
  if (row === undefined) return { ok: false, reason: 'unknown' };
  if (row.expires_at <= now) return { ok: false, reason: 'expired' };
  return { ok: true, officerId: row.officer_id };
}

/** A PIN change or removal of an officer revokes every token they hold. */
export function revokeTokens(db: Db, officerId: string): void {
  stmt(db, 'DELETE FROM tokens WHERE officer_id = ?').run(officerId);
}

/** Logout: this one token stops working at once. Returns whether it was still there. */
export function revokeToken(db: Db, token: string): boolean {
  return stmt(db, 'DELETE FROM tokens WHERE hash = ?').run(sha256(token)).changes > 0;
}
