import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** How many phones may wait for a code at once; past it the oldest are forgotten (a flood cannot fill memory). */
export const MAX_PENDING_CODES = 10_000;
/** Wrong tries before a code is void. */
export const CODE_TRIES = 5;
/** A phone gets a new code at most this often. */
export const CODE_RESEND_MS = 60_000;

interface Pending {
  hash: Buffer;
  expires: number;
  sentAt: number;
  tries: number;
}

/**
 * One-time codes (短信验证码) that prove a mobile number before a remote ticket: six digits, kept only
 * hashed and in memory (a restart voids them, which costs a citizen one more SMS), valid for a few
 * minutes, void after five wrong tries, and at most one a minute per phone.
 */
export class PhoneCodes {
  private readonly pending = new Map<string, Pending>();

  /** A fresh code for the phone, or how long to wait before asking again. */
  issue(phone: string, now: number, validMs: number): { code: string } | { retryInS: number } {
    const old = this.pending.get(phone);
    if (old !== undefined && now - old.sentAt < CODE_RESEND_MS)
      return { retryInS: Math.ceil((CODE_RESEND_MS - (now - old.sentAt)) / 1000) };
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.pending.delete(phone);
    while (this.pending.size >= MAX_PENDING_CODES) this.pending.delete(this.pending.keys().next().value ?? '');
    this.pending.set(phone, { hash: digest(phone, code), expires: now + validMs, sentAt: now, tries: 0 });
    return { code };
  }

  /**
   * Whether the code is the phone's current one. A right code stays good until it expires (a retry of
   * the same request, or a second matter, needs no new SMS); a wrong one costs a try.
   */
  check(phone: string, code: string, now: number): boolean {
    const p = this.pending.get(phone);
    if (p === undefined || now > p.expires || p.tries >= CODE_TRIES) return false;
    if (!timingSafeEqual(p.hash, digest(phone, code))) {
      p.tries++;
      return false;
    }
    return true;
  }

  get size(): number {
    return this.pending.size;
  }
}

function digest(phone: string, code: string): Buffer {
  return createHash('sha256').update(`${phone}:${code}`).digest();
}
