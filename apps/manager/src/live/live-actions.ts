import type { Ack, DomainError } from '@yichuang/protocol';
import { api, type Method } from '../shell/hub-api.ts';
import { useManager } from '../shell/manager-store.ts';

/**
 * A client-made requestId. crypto.randomUUID exists only in secure contexts, and a hall's LAN page
 * (http://192.168.x.x) is not one; getRandomValues works everywhere.
 */
export function newRequestId(prefix = 'm'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface ActionText<T> {
  done: (data: T) => string;
  failed: (error: DomainError) => string;
}

/**
 * One of the page's actions over REST: the answer goes to the toast either way (a refusal with the
 * hub's reason), and the caller learns whether it went through.
 */
export async function act<T>(method: Method, path: string, body: unknown, text: ActionText<T>): Promise<Ack<T>> {
  const res = await api<T>(method, path, body);
  const { say } = useManager.getState();
  if (res.ok) say('ok', text.done(res.data));
  else say('error', text.failed(res.error));
  return res;
}
