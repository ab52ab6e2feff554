import type { ReactElement } from 'react';
import { ticketView } from '@yichuang/engine';
import type { TicketView } from '@yichuang/protocol';
import { greenReasonLabel, Icon } from '@yichuang/ui';
import { useGuide } from '../guide-store.ts';
import { useHall } from '../hall.ts';
import { queueName, serviceName } from '../names.ts';
import { duration, gt } from '../strings/strings.ts';

/** The ticket just issued, big enough to show the citizen; ahead and wait follow the hall live. */
export function ResultCard({ ticket, onAgain }: { ticket: TicketView; onAgain: () => void }): ReactElement {
  const lang = useGuide((s) => s.lang);
  const { state } = useHall();
  const config = state!.model.config;
  const held = state!.tickets.get(ticket.id);
  const t = held === undefined ? ticket : ticketView(state!, held);
  return (
    <div className="g-result" data-testid="result" data-ticket={t.id}>
      <div className="g-result__head">
        <Icon name="check" size={30} />
        {gt(lang, 'result.title')}
      </div>
      <div className="g-result__number" data-testid="result-number">
        {t.number}
      </div>
      <div className="g-result__queue">
        {gt(lang, 'result.queue', {
          queue: queueName(config, t.queueId, lang),
          matter: serviceName(config, t.serviceId, lang),
        })}
      </div>
      {t.greenReason !== null && (
        <div className="g-badge g-badge--green g-result__green">
          <Icon name="priority" size={20} />
          {gt(lang, 'wait.green')} · {greenReasonLabel(lang, t.greenReason)}
        </div>
      )}
      <dl className="g-result__facts">
        <div>
          <dt>{gt(lang, 'result.ahead')}</dt>
          <dd data-testid="result-ahead">{gt(lang, 'result.aheadN', { n: t.ahead })}</dd>
        </div>
        <div>
          <dt>{gt(lang, 'result.wait')}</dt>
          <dd data-testid="result-wait">
            {t.unstaffed
              ? gt(lang, 'result.unstaffed')
              : t.estimatedWaitS < 60
                ? gt(lang, 'result.waitNone')
                : duration(lang, t.estimatedWaitS)}
          </dd>
        </div>
        {t.personName !== null && t.personName !== '' && (
          <div>
            <dt>{gt(lang, 'result.person')}</dt>
            <dd data-testid="result-person">{t.personName}</dd>
          </div>
        )}
      </dl>
      <p className="g-note">{gt(lang, 'result.tell')}</p>
      <div className="g-result__actions">
        <button type="button" className="g-btn g-btn--primary g-btn--big" data-testid="issue-again" onClick={onAgain}>
          {gt(lang, 'result.again')}
        </button>
      </div>
    </div>
  );
}
