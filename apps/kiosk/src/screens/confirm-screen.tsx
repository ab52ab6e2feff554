import type { ReactElement } from 'react';
import type { Catalogue, TakenTicket } from '@yichuang/protocol';
import { BigButton, Icon, QrCode, StatusBanner, formatEstimate, greenReasonLabel, t, useNow } from '@yichuang/ui';
import { hallName, serviceText, slotText } from '../catalogue-text.ts';
import { useKiosk, type PrintState } from '../kiosk-store.ts';
import { kt } from '../kiosk-strings.ts';
import { secondsLeft } from '../use-idle-return.ts';

/**
 * The ticket on screen: the number huge, the matter, an appointment's slot, people ahead, the QR code,
 * printing and the countdown. Portrait: one column; landscape: the number beside the QR code.
 */
export function ConfirmScreen({ catalogue, ticket }: { catalogue: Catalogue; ticket: TakenTicket }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const print = useKiosk((s) => (s.print?.ticketId === ticket.id ? s.print.state : 'failed'));
  const service = catalogue.services.find((s) => s.id === ticket.serviceId);
  // The hub's link carries the ticket's secret: the citizen's own page and 好差评 need it.
  const url = `${window.location.origin}${ticket.link ?? `/t/${encodeURIComponent(ticket.id)}`}`;
  const slot =
    ticket.appointmentSlot === null || ticket.appointmentSlot === undefined
      ? null
      : slotText(ticket.appointmentSlot, catalogue.hall.timezone, catalogue.hall.day, lang);
  return (
    <section className="k-screen k-screen--confirm" data-screen="confirm">
      <div className="k-confirm__title">
        <Icon name="check" size={64} />
        {t(lang, 'confirm.title')}
      </div>
      <div className="k-ticket">
        <div className="k-ticket__head">
          {/* On a landscape screen the title moves in here, leaving the height to the ticket. */}
          <span className="k-ticket__done">
            <Icon name="check" size={40} />
            {t(lang, 'confirm.title')}
          </span>
          <span className="k-ticket__hall">{hallName(catalogue.hall, lang)}</span>
          <span className="num">{issuedText(ticket.issuedAt, catalogue.hall.timezone)}</span>
        </div>
        <div className="k-ticket__main">
          <div className="k-ticket__label">{t(lang, 'confirm.number')}</div>
          <div className="k-ticket__number num" data-testid="ticket-number">
            {ticket.number}
          </div>
          <div className="k-ticket__service" data-testid="ticket-service">
            {service === undefined ? '' : serviceText(service, lang).name}
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
          {slot !== null && (
            <div className="k-ticket__slot" data-testid="ticket-slot">
              <Icon name="calendar" size={40} />
              <span>{kt(lang, 'confirm.slot')}</span>
              <b className="num">
                {slot.day === null ? kt(lang, 'slot.today', { time: slot.time }) : `${slot.day} ${slot.time}`}
              </b>
            </div>
          )}
        </div>
        <div className="k-ticket__stats">
          <div className="k-ticket__stat" data-testid="ticket-ahead">
            {ticket.ahead === 0 ? t(lang, 'confirm.aheadNone') : t(lang, 'confirm.ahead', { n: ticket.ahead })}
          </div>
          {ticket.ahead > 0 && (
            <div className="k-ticket__stat" data-testid="ticket-wait">
              {/* 暂无窗口办理 is a sentence of its own, not a length of wait. */}
              {ticket.unstaffed
                ? formatEstimate(ticket, lang)
                : t(lang, 'confirm.wait', { wait: formatEstimate(ticket, lang) })}
            </div>
          )}
        </div>
        <div className="k-ticket__qr" data-testid="ticket-qr">
          <QrCode text={url} size={264} label={t(lang, 'confirm.scan')} />
          <div>
            <div className="k-ticket__scan">{t(lang, 'confirm.scan')}</div>
            <div className="k-ticket__listen">{t(lang, 'confirm.listen')}</div>
          </div>
        </div>
      </div>
      <div className="k-confirm__foot">
        <PrintStatus state={print} lang={lang} />
        <Countdown idleSeconds={catalogue.kiosk.idleSeconds} lang={lang} />
      </div>
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
      <div className="k-print" data-testid="print-status" data-state="printed">
        <StatusBanner tone="success" icon="printer" title={t(lang, 'confirm.printed')} />
      </div>
    );
  return (
    <div className="k-print" data-testid="print-status" data-state="failed">
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
