import { randomBytes, scryptSync } from 'node:crypto';
import { PinVerifier } from './pin-worker.ts';

/** Format: scrypt$N$r$p$salt(base64)$hash(base64). The cost travels with the hash. */
export function hashPin(pin: string, cost = 16384): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, { N: cost, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

const verifier = new PinVerifier();

/** Checks a PIN without blocking the event loop (on the PIN thread). A malformed hash never matches. */
export function verifyPin(pin: string, stored: string): Promise<boolean> {
  return verifier.verify(pin, stored);
}
