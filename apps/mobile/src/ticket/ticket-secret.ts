const KEY_PREFIX = 'yichuang.ticket.secret.';

/**
 * The secret of the ticket's link (`/t/<id>?s=<secret>`, printed as the QR code) proves to the hub that
 * this phone holds the ticket, for the citizen's own 好差评. Like a device page's key, it is kept for
 * this tab (sessionStorage, by ticket) and taken out of the address bar at once, so it is not shared
 * by copying the address, kept in a bookmark or sent on as a referrer.
 */
export function ticketSecret(ticketId: string): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('s')?.trim() ?? '';
  if (fromUrl !== '') {
    try {
      window.sessionStorage.setItem(KEY_PREFIX + ticketId, fromUrl);
    } catch {
      // Storage refused (private mode): the secret still works until the page is closed.
    }
    url.searchParams.delete('s');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(KEY_PREFIX + ticketId);
  } catch {
    return null;
  }
}
