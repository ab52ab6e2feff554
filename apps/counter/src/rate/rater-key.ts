const STORAGE_KEY = 'yichuang.rater.key';

/**
 * The rater's device key arrives once as `?key=…` (like the kiosk's): kept in localStorage and taken
 * out of the address bar, so it is neither bookmarked, shown, nor sent on as a referrer.
 */
export function raterKey(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl !== null && fromUrl.trim() !== '') {
    try {
      window.localStorage.setItem(STORAGE_KEY, fromUrl.trim());
    } catch {
      // Storage refused (private mode): the key still works for this page load.
    }
    url.searchParams.delete('key');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl.trim();
  }
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** `/rate/w1` → "w1". */
export function windowIdFromPath(pathname: string): string | null {
  const m = /^\/rate\/([^/]+)\/?$/.exec(pathname);
  return m?.[1] === undefined ? null : decodeURIComponent(m[1]);
}
