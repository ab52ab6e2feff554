import { useCity } from '../city-store.ts';
import { ct } from '../city-strings.ts';

/** The city's answer to a refused request: `{ error: { code, message } }`. */
export class CityError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A request to the city's API with the session's token. A 401 ends the session (back to the login
 * screen, saying why); any other refusal throws a CityError with the city's message.
 */
export async function cityFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const { session, lang } = useCity.getState();
  const headers = new Headers(init?.headers);
  if (session !== null) headers.set('authorization', `Bearer ${session.token}`);
  if (init?.body !== undefined) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new CityError(0, 'NETWORK', ct(lang, 'err.network'));
  }
  const text = await res.text();
  const body = text === '' ? null : (JSON.parse(text) as unknown);
  if (res.ok) return body as T;
  const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
  if (res.status === 401 && session !== null) useCity.getState().logout(ct(lang, 'login.expired'));
  throw new CityError(res.status, err?.code ?? 'HTTP', err?.message ?? `HTTP ${res.status}`);
}
