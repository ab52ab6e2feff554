import { timingSafeEqual, createHash } from 'node:crypto';
import { fail, type Actor, type DomainError, type HallConfig } from '@yichuang/protocol';
import type { Db } from '../store/open-db.ts';
import { checkToken } from './tokens.ts';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Each config's device keys, digested once (a config object is never changed, only replaced). */
const keyDigests = new WeakMap<HallConfig, { device: HallConfig['devices'][number]; digest: Buffer }[]>();

/** Device keys compared in constant time (by digest, so lengths never leak). */
export function deviceForKey(config: HallConfig, key: string): HallConfig['devices'][number] | undefined {
  let known = keyDigests.get(config);
  if (known === undefined)
    keyDigests.set(config, (known = config.devices.map((device) => ({ device, digest: digest(device.key) }))));
  const d = digest(key);
  let found: HallConfig['devices'][number] | undefined;
  // Every key is compared, so the time taken does not tell which device (or whether any) matched.
  for (const k of known) if (timingSafeEqual(k.digest, d)) found ??= k.device;
  return found;
}

/** `Authorization: Bearer …` → who is asking: a device by its key, or an officer by token. */
export function authenticate(db: Db, config: HallConfig, bearer: string | undefined, now: number): Actor | DomainError {
  if (bearer === undefined || bearer === '') return fail('UNAUTHENTICATED', '请先登录 / sign in first');
  const device = deviceForKey(config, bearer);
  if (device !== undefined) return { kind: 'device', role: device.kind, deviceId: device.id };
  const token = checkToken(db, bearer, now);
  if (!token.ok)
    return token.reason === 'expired'
      ? fail('TOKEN_EXPIRED', '登录已过期，请重新登录 / your session expired, sign in again')
      : fail('UNAUTHENTICATED', '凭证无效，请重新登录 / invalid credentials, sign in again');
  const officer = config.officers.find((o) => o.id === token.officerId);
  if (officer === undefined) return fail('UNAUTHENTICATED', '该账号已停用 / this account no longer exists');
  return { kind: 'officer', role: officer.role, officerId: officer.id };
}

export function bearerOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}

export const isDomainError = (x: unknown): x is DomainError =>
  typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
