/** The roles a hall machine can play, and what each one means for the shell. */
export const ROLES = ['kiosk', 'counter', 'display', 'manager', 'guide'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Kiosks and displays stand unattended in the public hall: they are locked down. */
export function isLockedRole(role: Role): boolean {
  return role === 'kiosk' || role === 'display';
}

/** Device pages authenticate with the device key from the hall config; officers log in with a PIN instead. */
export function needsDeviceKey(role: Role): boolean {
  return role === 'kiosk' || role === 'display';
}

/**
 * The hub page of a role. Device pages take `?key=` and move it to their own storage; the shell
 * passes it on every start, so a kiosk whose storage was wiped still comes back by itself.
 */
export function rolePageUrl(hubOrigin: string, role: Role, deviceKey?: string): string {
  const url = new URL(`/${role}/`, hubOrigin);
  if (needsDeviceKey(role) && deviceKey) url.searchParams.set('key', deviceKey);
  return url.href;
}
