import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { hubNow } from '@yichuang/client';
import { Icon } from '@yichuang/ui';
import { alertText } from './alert-words.ts';
import { soundAlarm } from './alarm.ts';
import { useHall, useHub } from './hub-hooks.ts';
import { clockTime } from './make-strings.ts';
import { useManager } from './manager-store.ts';
import { useOversight } from './oversight-store.ts';
import { pageIds } from './pages.ts';
import { mt } from './shell-strings.ts';
import { signOff } from './sign-off.ts';
import { ToastView } from './toast.tsx';

/** The hub's time, once a second, in the hall's time zone. */
function HubClock({ timeZone }: { timeZone: string }): ReactElement {
  const [, setTick] = useState(0);
  // Each snapshot and event batch moves the hub clock's offset: show it at once, not at the next tick.
  useHub((s) => s.version);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <span className="m-top__clock" data-testid="hub-clock">
      {clockTime(hubNow(), timeZone, true)}
    </span>
  );
}

/** Top bar, side bar and the page; a red strip while any critical alert is open and unacknowledged. */
export function AppFrame({ children }: { children: ReactNode }): ReactElement {
  const lang = useManager((s) => s.lang);
  const page = useManager((s) => s.page);
  const session = useManager((s) => s.session);
  const link = useHub((s) => s.link);
  const { state } = useHall();
  const alerts = useOversight((s) => s.alerts);
  const alarm = useOversight((s) => s.alarm);
  useEffect(() => {
    if (alarm > 0) soundAlarm();
  }, [alarm]);

  const open = alerts.filter((a) => a.clearedAt === null);
  const loud = open.filter((a) => a.severity === 'critical' && a.acknowledgedAt === null);
  const hallName = state?.model.config.hall.name ?? '';
  const timeZone = state?.model.config.hall.timezone ?? 'Asia/Shanghai';

  return (
    <div className="m-app" data-page={page}>
      <header className="m-top">
        <Icon name="emblem" size={30} />
        <div className="m-top__titles">
          <span className="m-top__hall">{hallName}</span>
          <span className="m-top__app">{mt(lang, 'app.title')}</span>
        </div>
        <span className="m-gap" />
        <button
          type="button"
          className={`m-top__alerts ${loud.length > 0 ? 'm-top__alerts--loud' : ''}`}
          data-testid="alert-badge"
          onClick={() => useManager.getState().go('live')}
        >
          <Icon name="alert" size={20} />
          {open.length === 0 ? mt(lang, 'alerts.none') : mt(lang, 'alerts.badge', { n: open.length })}
        </button>
        <span className={`m-chip m-chip--${link}`} data-testid="link-state">
          {mt(lang, `link.${link}`)}
        </span>
        <HubClock timeZone={timeZone} />
        <span className="m-top__who">{session?.officer.name}</span>
        <button
          type="button"
          className="m-btn m-btn--ghost"
          onClick={() => useManager.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {mt(lang, 'app.lang')}
        </button>
        <button type="button" className="m-btn m-btn--ghost" data-testid="logout" onClick={() => void signOff()}>
          {mt(lang, 'app.logout')}
        </button>
      </header>
      {loud.length > 0 && (
        <div className="m-alarm" role="alert" data-testid="alarm-strip">
          <Icon name="alert" size={22} />
          <span>{alertText(lang, loud[0]!, state?.model.config ?? null)}</span>
          {loud.length > 1 && <span className="m-alarm__more">+{loud.length - 1}</span>}
        </div>
      )}
      <nav className="m-nav">
        {pageIds.map((id) => (
          <button
            key={id}
            type="button"
            className={`m-nav__item ${page === id ? 'm-nav__item--on' : ''}`}
            data-testid={`nav-${id}`}
            onClick={() => useManager.getState().go(id)}
          >
            {mt(lang, `nav.${id}`)}
          </button>
        ))}
      </nav>
      <main className="m-main">{children}</main>
      <ToastView />
    </div>
  );
}
