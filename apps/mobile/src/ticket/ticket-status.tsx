import type { ReactElement } from 'react';
import type { TicketView } from '@yichuang/protocol';
import type { MobileCatalogue as Catalogue } from '../api/catalogue.ts';
import { formatEstimate, Icon, t, windowLabel, type Lang } from '@yichuang/ui';
import { ts } from './ticket-strings.ts';

function windowName(lang: Lang, catalogue: Catalogue | null, windowId: string | null): string {
  const w = catalogue?.windows.find((x) => x.id === windowId);
  if (w === undefined) return windowId ?? '';
  return windowLabel(lang, w.number);
}

/** The sentence with its placeholder replaced by an element (the window, set large). */
function around(text: string, token: string, node: ReactElement): ReactElement {
  const at = text.indexOf(token);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      {node}
      {text.slice(at + token.length)}
    </>
  );
}

/** What the citizen should do now, by the ticket's status; 请到 N号窗口 is the loudest. */
export function TicketStatus(p: { ticket: TicketView; catalogue: Catalogue | null; lang: Lang }): ReactElement {
  const live = p.ticket.status === 'waiting' || p.ticket.status === 'called';
  return (
    <>
      {p.ticket.remote != null && live && (
        <div
          className={`tp-remote ${p.ticket.remote.arrived ? 'tp-remote--in' : ''}`}
          data-testid="tp-remote"
          role={p.ticket.remote.arrived ? undefined : 'note'}
        >
          {ts(p.lang, p.ticket.remote.arrived ? 'remoteArrived' : 'remoteArrive')}
        </div>
      )}
      <StatusByState {...p} />
    </>
  );
}

function StatusByState(p: { ticket: TicketView; catalogue: Catalogue | null; lang: Lang }): ReactElement {
  const { ticket, catalogue, lang } = p;
  const win = windowName(lang, catalogue, ticket.windowId);
  switch (ticket.status) {
    case 'waiting':
      return (
        <div className="tp-status tp-status--waiting" data-status="waiting">
          {ticket.transfers.length > 0 && <Transferred ticket={ticket} catalogue={catalogue} lang={lang} />}
          <div className="tp-ahead">
            <span className="tp-ahead__label">{t(lang, 'tp.ahead')}</span>
            <span className="tp-ahead__n num" data-testid="tp-ahead">
              {ticket.ahead}
            </span>
            <span className="tp-ahead__label">{t(lang, 'tp.people')}</span>
          </div>
          <div className="tp-wait" data-testid="tp-wait">
            {/* 暂无窗口办理 is a sentence of its own, not a length of time to wait */}
            {ticket.unstaffed
              ? formatEstimate(ticket, lang)
              : t(lang, 'tp.estimated', { wait: formatEstimate(ticket, lang) })}
          </div>
        </div>
      );
    case 'called':
      return (
        <div className="tp-status tp-status--called" data-status="called" role="alert">
          <div className="tp-called" data-testid="tp-called">
            {around(t(lang, 'tp.called'), '{window}', <b className="tp-called__window">{win}</b>)}
          </div>
          <div className="tp-hint">{t(lang, 'tp.calledHint')}</div>
        </div>
      );
    case 'serving':
      return (
        <div className="tp-status tp-status--serving" data-status="serving">
          <div className="tp-big">{t(lang, 'tp.serving', { window: win })}</div>
        </div>
      );
    case 'done':
      return (
        <div className="tp-status tp-status--done" data-status="done">
          <div className="tp-big">{t(lang, 'tp.done')}</div>
        </div>
      );
    case 'carried':
      return (
        <div className="tp-status tp-status--serving" data-status="carried">
          <div className="tp-big">{t(lang, 'tp.carried')}</div>
          {ticket.targetWindowId !== null && (
            <div className="tp-hint">
              {t(lang, 'tp.carriedWindow', { window: windowName(lang, catalogue, ticket.targetWindowId) })}
            </div>
          )}
        </div>
      );
    case 'no-show':
    case 'expired':
      return (
        <div className="tp-status tp-status--over" data-status={ticket.status}>
          <div className="tp-big">{t(lang, ticket.status === 'no-show' ? 'tp.noShow' : 'tp.expired')}</div>
        </div>
      );
  }
}

/**
 * 转办: where the ticket waits now (the new queue, and the window it was sent to, if any). The
 * officer's note is staff-only and never reaches this page.
 */
function Transferred(p: { ticket: TicketView; catalogue: Catalogue | null; lang: Lang }): ReactElement {
  const { ticket, catalogue, lang } = p;
  const queue = catalogue?.queues.find((q) => q.id === ticket.queueId)?.name ?? ticket.queueId;
  return (
    <div className="tp-transfer" data-testid="tp-transfer" role="status">
      <div className="tp-transfer__title">
        <Icon name="info" size={26} />
        {ts(lang, 'transferred')}
      </div>
      <div className="tp-transfer__where" data-testid="tp-transfer-where">
        {ticket.targetWindowId !== null
          ? ts(lang, 'transferredWindow', { window: windowName(lang, catalogue, ticket.targetWindowId) })
          : ts(lang, 'transferredQueue', { queue })}
      </div>
      <div className="tp-transfer__hint">{ts(lang, 'transferredHint')}</div>
    </div>
  );
}
