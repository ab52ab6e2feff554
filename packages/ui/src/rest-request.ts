import type { Ack } from '@yichuang/protocol';
import { hubMessage, type Lang } from './strings.ts';

export interface RestOptions {
  /** The officer's token or the device key, when there is one. */
  bearer: string | null;
  lang: Lang;
  /** What to say when the hub cannot be reached, in `lang`. */
  unreachable: string;
}

/**
 * REST as every page calls the hub: JSON in and out, the hub's error as an Ack with its message in the
 * page's language (and the field and issues of a refused edit), and the HTTP status for the caller's own
 * rules (a 401 sends a staff page back to its login).
 */
export async function restRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  o: RestOptions,
): Promise<{ ack: Ack<T>; status: number }> {
  const headers: Record<string, string> = {};
  if (o.bearer !== null) headers.authorization = `Bearer ${o.bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ack: { ok: false, error: { code: 'INTERNAL', message: o.unreachable } }, status: 0 };
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON (a proxy's error page): the status alone says what happened
  }
  if (res.ok) return { ack: { ok: true, data: json as T }, status: res.status };
  const error = (json as { error?: { code?: string; message?: string; field?: string; issues?: unknown } } | null)
    ?.error;
  return {
    status: res.status,
    ack: {
      ok: false,
      error: {
        code: (error?.code ?? `HTTP_${res.status}`) as 'INTERNAL',
        message: hubMessage(error?.message ?? `HTTP ${res.status}`, o.lang),
        ...(error?.field === undefined ? {} : { field: error.field }),
        ...(Array.isArray(error?.issues) ? { issues: error.issues as { path: string; message: string }[] } : {}),
      },
    },
  };
}
