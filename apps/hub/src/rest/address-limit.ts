import { fail, type Ack } from '@yichuang/protocol';
import type { HubContext } from '../hub-context.ts';
import { RateLimiter } from '../rate-limit.ts';

/** Addresses remembered per limit; a flood from more of them starts the count over rather than growing. */
const MAX_ADDRESSES = 10_000;

/**
 * A limit on anonymous requests of one kind per address and minute (a hall's phones may share one address
 * behind its Wi-Fi, so limits are generous). Returns the check: true when the request may go on.
 */
export function addressLimit(perMinute: number): (hub: HubContext, ip: string) => boolean {
  const limiters = new WeakMap<HubContext, RateLimiter>();
  return (hub, ip) => {
    let limiter = limiters.get(hub);
    if (limiter === undefined || limiter.size > MAX_ADDRESSES) limiters.set(hub, (limiter = new RateLimiter()));
    return limiter.allow(ip, hub.clock(), perMinute);
  };
}

/** The answer past a limit. */
export function tooManyAttempts(): Ack<never> {
  return { ok: false, error: fail('RATE_LIMITED', '操作过于频繁，请稍后再试 / too many attempts, retry in a minute') };
}
