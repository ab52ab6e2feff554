import { useState, type ReactElement } from 'react';
import { categoryIcon, categoryLabel, Icon, t } from '@yichuang/ui';
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
          <ul className="m-list">
            {found.map((s) => (
              <li key={s.id}>
                <a className="m-row" data-testid={`m-service-${s.id}`} {...linkTo({ name: 'matter', serviceId: s.id })}>
                  <span className="m-row__icon">
                    <Icon name={categoryIcon(s.category)} size={28} />
                  </span>
                  <span className="m-row__text">
                    <b>{serviceText(s, lang).name}</b>
                    <small>
                      {categoryLabel(lang, s.category)}
                      {s.bookable && <span className="m-tag">{mt(lang, 'guide.bookable')}</span>}
                    </small>
                  </span>
                  <Icon name="chevronRight" size={24} />
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </AppShell>
  );
}
