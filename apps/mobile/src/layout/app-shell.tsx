import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from '@yichuang/ui';
import { setLang, useLang } from '../lang.ts';
import { mt, type MobileKey } from '../mobile-strings.ts';
import { linkTo, type Route } from '../router.ts';
import { nameIn } from '../service-text.ts';
import { useCatalogue } from '../api/use-hall.ts';

const TABS: { route: Route; key: MobileKey; icon: IconName; id: string }[] = [
  { route: { name: 'home' }, key: 'nav.home', icon: 'home', id: 'home' },
  { route: { name: 'guide' }, key: 'nav.guide', icon: 'document', id: 'guide' },
  { route: { name: 'book', serviceId: null }, key: 'nav.book', icon: 'calendar', id: 'book' },
  { route: { name: 'mine' }, key: 'nav.mine', icon: 'check', id: 'mine' },
];

/** Every phone page: the hall's bar (back, title, language), the page, and the tab bar at the thumb. */
export function AppShell(p: {
  title: string;
  tab: 'home' | 'guide' | 'book' | 'mine';
  back?: Route;
  children: ReactNode;
}): ReactElement {
  const lang = useLang();
  const { catalogue } = useCatalogue();
  const hall = catalogue === null ? '' : nameIn(catalogue.hall, lang);
  return (
    <div className="m-app" data-tab={p.tab}>
      <header className="m-bar">
        {p.back !== undefined ? (
          <a className="m-bar__back" data-testid="m-back" aria-label={mt(lang, 'app.back')} {...linkTo(p.back)}>
            <Icon name="back" size={28} />
          </a>
        ) : (
          <span className="m-bar__mark" aria-hidden>
            <Icon name="emblem" size={30} />
          </span>
        )}
        <div className="m-bar__titles">
          <div className="m-bar__hall">{hall}</div>
          <h1 className="m-bar__title" data-testid="m-title">
            {p.title}
          </h1>
        </div>
        <button
          type="button"
          className="m-lang"
          data-testid="m-lang"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          <Icon name="globe" size={22} />
          {lang === 'zh' ? 'EN' : '中文'}
        </button>
      </header>
      <main className="m-main">{p.children}</main>
      <nav className="m-tabs" aria-label={mt(lang, 'nav.label')}>
        {TABS.map((tab) => (
          <a
            key={tab.id}
            className={`m-tab${tab.id === p.tab ? ' m-tab--on' : ''}`}
            data-testid={`m-tab-${tab.id}`}
            aria-current={tab.id === p.tab ? 'page' : undefined}
            {...linkTo(tab.route)}
          >
            <Icon name={tab.icon} size={28} />
            <span>{mt(lang, tab.key)}</span>
          </a>
        ))}
      </nav>
    </div>
  );
}

/** A card's message for loading, an empty list or a failure, with a way to try again. */
export function Notice(p: {
  tone?: 'info' | 'error';
  text: string;
  action?: ReactElement;
  testId?: string;
}): ReactElement {
  return (
    <div
      className={`m-notice m-notice--${p.tone ?? 'info'}`}
      role={p.tone === 'error' ? 'alert' : 'status'}
      data-testid={p.testId}
    >
      <Icon name={p.tone === 'error' ? 'alert' : 'info'} size={28} />
      <div className="m-notice__body">
        <div>{p.text}</div>
        {p.action}
      </div>
    </div>
  );
}
