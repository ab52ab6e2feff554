import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { Icon } from '@yichuang/ui';
import { cityFetch } from './api/city-fetch.ts';
import { useCity } from './city-store.ts';
import { ct } from './city-strings.ts';

/** The city's own clock (Beijing time), once a second. */
function Clock(): ReactElement {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <span className="m-top__clock" data-testid="city-clock">
      {new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Shanghai',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(now)}
    </span>
  );
}

const NAV = [
  ['overview', 'nav.overview'],
  ['reports', 'nav.reports'],
] as const;

/** Top bar (the city, its clock, who is signed in) and side bar, as in the hall's manager console. */
export function CityFrame({ cityName, children }: { cityName: string; children: ReactNode }): ReactElement {
  const lang = useCity((s) => s.lang);
  const page = useCity((s) => s.page);
  const session = useCity((s) => s.session);
  const signOut = async (): Promise<void> => {
    await cityFetch('/city/api/logout', { method: 'POST' }).catch(() => undefined);
    useCity.getState().logout();
  };
  return (
    <div className="m-app" data-page={page.kind}>
      <header className="m-top">
        <Icon name="emblem" size={30} />
        <div className="m-top__titles">
          <span className="m-top__hall" data-testid="city-name">
            {cityName}
          </span>
          <span className="m-top__app">{ct(lang, 'app.title')}</span>
        </div>
        <span className="m-gap" />
        <Clock />
        <span className="m-top__who" data-testid="who">
          {session?.staff.name}
        </span>
        <button
          type="button"
          className="m-btn m-btn--ghost"
          onClick={() => useCity.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {ct(lang, 'app.lang')}
        </button>
        <button type="button" className="m-btn m-btn--ghost" data-testid="logout" onClick={() => void signOut()}>
          {ct(lang, 'app.logout')}
        </button>
      </header>
      <nav className="m-nav">
        {NAV.map(([id, key]) => (
          <button
            key={id}
            type="button"
            className={`m-nav__item ${page.kind === id || (id === 'overview' && page.kind === 'hall') ? 'm-nav__item--on' : ''}`}
            data-testid={`nav-${id}`}
            onClick={() => useCity.getState().go({ kind: id })}
          >
            {ct(lang, key)}
          </button>
        ))}
      </nav>
      <main className="m-main">{children}</main>
    </div>
  );
}
