import { useCounter } from './counter-store.ts';
import { api } from './hub-api.ts';
import { ct } from './strings/strings.ts';

/**
 * 退出登录: the hub revokes this counter's token and closes its sockets at once, then the counter forgets
 * the session. If the hub could not be told (unreachable, storage trouble), the counter still forgets it
 * and says that the token lapses by itself.
 */
export async function signOff(): Promise<void> {
  const { session } = useCounter.getState();
  if (session === null) return;
  const res = await api('POST', '/api/auth/logout', {});
  if (useCounter.getState().session?.token !== session.token) return; // already signed out (401 on the way)
  const lang = useCounter.getState().lang;
  useCounter.getState().logout(res.ok ? undefined : ct(lang, 'app.signOutIncomplete'));
}
