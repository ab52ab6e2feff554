import type { Ack } from '@yichuang/protocol';
import { hubMessage } from '@yichuang/ui';
import { useManager } from './manager-store.ts';
import { mt } from './shell-strings.ts';

export type Method = 'GET' | 'POST';

/**
 * REST with the manager's token. Errors come back as an Ack with the hub's message in the console's
 * language (and the field and issues of a refused config edit); an expired or revoked session goes back
 * to the login screen.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<Ack<T>> {
  const { session, lang } = useManager.getState();
  const headers: Record<string, string> = {};
  if (session !== null) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: mt(lang, 'net.unreachable') } };
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON (a proxy's error page): the status alone says what happened
  }
  if (res.ok) return { ok: true, data: json as T };
  const error = (json as { error?: { code?: string; message?: string; field?: string; issues?: unknown } } | null)
    ?.error;
  const code = error?.code ?? `HTTP_${res.status}`;
  const message = hubMessage(error?.message ?? `HTTP ${res.status}`, lang);
  if (res.status === 401 && session !== null) useManager.getState().logout(message);
  return {
    ok: false,
    error: {
      code: code as 'INTERNAL',
      message,
      ...(error?.field === undefined ? {} : { field: error.field }),
      ...(Array.isArray(error?.issues) ? { issues: error.issues as { path: string; message: string }[] } : {}),
    },
  };
}

/** Download a file the hub makes (a report as CSV or XLSX) with the manager's token. */
export async function download(path: string, fallbackName: string): Promise<Ack<string>> {
  const { session, lang } = useManager.getState();
  let res: Response;
  try {
    res = await fetch(path, { headers: session === null ? {} : { authorization: `Bearer ${session.token}` } });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: mt(lang, 'net.unreachable') } };
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return {
      ok: false,
      error: { code: 'INTERNAL', message: hubMessage(body?.error?.message ?? `HTTP ${res.status}`, lang) },
    };
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const filename = name === undefined ? fallbackName : decodeURIComponent(name);
  saveBlob(await res.blob(), filename);
  return { ok: true, data: filename };
}

/** Hand a Blob to the browser as a download (export of the config, reports). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
