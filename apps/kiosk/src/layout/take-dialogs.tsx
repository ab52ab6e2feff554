import type { ReactElement } from 'react';
import type { TicketView } from '@yichuang/protocol';
import { BigButton, Icon, hubMessage, t, type Lang, type StringKey } from '@yichuang/ui';
import { useKiosk, type TakeFailure } from '../kiosk-store.ts';
import { kt, type KioskKey } from '../kiosk-strings.ts';
import { useSendTake } from '../use-take.ts';

const PLAIN: Record<string, StringKey> = {
  HALL_CLOSED: 'error.HALL_CLOSED',
  RATE_LIMITED: 'error.RATE_LIMITED',
  DUPLICATE_TICKET: 'error.DUPLICATE_TICKET',
  UNKNOWN_APPOINTMENT: 'error.UNKNOWN_APPOINTMENT',
  APPOINTMENT_USED: 'error.APPOINTMENT_USED',
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  UNKNOWN_SERVICE: 'error.UNKNOWN_SERVICE',
  INTERNAL: 'error.INTERNAL',
};

const KIOSK_PLAIN: Record<string, KioskKey> = {
  APPOINTMENT_TOO_EARLY: 'error.APPOINTMENT_TOO_EARLY',
  APPOINTMENT_TOO_LATE: 'error.APPOINTMENT_TOO_LATE',
};

/**
 * The hub's own words add what plain words cannot: the ticket already held, the opening hours, an
 * appointment's slot and when to check in.
 */
const WITH_DETAIL = new Set([
  'HALL_CLOSED',
  'DUPLICATE_TICKET',
  'VALIDATION_FAILED',
  'APPOINTMENT_TOO_EARLY',
  'APPOINTMENT_TOO_LATE',
]);

export function explainFailure(f: TakeFailure, lang: Lang): { title: string; detail: string | null } {
  // No appointment today for a phone or ID card: the hub's words say which (the plain words are about codes).
  if (f.code === 'UNKNOWN_APPOINTMENT' && f.field !== undefined && f.field !== 'appointmentCode')
    return { title: hubMessage(f.message, lang), detail: null };
  const own = KIOSK_PLAIN[f.code];
  const key = PLAIN[f.code];
  const title = own !== undefined ? kt(lang, own) : key !== undefined ? t(lang, key) : null;
  if (title === null) return { title: hubMessage(f.message, lang) || t(lang, 'error.other'), detail: null };
  return { title, detail: WITH_DETAIL.has(f.code) ? hubMessage(f.message, lang) : null };
}

/** Shown over the screen while the hub answers; the buttons beneath cannot be pressed twice. */
export function TakingOverlay({ lang }: { lang: Lang }): ReactElement {
  return (
    <div className="k-overlay" role="status" data-testid="taking">
      <div className="k-dialog k-dialog--center">
        <span className="yc-spinner" />
        <div className="k-dialog__title">{t(lang, 'taking')}</div>
      </div>
    </div>
  );
}

/** 线上取号 confirmed here: the holder's number, and that it will be called; 好的 goes home for the next citizen. */
export function ArrivalDialog({ ticket, lang }: { ticket: TicketView; lang: Lang }): ReactElement {
  return (
    <div className="k-overlay" role="alertdialog" aria-labelledby="k-arrival-title" data-testid="arrival">
      <div className="k-dialog k-dialog--center">
        <div className="k-dialog__icon k-dialog__icon--ok">
          <Icon name="check" size={96} />
        </div>
        <div className="k-dialog__title" id="k-arrival-title">
          {kt(lang, 'arrival.title')}
        </div>
        <div className="k-arrival__number num" data-testid="arrival-number">
          {ticket.number}
        </div>
        <div className="k-dialog__detail">
          {ticket.status === 'called' ? kt(lang, 'arrival.called') : kt(lang, 'arrival.wait', { n: ticket.ahead })}
        </div>
        <BigButton onClick={() => useKiosk.getState().home()} testId="arrival-ok">
          {t(lang, 'common.ok')}
        </BigButton>
      </div>
    </div>
  );
}

/** Why no ticket came, in plain words, with 重新取号 when trying again can help. */
export function FailureDialog({ failure, lang }: { failure: TakeFailure; lang: Lang }): ReactElement {
  const send = useSendTake();
  const { title, detail } = explainFailure(failure, lang);
  const close = (): void => useKiosk.setState({ failure: null });
  const retry = failure.retry;
  return (
    <div className="k-overlay" role="alertdialog" aria-labelledby="k-failure-title" data-testid="failure">
      <div className="k-dialog" data-code={failure.code}>
        <div className="k-dialog__icon">
          <Icon name="alert" size={96} />
        </div>
        <div className="k-dialog__title" id="k-failure-title">
          {title}
        </div>
        {detail !== null && detail !== title && <div className="k-dialog__detail">{detail}</div>}
        <div className="k-row">
          <BigButton variant={retry === null ? 'primary' : 'quiet'} onClick={close} testId="failure-ok">
            {t(lang, 'common.ok')}
          </BigButton>
          {retry !== null && (
            <BigButton onClick={() => send(retry.request, retry.idCard, retry.requestId)} testId="failure-retry">
              {t(lang, 'common.retry')}
            </BigButton>
          )}
        </div>
      </div>
    </div>
  );
}
