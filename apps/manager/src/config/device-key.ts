import type { DeviceConfig } from '@yichuang/protocol';

/**
 * A new device key: 24 random bytes as base64url (32 characters). getRandomValues works on plain http
 * too, where a hall's LAN console usually runs (randomUUID needs a secure context).
 */
export function generateKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** The address a device's screen is opened with once; the page keeps the key and drops it from the address. */
export function setupUrl(origin: string, d: Pick<DeviceConfig, 'kind' | 'key' | 'window'>): string | null {
  const key = encodeURIComponent(d.key);
  if (d.kind === 'kiosk') return `${origin}/kiosk/?key=${key}`;
  if (d.kind === 'display') return `${origin}/display/?key=${key}`;
  if (d.window === undefined || d.window === '') return null;
  return `${origin}/rate/${encodeURIComponent(d.window)}?key=${key}`;
}
