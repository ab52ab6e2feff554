import type { Ack } from '@yichuang/protocol';
import { hubMessage } from '@yichuang/ui';
import { useCounter } from './counter-store.ts';
import { ct } from './strings/strings.ts';

/**
 * REST with the officer's token. Errors come back as an Ack with the hub's message; an expired
 * token sends the counter back to the login screen.
 */
export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Ack<T>> {
  const { session, lang } = useCounter.getState();
  const headers: Record<string, string> = {};
  if (session !== null) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: ct(lang, 'login.unreachable') } };
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null; // not JSON (a proxy's error page): the status alone says what happened
  }
  if (res.ok) return { ok: true, data: json as T };
  const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
  const code = error?.code ?? `HTTP_${res.status}`;
  const message = hubMessage(error?.message ?? `HTTP ${res.status}`, lang);
  if (res.status === 401 && session !== null && (code === 'TOKEN_EXPIRED' || code === 'UNAUTHENTICATED'))
    useCounter.getState().logout(message);
  return { ok: false, error: { code: code as 'INTERNAL', message } };
}
