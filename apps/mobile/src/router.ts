import { useSyncExternalStore, type MouseEvent } from 'react';

/** The phone pages live under /m/; everything after it is a client-side route. */
export const BASE = '/m';

export type Route =
  | { name: 'home' }
  | { name: 'guide' }
  | { name: 'matter'; serviceId: string }
  | { name: 'book'; serviceId: string | null }
  | { name: 'booked'; code: string }
  | { name: 'mine' }
  | { name: 'reschedule'; code: string }
  | { name: 'take'; serviceId: string | null }
  | { name: 'progress' }
  /** 全城通办: the halls of the city that handle a matter, and their waits now. */
  | { name: 'city'; serviceId: string | null }
  | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(`${BASE}/`) ? pathname.slice(BASE.length + 1) : '';
  const parts = rest
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  const [a, b, c] = parts;
  if (a === undefined || a === 'index.html') return { name: 'home' };
  if (a === 'guide' && b === undefined) return { name: 'guide' };
  if (a === 'guide' && b !== undefined && c === undefined) return { name: 'matter', serviceId: b };
  if (a === 'book' && c === undefined) return { name: 'book', serviceId: b ?? null };
  if (a === 'booked' && b !== undefined && c === undefined) return { name: 'booked', code: b };
  if (a === 'mine' && b === undefined) return { name: 'mine' };
  if (a === 'take' && c === undefined) return { name: 'take', serviceId: b ?? null };
  if (a === 'mine' && b !== undefined && c === 'change') return { name: 'reschedule', code: b };
  // 办件进度查询; a receipt's link adds ?no= (read by the screen)
  if (a === 'progress' && b === undefined) return { name: 'progress' };
  if (a === 'city' && c === undefined) return { name: 'city', serviceId: b ?? null };
  return { name: 'not-found' };
}

export function hrefOf(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
    case 'not-found':
      return `${BASE}/`;
    case 'guide':
      return `${BASE}/guide`;
    case 'matter':
      return `${BASE}/guide/${e(route.serviceId)}`;
    case 'book':
      return route.serviceId === null ? `${BASE}/book` : `${BASE}/book/${e(route.serviceId)}`;
    case 'booked':
      return `${BASE}/booked/${e(route.code)}`;
    case 'mine':
      return `${BASE}/mine`;
    case 'reschedule':
      return `${BASE}/mine/${e(route.code)}/change`;
    case 'take':
      return route.serviceId === null ? `${BASE}/take` : `${BASE}/take/${e(route.serviceId)}`;
    case 'progress':
      return `${BASE}/progress`;
    case 'city':
      return route.serviceId === null ? `${BASE}/city` : `${BASE}/city/${e(route.serviceId)}`;
  }
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => {
  for (const l of listeners) l();
});

export function navigate(route: Route, replace = false): void {
  const href = hrefOf(route);
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

export function useRoute(): Route {
  const path = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => window.location.pathname,
  );
  return parseRoute(path);
}

/** An <a>'s click handler that stays in the page (a long press or new tab still gets the real address). */
export function linkTo(route: Route): { href: string; onClick: (e: MouseEvent) => void } {
  return {
    href: hrefOf(route),
    onClick: (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(route);
    },
  };
}
