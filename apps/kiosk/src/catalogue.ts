import { useEffect } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { fetchCatalogue } from './fetch-catalogue.ts';
import { useHub } from './hub-context.tsx';
import { useKiosk } from './kiosk-store.ts';

const REFRESH_MS = 30_000;

export async function refreshCatalogue(): Promise<void> {
  const c = await fetchCatalogue();
  if (c !== null) useKiosk.setState({ catalogue: c });
}

/**
 * The catalogue and the hall's phase (open, extended, closed): every 30 s, and whenever the hub sends a
 * snapshot (every reconnect, and every config change: a new matter shows at once).
 */
export function useCatalogueSync(): void {
  const connection = useHub((s) => s.connection);
  useEffect(() => {
    const refresh = (): void => void refreshCatalogue();
    connection.socket.on('hub:snapshot', refresh);
    return () => {
      connection.socket.off('hub:snapshot', refresh);
    };
  }, [connection]);
  useEffect(() => {
    void refreshCatalogue();
    const id = setInterval(() => void refreshCatalogue(), REFRESH_MS);
    return () => clearInterval(id);
  }, []);
}

export interface Category {
  name: string;
  services: Catalogue['services'];
  queueIds: string[];
}

const ORDER = ['户政', '出入境', '车驾管', '证明开具', '查询', '治安'];

/** Categories in the hall's usual order (户政 first), then any others as the catalogue lists them. */
export function categoriesOf(c: Catalogue): Category[] {
  const map = new Map<string, Category>();
  for (const s of c.services) {
    const name = s.category || s.queue;
    const cat = map.get(name) ?? { name, services: [], queueIds: [] };
    cat.services.push(s);
    if (!cat.queueIds.includes(s.queue)) cat.queueIds.push(s.queue);
    map.set(name, cat);
  }
  const rank = (n: string): number => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return [...map.values()].sort((a, b) => rank(a.name) - rank(b.name));
}

/**
 * Pinyin-initial prefix matches first, then initials found later inside the word, then the name itself,
 * then a word of the English name starting with the letters (PASS finds the passport).
 */
export function searchServices(c: Catalogue, query: string): Catalogue['services'] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const score = (s: Catalogue['services'][number]): number => {
    const py = s.pinyin?.toLowerCase() ?? '';
    const at = py.indexOf(q);
    if (at >= 0) return at;
    if (s.name.toLowerCase().includes(q)) return 100;
    // Letters typed by someone reading English: a word of the English name that starts with them.
    const words = (s.nameEn ?? '').toLowerCase().split(/[^a-z0-9]+/);
    return q.length >= 2 && words.some((w) => w.startsWith(q)) ? 200 : -1;
  };
  return c.services
    .map((s) => ({ s, r: score(s) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r)
    .map((x) => x.s);
}
