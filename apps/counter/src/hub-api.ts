import type { Ack } from '@yichuang/protocol';
import { restRequest } from '@yichuang/ui';
import { useCounter } from './counter-store.ts';
import { ct } from './strings/strings.ts';

/**
 * REST with the officer's token. Errors come back as an Ack with the hub's message; an expired
 * token sends the counter back to the login screen.
 */
export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Ack<T>> {
  const { session, lang } = useCounter.getState();
  const { ack, status } = await restRequest<T>(method, path, body, {
    bearer: session?.token ?? null,
    lang,
    unreachable: ct(lang, 'login.unreachable'),
  });
  if (!ack.ok && status === 401 && session !== null && ['TOKEN_EXPIRED', 'UNAUTHENTICATED'].includes(ack.error.code))
    useCounter.getState().logout(ack.error.message);
  return ack;
}
