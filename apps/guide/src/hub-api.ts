import type { Ack } from '@yichuang/protocol';
import { restRequest } from '@yichuang/ui';
import { useGuide } from './guide-store.ts';
import { gt } from './strings/strings.ts';

/** REST with the guide's token; an expired token sends the tablet back to its login. */
export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Ack<T>> {
  const { session, lang } = useGuide.getState();
  const { ack, status } = await restRequest<T>(method, path, body, {
    bearer: session?.token ?? null,
    lang,
    unreachable: gt(lang, 'login.unreachable'),
  });
  if (!ack.ok && status === 401 && session !== null && ['TOKEN_EXPIRED', 'UNAUTHENTICATED'].includes(ack.error.code))
    useGuide.getState().logout(ack.error.message);
  return ack;
}
