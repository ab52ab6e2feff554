import { StrictMode, type ReactElement } from 'react';
import type { MobileCatalogue as Catalogue } from './api/catalogue.ts';
import { createRoot } from 'react-dom/client';
import { Icon, greenReasonLabel, t, ticketStatusLabel, type Lang } from '@yichuang/ui';
import { setLang, useLang } from './lang.ts';
import { mt } from './mobile-strings.ts';
import '@yichuang/ui/src/theme.css';
import './ticket/ticket-page.css';
import { CitizenRating } from './ticket/citizen-rating.tsx';
import { ticketSecret } from './ticket/ticket-secret.ts';
import { TicketStatus } from './ticket/ticket-status.tsx';
import { ts } from './ticket/ticket-strings.ts';
import { ticketIdFromPath, useCatalogueOnce, useTicket } from './ticket/use-ticket.ts';

function timeText(at: number, timeZone: string, seconds = true): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  }).format(at);
}

/** The citizen's live ticket (`/t/:ticketId?s=…`, the QR code's target), on a phone. */
function TicketPage({ id, secret }: { id: string | null; secret: string | null }): ReactElement {
  // The language the citizen chose on the hall's phone pages, if any (kept on the phone).
  const lang = useLang();
  const catalogue = useCatalogueOnce();
  return (
    <div className="tp">
      <header className="tp-header">
        <div>
          <div className="tp-header__hall">{catalogue?.hall.name ?? ''}</div>
          <h1 className="tp-header__title">{t(lang, 'tp.title')}</h1>
        </div>
        <button type="button" className="tp-lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          <Icon name="globe" size={26} />
          {t(lang, 'app.lang')}
        </button>
      </header>
      {id === null ? (
        <Problem title={t(lang, 'tp.missing')} />
      ) : (
        <Live id={id} secret={secret} lang={lang} catalogue={catalogue} />
      )}
      <nav className="tp-links" aria-label={mt(lang, 'nav.label')}>
        <a className="tp-link" href="/m/" data-testid="tp-link-home">
          <Icon name="home" size={24} />
          {mt(lang, 'ticket.home')}
        </a>
        <a className="tp-link" href="/m/guide" data-testid="tp-link-guide">
          <Icon name="document" size={24} />
          {mt(lang, 'ticket.guide')}
        </a>
      </nav>
      {catalogue?.hall.phones.consult !== undefined && (
        <footer className="tp-footer">
          <Icon name="phone" size={22} />
          {t(lang, 'app.consult')} <b className="num">{catalogue.hall.phones.consult}</b>
        </footer>
      )}
    </div>
  );
}

function Problem({ title, hint }: { title: string; hint?: string }): ReactElement {
  return (
    <main className="tp-card tp-problem" role="alert" data-testid="tp-problem">
      <Icon name="alert" size={64} />
      <h2>{title}</h2>
      {hint !== undefined && <p>{hint}</p>}
    </main>
  );
}

function Live(p: { id: string; secret: string | null; lang: Lang; catalogue: Catalogue | null }): ReactElement {
  const { lang, catalogue } = p;
  const { ticket, problem, updatedAt, refresh } = useTicket(p.id);
  const tz = catalogue?.hall.timezone ?? 'Asia/Shanghai';
  if (problem === 'unknown') return <Problem title={t(lang, 'tp.unknown')} hint={t(lang, 'tp.unknownHint')} />;
  if (ticket === null)
    return problem === 'offline' ? (
      <Problem title={t(lang, 'tp.offline')} />
    ) : (
      <main className="tp-card tp-loading">{t(lang, 'tp.loading')}</main>
    );
  const service = catalogue?.services.find((s) => s.id === ticket.serviceId);
  const queue = catalogue?.queues.find((q) => q.id === ticket.queueId);
  return (
    <main className="tp-main">
      {problem === 'offline' && <div className="tp-offline">{t(lang, 'tp.offline')}</div>}
      <section className="tp-card tp-ticket">
        <div className="tp-ticket__top">
          <span className="tp-ticket__label">{t(lang, 'confirm.number')}</span>
          <span className={`tp-badge tp-badge--${ticket.status}`}>{ticketStatusLabel(lang, ticket.status)}</span>
        </div>
        <div className="tp-number num" data-testid="tp-number">
          {ticket.number}
        </div>
        <div className="tp-service">{service?.name ?? ''}</div>
        {queue !== undefined && (
          <div className="tp-queue" data-testid="tp-queue">
            {ts(lang, 'queue', { queue: queue.name })}
          </div>
        )}
        {ticket.greenReason !== null && (
          <span className="tp-mark tp-mark--green">
            {t(lang, 'mark.green', { reason: greenReasonLabel(lang, ticket.greenReason) })}
          </span>
        )}
        {ticket.appointmentCode !== null && (
          <span className="tp-mark tp-mark--appt">{t(lang, 'mark.appointment')}</span>
        )}
        {ticket.held && ticket.status === 'waiting' && (
          <div className="tp-mark tp-mark--held" data-testid="tp-held">
            {t(lang, 'mark.held')}
          </div>
        )}
      </section>
      <TicketStatus ticket={ticket} catalogue={catalogue} lang={lang} />
      <CitizenRating ticket={ticket} secret={p.secret} lang={lang} onRated={refresh} />
      <p className="tp-meta num">
        {t(lang, 'tp.issued', { time: timeText(ticket.issuedAt, tz, false) })}
        <br />
        {updatedAt !== null && t(lang, 'tp.updated', { time: timeText(updatedAt, tz) })}
      </p>
    </main>
  );
}

const id = ticketIdFromPath(window.location.pathname);
// Read (and taken out of the address bar) before anything renders.
const secret = id === null ? null : ticketSecret(id);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TicketPage id={id} secret={secret} />
  </StrictMode>,
);
