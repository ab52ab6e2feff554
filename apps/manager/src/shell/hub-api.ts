import type { Ack } from '@yichuang/protocol';
import { hubMessage, restRequest } from '@yichuang/ui';
import { useManager } from './manager-store.ts';
import { mt } from './shell-strings.ts';
import { validationText } from './validation-text.ts';

export type Method = 'GET' | 'POST';

/**
 * REST with the manager's token. Errors come back as an Ack with the hub's message in the console's
 * language (and the field and issues of a refused config edit); an expired or revoked session goes back
 * to the login screen.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<Ack<T>> {
  const { session, lang } = useManager.getState();
  const { ack, status } = await restRequest<T>(method, path, body, {
    bearer: session?.token ?? null,
    lang,
    unreachable: mt(lang, 'net.unreachable'),
  });
  if (!ack.ok && status === 401 && session !== null) useManager.getState().logout(ack.error.message);
  // An input check's refusal comes in zod's English: the console says it in the manager's words.
  if (!ack.ok && ack.error.code === 'VALIDATION_FAILED')
    return { ok: false, error: { ...ack.error, message: validationText(lang, ack.error.message, ack.error.field) } };
  return ack;
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
