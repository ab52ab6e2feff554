import { useEffect, useMemo, type ReactElement } from 'react';
import { hubNow } from '@yichuang/client';
import { Icon, hubMessage } from '@yichuang/ui';
import { noShowRows, waitingRows } from './guide-data.ts';
import { useGuide, type Tab } from './guide-store.ts';
import { api } from './hub-api.ts';
import { HubProvider, useHall, useHub, useHubNow } from './hall.ts';
import { LangButton } from './lang-button.tsx';
import { IssueScreen } from './screens/issue-screen.tsx';
import { LoginScreen } from './screens/login-screen.tsx';
import { NoShowScreen } from './screens/no-show-screen.tsx';
import { WaitingScreen } from './screens/waiting-screen.tsx';
import { clockTime, gt } from './strings/strings.ts';
import { Toast } from './toast.tsx';

export function GuideApp(): ReactElement {
  const session = useGuide((s) => s.session);
  const hub = useGuide((s) => s.hub);
  const lang = useGuide((s) => s.lang);
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

/** After login: the bar with its three tabs, the link banner, the tab's screen. */
function Shell(): ReactElement {
  const lang = useGuide((s) => s.lang);
  const tab = useGuide((s) => s.tab);
  const session = useGuide((s) => s.session)!;
  const connection = useHub((s) => s.connection);
  const { state, live, link } = useHall();

  // A refusal at connect (expired or revoked token) is final: socket.io will not retry it.
  useEffect(() => {
    const onError = (err: Error): void => {
      if (connection.socket.active) return; // a network failure: it reconnects by itself
      useGuide.getState().logout(hubMessage(err.message, useGuide.getState().lang));
    };
    connection.socket.on('connect_error', onError);
    return () => {
      connection.socket.off('connect_error', onError);
    };
  }, [connection]);

  useEffect(() => {
    const id = setInterval(() => {
      if (hubNow() >= session.expiresAt) useGuide.getState().logout(gt(useGuide.getState().lang, 'login.expired'));
    }, 5000);
    return () => clearInterval(id);
  }, [session.expiresAt]);

  return (
    <div className="g-app" data-lang={lang} data-live={live}>
      <TopBar />
      {!live && (
        <div className="g-linkbar" role="alert" data-testid="link-banner" data-link={link}>
          <Icon name="offline" size={30} />
          <b>{link === 'connecting' ? gt(lang, 'link.connecting') : gt(lang, 'link.offline')}</b>
          <span>{gt(lang, 'link.offlineHint')}</span>
        </div>
      )}
      <main className="g-main">
        {state === null ? (
          <div className="g-connecting" data-screen="connecting">
            <div className="yc-spinner" />
            {gt(lang, 'link.connecting')}
          </div>
        ) : tab === 'issue' ? (
          <IssueScreen />
        ) : tab === 'waiting' ? (
          <WaitingScreen />
        ) : (
          <NoShowScreen />
        )}
      </main>
      <Toast />
    </div>
  );
}

function TopBar(): ReactElement {
  const lang = useGuide((s) => s.lang);
  const tab = useGuide((s) => s.tab);
  const session = useGuide((s) => s.session)!;
  const { state, version } = useHall();
  const now = useHubNow(15_000);
  const counts = useMemo(() => {
    if (state === null) return { waiting: 0, long: 0, noShow: 0 };
    const rows = waitingRows(state, now);
    return {
      waiting: rows.length,
      long: rows.filter((r) => r.level !== 'ok').length,
      noShow: noShowRows(state, now).length,
    };
    // version: the mirror's change counter (the state object is mutated in place)
  }, [state, version, now]);
  const tz = state?.model.config.hall.timezone ?? 'Asia/Shanghai';
  const tabs: { id: Tab; label: string; count: number | null; alert: boolean }[] = [
    { id: 'issue', label: gt(lang, 'tab.issue'), count: null, alert: false },
    { id: 'waiting', label: gt(lang, 'tab.waiting'), count: counts.waiting, alert: counts.long > 0 },
    { id: 'no-show', label: gt(lang, 'tab.noShow'), count: counts.noShow, alert: false },
  ];
  const logout = async (): Promise<void> => {
    await api('POST', '/api/auth/logout', {});
    useGuide.getState().logout();
  };
  return (
    <header className="g-bar">
      <span className="g-bar__emblem">
        <Icon name="emblem" size={40} />
      </span>
      <h1 className="g-bar__title">{gt(lang, 'app.title')}</h1>
      <nav className="g-tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`g-tab ${tab === t.id ? 'g-tab--on' : ''}`}
            data-testid={`tab-${t.id}`}
            onClick={() => useGuide.getState().setTab(t.id)}
          >
            {t.label}
            {t.count !== null && (
              <span className={`g-tab__count ${t.alert ? 'g-tab__count--alert' : ''}`} data-testid={`count-${t.id}`}>
                {t.count}
              </span>
            )}
          </button>
        ))}
      </nav>
      <span className="g-gap" />
      <span className="g-bar__who" data-testid="who">
        {session.officer.name}
      </span>
      <span className="g-bar__clock">{clockTime(now, tz)}</span>
      <LangButton />
      <button type="button" className="g-tool" data-testid="logout" onClick={() => void logout()}>
        {gt(lang, 'app.logout')}
      </button>
    </header>
  );
}
