const STORAGE_KEY = 'yichuang.display.key';

/**
 * The device key arrives once as `?key=…`: keep it in localStorage and take it out of the
 * address bar, so it is neither shown on the hall's screen nor sent on as a referrer.
 */
export function deviceKey(): string | null {
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
