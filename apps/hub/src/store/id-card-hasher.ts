import { createHmac, randomBytes } from 'node:crypto';
import { normalizeIdCard } from '@yichuang/protocol';
import { stmt, type Db } from './open-db.ts';

/**
 * ID-card numbers are kept only as HMAC-SHA256 under a random per-hall salt, made on first start
 * and stored beside the data (not in the event log), so the log alone cannot be searched by number.
 */
export function idCardHasher(db: Db): (idCard: string) => string {
  let row = stmt(db, "SELECT value FROM hall_meta WHERE key = 'idSalt'").get() as { value: string } | undefined;
  if (row === undefined) {
    const value = JSON.stringify(randomBytes(32).toString('base64'));
    stmt(db, "INSERT INTO hall_meta (key, value) VALUES ('idSalt', ?)").run(value);
    row = { value };
  }
  const salt = Buffer.from(JSON.parse(row.value) as string, 'base64');
  return (idCard) => createHmac('sha256', salt).update(normalizeIdCard(idCard)).digest('base64url');
}

/** The hall's hashers of ID-card and phone numbers (one salt; a phone's input is prefixed so the two never meet). */
export function personHashers(db: Db): { idCard: (idCard: string) => string; phone: (phone: string) => string } {
  const idCard = idCardHasher(db);
  const salt = idCard('tel-salt');
  return {
    idCard,
    phone: (phone) => createHmac('sha256', salt).update(`tel:${phone.trim()}`).digest('base64url'),
  };
}
