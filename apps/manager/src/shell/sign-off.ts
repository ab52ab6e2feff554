import { api } from './hub-api.ts';
import { useManager } from './manager-store.ts';
import { mt } from './shell-strings.ts';

/**
 * 退出登录: the hub revokes this session's token and closes its sockets at once, then the console forgets
 * it. If the hub could not be told (unreachable, storage trouble), the console still forgets the session
 * and says that the token lapses by itself.
 */
export async function signOff(): Promise<void> {
  const { session } = useManager.getState();
  if (session === null) return;
  const res = await api('POST', '/api/auth/logout', {});
  if (useManager.getState().session?.token !== session.token) return; // already signed out (401 on the way)
  const lang = useManager.getState().lang;
  useManager.getState().logout(res.ok ? undefined : mt(lang, 'app.logoutIncomplete'));
}
