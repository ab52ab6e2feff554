import type { ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { Ticket } from '@yichuang/protocol';
import { greenReasonLabel, useNow, type Lang } from '@yichuang/ui';
import { queueName, serviceOf, windowName } from '../hall-helpers.ts';
import { hubNow } from '../hub-clock.ts';
import { ct, duration } from '../strings/strings.ts';

const SHOWN = 12;

/** This window's line, in the order 叫号 would take it; 特呼 calls a named ticket from it. */
export function WaitingList(p: {
  tickets: Ticket[];
  /** On hold (暂缓) by a guide: shown after the line, without 特呼 (a call would be refused). */
  held: Ticket[];
  state: HallState;
  lang: Lang;
  canCall: boolean;
  onCall: (t: Ticket) => void;
}): ReactElement {
  useNow();
  const now = hubNow();
  const { lang } = p;
  return (
    <section className="c-panel c-waiting" data-testid="waiting-list">
      <h2>
        {ct(lang, 'waiting.title')}
        <span className="c-panel__count num" data-testid="waiting-count">
          {ct(lang, 'waiting.count', { n: p.tickets.length })}
        </span>
      </h2>
      {p.tickets.length === 0 ? (
        <p className="c-empty">{ct(lang, 'waiting.empty')}</p>
      ) : (
        <ol className="c-waiting__list">
          {p.tickets.slice(0, SHOWN).map((t) => (
            <li
              key={t.id}
              className={t.green !== null ? 'c-waiting__row c-waiting__row--green' : 'c-waiting__row'}
              data-testid={`waiting-${t.number}`}
            >
              <span className="c-waiting__number num">{t.number}</span>
              <span className="c-waiting__what">
                <span className="c-waiting__service">{serviceOf(p.state, t.serviceId)?.name ?? t.serviceId}</span>
                <Marks t={t} state={p.state} lang={lang} />
              </span>
              <span className="c-waiting__wait num">{duration(lang, (now - t.issuedAt) / 1000)}</span>
              <button
                type="button"
                className="c-mini"
                disabled={!p.canCall}
                data-testid={`special-${t.number}`}
                onClick={(e) => {
                  e.currentTarget.blur();
                  p.onCall(t);
                }}
              >
                {ct(lang, 'waiting.call')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {p.tickets.length > SHOWN && (
        <p className="c-muted">{ct(lang, 'waiting.more', { n: p.tickets.length - SHOWN })}</p>
      )}
      {p.held.length > 0 && (
        <ul className="c-waiting__list c-waiting__list--held" data-testid="held-list">
          {p.held.slice(0, SHOWN).map((t) => (
            <li key={t.id} className="c-waiting__row c-waiting__row--held" data-testid={`waiting-${t.number}`}>
              <span className="c-waiting__number num">{t.number}</span>
              <span className="c-waiting__what">
                <span className="c-waiting__service">{serviceOf(p.state, t.serviceId)?.name ?? t.serviceId}</span>
                <Marks t={t} state={p.state} lang={lang} />
              </span>
              <span className="c-waiting__wait num">{duration(lang, (now - t.issuedAt) / 1000)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The ticket's marks, on their own line under the matter so the name is never cut: 暂缓, 绿色通道, 预约,
 * 延时顺延, and 转办 for a ticket sent here from another queue or window (where from, on hover).
 */
function Marks({ t, state, lang }: { t: Ticket; state: HallState; lang: Lang }): ReactElement | null {
  const transfer = t.transfers.at(-1);
  const held = t.heldAt != null;
  if (t.green === null && t.appointment === null && !t.carriedOver && transfer === undefined && !held) return null;
  return (
    <span className="c-waiting__marks">
      {/* 暂缓 by a guide (issue 17): listed in its place, but no call reaches it until released. */}
      {held && (
        <span className="c-mark c-mark--held c-mark--s" data-testid={`held-${t.number}`}>
          {ct(lang, 'ticket.held')}
        </span>
      )}
      {t.green !== null && <span className="c-mark c-mark--green c-mark--s">{greenReasonLabel(lang, t.green)}</span>}
      {t.appointment !== null && (
        <span className="c-mark c-mark--appt c-mark--s">{ct(lang, 'ticket.appointment')}</span>
      )}
      {t.carriedOver && <span className="c-mark c-mark--carried c-mark--s">{ct(lang, 'ticket.carried')}</span>}
      {transfer !== undefined && (
        <span
          className="c-mark c-mark--transfer c-mark--s"
          data-testid={`transferred-${t.number}`}
          title={ct(lang, 'waiting.transferredFrom', {
            from:
              transfer.fromWindowId !== null
                ? windowName(state, transfer.fromWindowId)
                : queueName(state, transfer.fromQueueId),
          })}
        >
          {ct(lang, 'waiting.transferred')}
        </span>
      )}
    </span>
  );
}
