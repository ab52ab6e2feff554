import type { ReactElement } from 'react';
import { formatEstimate, Icon, t, weekdaysLabel, type IconName, type Lang } from '@yichuang/ui';
import type { PublicQueues } from '@yichuang/protocol';
import type { MobileCatalogue } from '../api/catalogue.ts';
import { retryCatalogue, useCatalogue, usePublicQueues } from '../api/use-hall.ts';
import { AppShell, Notice } from '../layout/app-shell.tsx';
import { useLang } from '../lang.ts';
import { mt, type MobileKey } from '../mobile-strings.ts';
import { linkTo, type Route } from '../router.ts';
import { listOf, nameIn } from '../service-text.ts';

function clock(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    at,
  );
}

/** 首页: the hall, today's hours and whether it is open now, the live lines, and the ways on. */
export function HomeScreen(): ReactElement {
  const lang = useLang();
  const { catalogue, failed } = useCatalogue();
  const live = usePublicQueues();
  return (
    <AppShell title={mt(lang, 'app.title')} tab="home">
      {catalogue === null ? (
        failed ? (
          <Notice
            tone="error"
            text={mt(lang, 'unreachable')}
            action={
              <button type="button" className="m-link-btn" onClick={retryCatalogue}>
                {mt(lang, 'retry')}
              </button>
            }
          />
        ) : (
          <Notice text={mt(lang, 'loading')} />
        )
      ) : (
        <>
          <HallCard catalogue={catalogue} phase={live.queues?.phase ?? catalogue.hall.phase} lang={lang} />
          <LiveQueues live={live} catalogue={catalogue} lang={lang} />
          <div className="m-actions">
            <Action route={{ name: 'guide' }} icon="document" title="home.guide" hint="home.guideHint" id="guide" />
            <Action
              route={{ name: 'book', serviceId: null }}
              icon="calendar"
              title="home.book"
              hint="home.bookHint"
              id="book"
            />
            <Action route={{ name: 'mine' }} icon="check" title="home.mine" hint="home.mineHint" id="mine" />
            <Action
              route={{ name: 'progress' }}
              icon="query"
              title="home.progress"
              hint="home.progressHint"
              id="progress"
            />
            {catalogue.services.some((s) => s.remote) && (
              <Action
                route={{ name: 'take', serviceId: null }}
                icon="phone"
                title="home.take"
                hint="home.takeHint"
                id="take"
              />
            )}
          </div>
          <p className="m-foot-hint">
            <Icon name="info" size={22} />
            {mt(lang, 'home.ticket')}
          </p>
        </>
      )}
    </AppShell>
  );
}

function HallCard(p: { catalogue: MobileCatalogue; phase: PublicQueues['phase']; lang: Lang }): ReactElement {
  const { hall } = p.catalogue;
  const { lang } = p;
  const address = lang === 'en' ? (hall.addressEn ?? hall.address) : hall.address;
  return (
    <section className="m-card m-hall" data-testid="m-hall">
      <h2 className="m-hall__name">{nameIn(hall, lang)}</h2>
      <div className="m-hall__now">
        <span className={`m-phase m-phase--${p.phase}`} data-testid="m-phase" data-phase={p.phase}>
          {mt(lang, `home.${p.phase}`)}
        </span>
        <span className="m-hall__today num" data-testid="m-today">
          {hall.today === null
            ? mt(lang, 'home.todayClosed')
            : mt(lang, 'home.todayHours', { open: hall.today.open, close: hall.today.close })}
        </span>
      </div>
      <details className="m-hours">
        <summary>{mt(lang, 'home.weekly')}</summary>
        <ul>
          {hall.hours.map((h) => (
            <li key={`${h.days.join()}-${h.open}`}>
              <span>{weekdaysLabel(lang, h.days)}</span>
              <span className="num">
                {h.open}–{h.close}
              </span>
            </li>
          ))}
        </ul>
      </details>
      {address !== undefined && (
        <div className="m-hall__line" data-testid="m-address">
          <Icon name="home" size={24} />
          <span>
            {mt(lang, 'home.address')} {address}
          </span>
        </div>
      )}
      {hall.phones.consult !== undefined && (
        <a className="m-hall__line m-hall__phone" href={`tel:${hall.phones.consult.replace(/[^\d+]/g, '')}`}>
          <Icon name="phone" size={24} />
          <span>
            {t(lang, 'app.consult')} <b className="num">{hall.phones.consult}</b>
          </span>
        </a>
      )}
      {hall.phones.complaint !== undefined && (
        <a className="m-hall__line m-hall__phone" href={`tel:${hall.phones.complaint.replace(/[^\d+]/g, '')}`}>
          <Icon name="phone" size={24} />
          <span>
            {t(lang, 'app.complaint')} <b className="num">{hall.phones.complaint}</b>
          </span>
        </a>
      )}
    </section>
  );
}

function Action(p: { route: Route; icon: IconName; title: MobileKey; hint: MobileKey; id: string }): ReactElement {
  const lang = useLang();
  return (
    <a className="m-action" data-testid={`m-go-${p.id}`} {...linkTo(p.route)}>
      <span className="m-action__icon">
        <Icon name={p.icon} size={32} />
      </span>
      <span className="m-action__text">
        <b>{mt(lang, p.title)}</b>
        <small>{mt(lang, p.hint)}</small>
      </span>
      <Icon name="chevronRight" size={26} />
    </a>
  );
}

function LiveQueues(p: {
  live: ReturnType<typeof usePublicQueues>;
  catalogue: MobileCatalogue;
  lang: Lang;
}): ReactElement {
  const { live, lang } = p;
  const tz = p.catalogue.hall.timezone;
  return (
    <section className="m-card m-live" data-testid="m-live">
      <div className="m-section-head">
        <h2>{mt(lang, 'home.live')}</h2>
        {live.updatedAt !== null && (
          <span className="m-live__time num">{mt(lang, 'home.updated', { time: clock(live.updatedAt, tz) })}</span>
        )}
      </div>
      {live.offline && <Notice tone="error" text={mt(lang, 'home.offline')} />}
      {live.queues === null ? (
        !live.offline && <Notice text={mt(lang, 'loading')} />
      ) : (
        <ul className="m-queues">
          {live.queues.queues.map((q) => (
            <li key={q.id} className="m-queue" data-testid={`m-queue-${q.id}`}>
              <span className="m-queue__prefix num">{q.prefix}</span>
              <span className="m-queue__main">
                <b className="m-queue__name">{nameIn(q, lang)}</b>
                <small className="m-queue__est" data-testid={`m-queue-est-${q.id}`}>
                  {q.unstaffed ? formatEstimate(q, lang) : `${mt(lang, 'home.estimate')} ${formatEstimate(q, lang)}`}
                </small>
                {q.windows.length > 0 && (
                  <small className="m-queue__windows" data-testid={`m-queue-windows-${q.id}`}>
                    {mt(lang, 'home.windows', { list: listOf(q.windows, lang) })}
                  </small>
                )}
              </span>
              <span className="m-queue__count">
                <b className="num" data-testid={`m-queue-waiting-${q.id}`}>
                  {q.waiting}
                </b>
                <small>{mt(lang, 'home.waiting')}</small>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
