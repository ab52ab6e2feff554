/**
 * Where a shell window may go: only the hub's own origin (same scheme, host and port), never with
 * credentials in the URL. Parsed with the WHATWG URL parser, the same one Chromium follows, so
 * `http://hub:8080@evil.example/` and `http:\\evil.example` are judged by the host they really reach.
 */

export type NavigationVerdict =
  { allowed: true } | { allowed: false; reason: 'unparseable' | 'scheme' | 'userinfo' | 'origin' | 'no-hub' };

export function judgeNavigation(target: string, hubOrigin: string | null): NavigationVerdict {
  if (hubOrigin === null) return { allowed: false, reason: 'no-hub' };
  let url: URL;
  let hub: URL;
  try {
    hub = new URL(hubOrigin);
    // No base: a relative or protocol-relative string is not a navigation Chromium reports.
    url = new URL(target);
  } catch {
    return { allowed: false, reason: 'unparseable' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { allowed: false, reason: 'scheme' };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'userinfo' };
  // `origin` folds case, default ports and IDN, so this is the comparison the browser makes.
  if (url.origin !== hub.origin) return { allowed: false, reason: 'origin' };
  return { allowed: true };
}

export function isAllowedNavigation(target: string, hubOrigin: string | null): boolean {
  return judgeNavigation(target, hubOrigin).allowed;
}

/** True when a URL is a page of the hub (used to tell a failed hub load from a failed local page). */
export function isHubUrl(target: string, hubOrigin: string | null): boolean {
  return isAllowedNavigation(target, hubOrigin);
}

/** Origins a permission request may come from: the hub only. */
export function isHubOrigin(origin: string, hubOrigin: string | null): boolean {
  if (hubOrigin === null) return false;
  try {
    return new URL(origin).origin === new URL(hubOrigin).origin;
  } catch {
    return false;
  }
}
