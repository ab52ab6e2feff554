import { useEffect, useState, type ReactElement } from 'react';
import { publicCityCatalogueSchema, type CityCatalogueView, type PublicCityCatalogue } from '@yichuang/protocol';
import { Icon } from '@yichuang/ui';
import { hubCall } from '../api/hub-call.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { linkTo } from '../router.ts';
import { cityText } from './city-strings.ts';

type Matter = CityCatalogueView['matters'][number];

/** The city's catalogue through this hall's hub, refreshed every 20 s while the page is open. */
function useCityCatalogue(): { data: PublicCityCatalogue | null; failed: boolean } {
  const [state, setState] = useState<{ data: PublicCityCatalogue | null; failed: boolean }>({
    data: null,
    failed: false,
  });
  useEffect(() => {
    let stopped = false;
    const load = async (): Promise<void> => {
      const r = await hubCall('GET', '/api/public/city-catalogue', publicCityCatalogueSchema);
      if (stopped) return;
      setState((s) => (r.ok ? { data: r.data, failed: false } : { data: s.data, failed: s.data === null }));
    };
    void load();
    const t = setInterval(() => void load(), 20_000);
    return () => {
      stopped = true;
      clearInterval(t);
    };
  }, []);
  return state;
}

/** 全城通办: pick a matter, see the halls of the city that handle it, open or not, and their waits now. */
export function CityScreen({ serviceId }: { serviceId: string | null }): ReactElement {
  const lang = useLang();
  const { data, failed } = useCityCatalogue();
  const [query, setQuery] = useState('');
  const back = serviceId === null ? ({ name: 'home' } as const) : ({ name: 'city', serviceId: null } as const);
  const shell = (children: ReactElement): ReactElement => (
    <AppShell title={cityText(lang, 'title')} tab="guide" back={back}>
      {children}
    </AppShell>
  );
  if (data === null)
    return shell(<Notice tone={failed ? 'error' : 'info'} text={cityText(lang, failed ? 'unreachable' : 'title')} />);
  if (!data.available)
    return shell(
      <Notice
        tone="info"
        testId="m-city-unavailable"
        text={cityText(lang, data.reason === 'NO_CITY' ? 'noCity' : 'unreachable')}
      />,
    );
  const matters = data.catalogue.matters;
  const name = (m: Matter): string => (lang === 'en' && m.nameEn !== null ? m.nameEn : m.name);
  if (serviceId !== null) {
    const m = matters.find((x) => x.serviceId === serviceId);
    if (m === undefined) return shell(<Notice tone="error" text={cityText(lang, 'none')} />);
    return shell(<MatterHalls matter={m} name={name(m)} />);
  }
  const q = query.trim().toLowerCase();
  const found = matters.filter((m) => q === '' || m.name.includes(q) || (m.nameEn ?? '').toLowerCase().includes(q));
  return shell(
    <>
      <p className="m-city__intro">{cityText(lang, 'intro')}</p>
      <label className="m-search">
        <Icon name="search" size={28} />
        <input
          type="search"
          data-testid="m-city-search"
          value={query}
          maxLength={40}
          placeholder={cityText(lang, 'search')}
          aria-label={cityText(lang, 'search')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {found.length === 0 ? (
        <Notice text={cityText(lang, 'none')} />
      ) : (
        <ul className="m-list" data-testid="m-city-matters">
          {found.map((m) => (
            <li key={m.serviceId}>
              <a
                className="m-row"
                data-testid={`m-city-${m.serviceId}`}
                {...linkTo({ name: 'city', serviceId: m.serviceId })}
              >
                <span className="m-row__text">
                  <b>{name(m)}</b>
                  <small>{cityText(lang, 'halls', { n: m.halls.length })}</small>
                </span>
                <Icon name="chevronRight" size={24} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </>,
  );
}

function MatterHalls({ matter, name }: { matter: Matter; name: string }): ReactElement {
  const lang = useLang();
  return (
    <>
      <h2 className="m-city__matter" data-testid="m-city-matter">
        {name}
      </h2>
      <p className="m-muted">{cityText(lang, 'sortHint')}</p>
      <ul className="m-city__halls" data-testid="m-city-halls">
        {matter.halls.map((h) => (
          <li
            key={h.hallId}
            className={`m-card m-city__hall ${h.open ? '' : 'm-city__hall--closed'}`}
            data-testid={`m-city-hall-${h.hallId}`}
          >
            <div className="m-city__head">
              <b className="m-city__name">{h.name}</b>
              <span className={`m-tag ${h.open ? 'm-tag--ok' : ''}`}>{cityText(lang, h.open ? 'open' : 'closed')}</span>
            </div>
            <p className="m-city__wait" data-testid="wait">
              {h.open ? (
                <>
                  <b className="num">{cityText(lang, 'waiting', { n: h.waiting })}</b>
                  {' · '}
                  {h.estimatedWaitMin === null
                    ? cityText(lang, 'estimateNone')
                    : cityText(lang, 'estimate', { n: h.estimatedWaitMin })}
                </>
              ) : h.today === null ? (
                cityText(lang, 'closedToday')
              ) : (
                cityText(lang, 'hours', { open: h.today.open, close: h.today.close })
              )}
            </p>
            {h.address !== null && <p className="m-city__addr">{h.address}</p>}
            {h.stale && <p className="m-muted">{cityText(lang, 'stale')}</p>}
            {h.phone !== null && (
              <a className="m-btn m-city__call" href={`tel:${h.phone.replace(/[^\d+]/g, '')}`}>
                <Icon name="phone" size={24} />
                {cityText(lang, 'call')} {h.phone}
              </a>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
