import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/** Format: scrypt$N$r$p$salt(base64)$hash(base64). The cost travels with the hash. */
export function hashPin(pin: string, cost = 16384): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, { N: cost, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Checks a PIN without blocking the event loop. A malformed hash never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (!Number.isInteger(N) || expected.length === 0) return false;
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, expected.length, { N, r, p, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err === null ? resolve(key) : reject(err),
    ),
  );
  return timingSafeEqual(actual, expected);
}
