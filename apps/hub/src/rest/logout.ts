import type { Ack } from '@yichuang/protocol';
import { revokeToken } from '../auth/tokens.ts';
import type { HubContext } from '../hub-context.ts';
import { storageUnavailable } from '../store/storage-errors.ts';
import type { RouteRequest } from './route-spec.ts';

/**
 * 退出登录: the caller's own token stops working now, not in 12 hours, and every socket opened with it
 * is closed at once. If the token cannot be deleted (disk full, I/O error), nothing is pretended: 503.
 */
export function logout(hub: HubContext, req: RouteRequest): Ack<{ loggedOut: true; sockets: number }> {
  const token = req.bearer ?? '';
  try {
    revokeToken(hub.db, token);
  } catch (err) {
    hub.log(`logout could not revoke a token: ${(err as Error).message}`);
    return { ok: false, error: storageUnavailable(err) };
  }
  return { ok: true, data: { loggedOut: true, sockets: hub.endSessions(token) } };
}
