/**
 * Which browser permissions a page gets: none, except a few an officer's page may use, and only
 * when the hub itself asks. A local page or any other origin gets nothing.
 */
import { isHubOrigin } from './navigation-guard.ts';
import type { Role } from './roles.ts';

/** Kiosk and display need none: speaking aloud without a tap is a webPreference, not a permission. */
export function allowedPermissions(role: Role): readonly string[] {
  if (role === 'counter' || role === 'manager' || role === 'guide')
    return ['notifications', 'clipboard-sanitized-write', 'fullscreen'];
  return ['fullscreen'];
}

export function isPermissionGranted(
  role: Role | null,
  hubOrigin: string | null,
  permission: string,
  requestingOrigin: string,
): boolean {
  if (role === null || hubOrigin === null) return false;
  if (!isHubOrigin(requestingOrigin, hubOrigin)) return false;
  return allowedPermissions(role).includes(permission);
}
