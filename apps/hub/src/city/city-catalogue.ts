import { cityCatalogueSchema, type CitySettings, type PublicCityCatalogue } from '@yichuang/protocol';

/** The city's catalogue is asked for at most this often; phones in between get the copy. */
const FRESH_MS = 10_000;
const TIMEOUT_MS = 3000;
/** A catalogue of 2,000 matters × a few halls is well under this; more is not a catalogue. */
const MAX_BYTES = 2 * 1024 * 1024;

interface Cache {
  key: string;
  at: number;
  value: PublicCityCatalogue;
  pending: Promise<PublicCityCatalogue> | null;
}

/**
 * 全城通办 on the hall's phone pages: the city tier's public catalogue, fetched by the hub (the phone
 * stays on the hall's address), cached, size- and time-bounded and parsed before anyone reads it. Nothing
 * at a window waits for it; a city that cannot be reached is an answer (`available: false`), not a hang.
 */
export class CityCatalogueClient {
  private cache: Cache | null = null;

  constructor(
    private readonly settings: () => CitySettings | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<PublicCityCatalogue> {
    const s = this.settings();
    if (s === undefined) return { available: false, reason: 'NO_CITY' };
    const key = s.url;
    const c = this.cache;
    if (c !== null && c.key === key) {
      if (this.now() - c.at < FRESH_MS) return c.value;
      if (c.pending !== null) return c.pending;
    }
    const pending = this.fetch(s.url).then((value) => {
      this.cache = { key, at: this.now(), value, pending: null };
      return value;
    });
    this.cache = {
      key,
      at: c?.key === key ? c.at : 0,
      value: c?.value ?? { available: false, reason: 'CITY_UNREACHABLE' },
      pending,
    };
    return pending;
  }

  private async fetch(base: string): Promise<PublicCityCatalogue> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      const res = await fetch(new URL('city/api/public/catalogue', base.endsWith('/') ? base : `${base}/`), {
        signal: abort.signal,
      });
      if (!res.ok || res.body === null) return { available: false, reason: 'CITY_UNREACHABLE' };
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > MAX_BYTES) {
          abort.abort();
          return { available: false, reason: 'CITY_UNREACHABLE' };
        }
        chunks.push(value);
      }
      const parsed = cityCatalogueSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      return parsed.success
        ? { available: true, catalogue: parsed.data }
        : { available: false, reason: 'CITY_UNREACHABLE' };
    } catch {
      return { available: false, reason: 'CITY_UNREACHABLE' };
    } finally {
      clearTimeout(timer);
    }
  }
}
