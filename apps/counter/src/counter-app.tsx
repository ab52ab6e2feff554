import { useEffect, useRef, type ReactElement } from 'react';
import { hubMessage } from '@yichuang/ui';
import { useCounter } from './counter-store.ts';
import { DialogHost } from './dialogs/dialog-host.tsx';
import { HubProvider, useHall, useHub, useWindows } from './hub-context.tsx';
import { heldBy } from './hall-helpers.ts';
import { hubNow } from './hub-clock.ts';
import { followNoticePrints } from './notice-prints.ts';
import { LoginScreen } from './screens/login-screen.tsx';
import { WindowPickScreen } from './screens/window-pick-screen.tsx';
import { WorkScreen } from './screens/work-screen.tsx';
import { ct } from './strings/strings.ts';
import { Toast } from './work/toast.tsx';

export function CounterApp(): ReactElement {
  const session = useCounter((s) => s.session);
  const hub = useCounter((s) => s.hub);
  const lang = useCounter((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  if (session === null || hub === null)
    return (
      <>
        <LoginScreen />
        <Toast />
      </>
    );
  return (
    <HubProvider value={hub}>
      <Shell />
    </HubProvider>
  );
}

/** Everything after login: session upkeep, then the window pick or the work screen. */
function Shell(): ReactElement {
  const lang = useCounter((s) => s.lang);
  const session = useCounter((s) => s.session)!;
  const windowId = useCounter((s) => s.windowId);
  const connection = useHub((s) => s.connection);
  const { state } = useHall();
  const windows = useWindows();

  // A refusal at connect (expired or revoked token) is final: socket.io will not retry it, so log in again.
  useEffect(() => {
    const onError = (err: Error): void => {
      if (connection.socket.active) return; // a network failure: it reconnects by itself
      useCounter.getState().logout(hubMessage(err.message, useCounter.getState().lang));
    };
    connection.socket.on('connect_error', onError);
    const stopPrints = followNoticePrints(connection);
    return () => {
      connection.socket.off('connect_error', onError);
      stopPrints();
    };
  }, [connection]);

  // The token's expiry, on the hub's clock.
  useEffect(() => {
    const check = (): void => {
      if (hubNow() >= session.expiresAt) useCounter.getState().logout(ct(useCounter.getState().lang, 'login.expired'));
    };
    const id = setInterval(check, 5000);
    return () => clearInterval(id);
  }, [session.expiresAt]);

  // Back at the counter (reload, or the PC restarted): go straight to the window this officer holds.
  // Once only, on the first state: after 签退 the hold may still show until its event arrives, and the
  // officer must then land on the window pick, not back at the window they just left.
  const held = heldBy(windows, session.officer.id);
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || state === null) return;
    resumed.current = true;
    if (windowId === null && held !== undefined) useCounter.getState().setWindow(held.id);
  }, [windowId, held, state]);

  // A manager may work any window of the hall as the duty leader (带班领导); officers their roster's.
  const known =
    windowId !== null &&
    (session.officer.windows.some((w) => w.windowId === windowId) ||
      (session.officer.role === 'manager' && windows.some((w) => w.id === windowId)));
  return (
    <div className="c-app" data-lang={lang}>
      {state === null ? (
        <div className="c-connecting" data-screen="connecting">
          <div className="yc-spinner" />
          {ct(lang, 'link.connecting')}
        </div>
      ) : known ? (
        <WorkScreen windowId={windowId} />
      ) : (
        <WindowPickScreen />
      )}
      <DialogHost />
      <Toast />
    </div>
  );
}
