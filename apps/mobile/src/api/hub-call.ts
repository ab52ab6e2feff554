import type { z } from 'zod';
import { errorBodySchema } from '@yichuang/protocol';

/** A hub answer, parsed: the data, or the hub's error code (`NETWORK` when it was not reached). */
export type HubResult<T> = { ok: true; data: T } | { ok: false; code: string; status: number };

/** JSON to and from the hub, every answer checked against its schema before it is believed. */
export async function hubCall<S extends z.ZodType>(
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
): Promise<HubResult<z.output<S>>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      cache: 'no-store',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, code: 'NETWORK', status: 0 };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, code: 'BAD_ANSWER', status: res.status };
  }
  const failed = errorBodySchema.safeParse(json);
  return { ok: false, code: failed.success ? failed.data.error.code : `HTTP_${res.status}`, status: res.status };
}

/**
 * A fresh request id (uuid v4). crypto.randomUUID needs a secure context, and a hall's LAN address
 * (http://192.168…) is not one; getRandomValues works everywhere.
 */
export function newRequestId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
