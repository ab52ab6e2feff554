import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt cost: about 50 ms on a hall PC, 64 MB of memory at most (N × r × 128 bytes = 16 MB). */
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

/** A password's stored form: `scrypt$N$r$p$salt$hash` (salt and hash in base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Made once: an unknown login name is checked against it, so its answer takes as long as a wrong password. */
let decoy: Promise<string> | null = null;

/** True when `password` matches `stored` (constant time); false for a malformed or missing hash. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const against = stored ?? (await (decoy ??= hashPassword(randomBytes(12).toString('hex'))));
  const parts = against.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4]!, 'base64');
  const want = Buffer.from(parts[5]!, 'base64');
  // Refuse costs beyond what this city would make: a hand-edited config must not stall the server.
  if (!(n! >= 1024 && n! <= 1 << 20 && r! >= 1 && r! <= 32 && p! >= 1 && p! <= 4 && want.length === KEYLEN))
    return false;
  const got = await scrypt(password, salt, KEYLEN, { N: n!, r: r!, p: p!, maxmem: 256 * 1024 * 1024 });
  return stored !== undefined && timingSafeEqual(got, want);
}
