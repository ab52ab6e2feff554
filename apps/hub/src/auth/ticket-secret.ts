import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { stmt, type Db } from '../store/open-db.ts';

export interface TicketSecrets {
  /** The secret of a ticket's public link: 16 URL-safe characters, the same on every call. */
  of: (ticketId: string) => string;
  /** Whether `secret` is that ticket's secret (constant time). */
  check: (ticketId: string, secret: unknown) => boolean;
}

/**
 * A ticket's public page (`/t/:id?s=…`) and the citizen's own 好差评 need more than the ticket id,
 * which every display sees. The secret is an HMAC of the id under a random per-hall key made on
 * first start and kept in `hall_meta`, so nothing per ticket is stored and no id yields another's.
 */
export function ticketSecrets(db: Db): TicketSecrets {
  let row = stmt(db, "SELECT value FROM hall_meta WHERE key = 'ticketSecretKey'").get() as
    { value: string } | undefined;
  if (row === undefined) {
    const value = JSON.stringify(randomBytes(32).toString('base64'));
    stmt(db, "INSERT INTO hall_meta (key, value) VALUES ('ticketSecretKey', ?)").run(value);
    row = { value };
  }
  const key = Buffer.from(JSON.parse(row.value) as string, 'base64');
  const of = (ticketId: string): string => createHmac('sha256', key).update(ticketId).digest('base64url').slice(0, 16);
  return {
    of,
    check: (ticketId, secret) => {
      if (typeof secret !== 'string' || secret.length !== 16) return false;
      return timingSafeEqual(Buffer.from(of(ticketId)), Buffer.from(secret));
    },
  };
}

/** The path of a ticket's public page, secret included (the QR code's target after the hall's public URL). */
export function publicTicketPath(ticketId: string, secret: string): string {
  return `/t/${encodeURIComponent(ticketId)}?s=${secret}`;
}
