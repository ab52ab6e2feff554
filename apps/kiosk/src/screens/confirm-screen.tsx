import type { ReactElement } from 'react';
import type { Catalogue, TakenTicket } from '@yichuang/protocol';
import { BigButton, Icon, QrCode, StatusBanner, formatEstimate, greenReasonLabel, t, useNow } from '@yichuang/ui';
import { useKiosk, type PrintState } from '../kiosk-store.ts';
import { secondsLeft } from '../use-idle-return.ts';

/** The ticket on screen: the number huge, the matter, people ahead, the QR code, printing, countdown. */
export function ConfirmScreen({ catalogue, ticket }: { catalogue: Catalogue; ticket: TakenTicket }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const print = useKiosk((s) => (s.print?.ticketId === ticket.id ? s.print.state : 'failed'));
  const service = catalogue.services.find((s) => s.id === ticket.serviceId);
  // The hub's link carries the ticket's secret: the citizen's own page and 好差评 need it.
  const url = `${window.location.origin}${ticket.link ?? `/t/${encodeURIComponent(ticket.id)}`}`;
  return (
    <section className="k-screen k-screen--confirm" data-screen="confirm">
      <div className="k-confirm__title">
        <Icon name="check" size={64} />
        {t(lang, 'confirm.title')}
      </div>
      <div className="k-ticket">
        <div className="k-ticket__head">
          <span>{catalogue.hall.name}</span>
          <span className="num">{issuedText(ticket.issuedAt, catalogue.hall.timezone)}</span>
        </div>
        <div className="k-ticket__main">
          <div className="k-ticket__label">{t(lang, 'confirm.number')}</div>
          <div className="k-ticket__number num" data-testid="ticket-number">
            {ticket.number}
          </div>
          <div className="k-ticket__service" data-testid="ticket-service">
            {service?.name ?? ''}
          </div>
          <div className="k-ticket__marks">
            {ticket.greenReason !== null && (
              <span className="k-mark k-mark--green" data-testid="mark-green">
                {t(lang, 'mark.green', { reason: greenReasonLabel(lang, ticket.greenReason) })}
              </span>
            )}
            {ticket.appointmentCode !== null && (
              <span className="k-mark k-mark--appt" data-testid="mark-appointment">
                {t(lang, 'mark.appointment')}
              </span>
            )}
          </div>
        </div>
        <div className="k-ticket__stats">
          <div className="k-ticket__stat" data-testid="ticket-ahead">
            {ticket.ahead === 0 ? t(lang, 'confirm.aheadNone') : t(lang, 'confirm.ahead', { n: ticket.ahead })}
          </div>
          {ticket.ahead > 0 && (
            <div className="k-ticket__stat">{t(lang, 'confirm.wait', { wait: formatEstimate(ticket, lang) })}</div>
          )}
        </div>
        <div className="k-ticket__qr">
          <QrCode text={url} size={264} label={t(lang, 'confirm.scan')} />
          <div>
            <div className="k-ticket__scan">{t(lang, 'confirm.scan')}</div>
            <div className="k-ticket__listen">{t(lang, 'confirm.listen')}</div>
          </div>
        </div>
      </div>
      <PrintStatus state={print} lang={lang} />
      <Countdown idleSeconds={catalogue.kiosk.idleSeconds} lang={lang} />
    </section>
  );
}

function issuedText(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}

function PrintStatus({ state, lang }: { state: PrintState; lang: 'zh' | 'en' }): ReactElement {
  if (state === 'printing')
    return (
      <div className="k-printing" role="status" data-testid="print-status" data-state="printing">
        <span className="yc-spinner" />
        {t(lang, 'confirm.printing')}
      </div>
    );
  if (state === 'printed')
    return (
      <div data-testid="print-status" data-state="printed">
        <StatusBanner tone="success" icon="printer" title={t(lang, 'confirm.printed')} />
      </div>
    );
  return (
    <div data-testid="print-status" data-state="failed">
      <StatusBanner tone="warning" icon="printer" title={t(lang, 'confirm.printFailed')} />
    </div>
  );
}

function Countdown({ idleSeconds, lang }: { idleSeconds: number; lang: 'zh' | 'en' }): ReactElement {
  const now = useNow(250);
  const lastTouchAt = useKiosk((s) => s.lastTouchAt);
  const n = secondsLeft(lastTouchAt, idleSeconds, now);
  return (
    <div className="k-confirm__end">
      <span className="k-confirm__countdown num" data-testid="countdown">
        {t(lang, 'confirm.back', { n })}
      </span>
      <BigButton size="l" icon="check" onClick={() => useKiosk.getState().reset()} testId="done">
        {t(lang, 'confirm.done')}
      </BigButton>
    </div>
  );
}
