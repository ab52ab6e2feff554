import type { Catalogue } from '@yichuang/protocol';

/** `GET /api/catalogue` (public): the hall, its hours and phase, the matters; null when unreachable. */
export async function fetchCatalogue(): Promise<Catalogue | null> {
  try {
    const res = await fetch('/api/catalogue', { cache: 'no-store' });
    return res.ok ? ((await res.json()) as Catalogue) : null;
  } catch {
    return null;
  }
}
