import { useState, type ReactElement } from 'react';
import { categoryIcon, categoryLabel, Icon, t } from '@yichuang/ui';
import type { MobileService } from '../api/catalogue.ts';
import { retryCatalogue, useCatalogue } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { mt } from '../mobile-strings.ts';
import { linkTo } from '../router.ts';
import { searchServices, serviceText } from '../service-text.ts';

/** 办事指南: every matter, searched by name (Chinese, pinyin initials or English). */
export function GuideScreen(): ReactElement {
  const lang = useLang();
  const { catalogue, failed } = useCatalogue();
  const [query, setQuery] = useState('');
  const found = catalogue === null ? [] : searchServices(catalogue, query);
  // Unsearched, the matters stand under their categories (户政 first); found ones in the order they matched.
  const groups = query.trim() === '' ? byCategory(found) : [{ name: '', services: found }];
  return (
    <AppShell title={t(lang, 'guide.title')} tab="guide" back={{ name: 'home' }}>
      <label className="m-search">
        <Icon name="search" size={28} />
        <input
          type="search"
          data-testid="m-guide-search"
          value={query}
          maxLength={40}
          placeholder={mt(lang, 'guide.search')}
          aria-label={mt(lang, 'guide.search')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {catalogue === null ? (
        <Notice
          tone={failed ? 'error' : 'info'}
          text={mt(lang, failed ? 'unreachable' : 'loading')}
          action={
            failed ? (
              <button type="button" className="m-link-btn" onClick={retryCatalogue}>
                {mt(lang, 'retry')}
              </button>
            ) : undefined
          }
        />
      ) : found.length === 0 ? (
        <Notice text={mt(lang, 'guide.none')} testId="m-guide-none" />
      ) : (
        <>
          <p className="m-count" data-testid="m-guide-count">
            {mt(lang, 'guide.count', { n: found.length })}
          </p>
          {groups.map((g) => (
            <section key={g.name} className="m-group" data-testid="m-guide-group">
              {query.trim() === '' && (
                <h2 className="m-group__title">
                  <Icon name={categoryIcon(g.name)} size={24} />
                  {categoryLabel(lang, g.name)}
                </h2>
              )}
              <ul className="m-list">
                {g.services.map((s) => (
                  <li key={s.id}>
                    <ServiceRow service={s} showCategory={query.trim() !== ''} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </AppShell>
  );
}

const ORDER = ['户政', '出入境', '车驾管', '证明开具', '查询', '治安'];

function byCategory(services: MobileService[]): { name: string; services: MobileService[] }[] {
  const map = new Map<string, MobileService[]>();
  for (const s of services) map.set(s.category, [...(map.get(s.category) ?? []), s]);
  const rank = (n: string): number => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return [...map].map(([name, list]) => ({ name, services: list })).sort((a, b) => rank(a.name) - rank(b.name));
}

function ServiceRow({ service: s, showCategory }: { service: MobileService; showCategory: boolean }): ReactElement {
  const lang = useLang();
  return (
    <a className="m-row" data-testid={`m-service-${s.id}`} {...linkTo({ name: 'matter', serviceId: s.id })}>
      <span className="m-row__text">
        <b>{serviceText(s, lang).name}</b>
        {(showCategory || s.bookable) && (
          <small>
            {showCategory && categoryLabel(lang, s.category)}
            {s.bookable && <span className="m-tag">{mt(lang, 'guide.bookable')}</span>}
          </small>
        )}
      </span>
      <Icon name="chevronRight" size={24} />
    </a>
  );
}
