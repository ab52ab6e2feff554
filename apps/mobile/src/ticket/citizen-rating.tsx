import { useState, type ReactElement } from 'react';
import { LOW_RATING, ratingLevels, ratingReasons, type TicketView } from '@yichuang/protocol';
import { Icon, type Lang } from '@yichuang/ui';
import { rateTicket } from './rate-ticket.ts';
import { ts, type TicketStringKey } from './ticket-strings.ts';

type Outcome = { kind: 'thanks'; level: number } | { kind: 'already' } | { kind: 'closed'; key: TicketStringKey };

/** Error codes that end the form for good, and what the citizen is told; other codes let them retry. */
const FINAL: Partial<Record<string, TicketStringKey>> = {
  NOT_RATEABLE: 'rate.notRateable',
  FORBIDDEN: 'rate.badLink',
};
const RETRY: Partial<Record<string, TicketStringKey>> = { RATE_LIMITED: 'rate.tooMany' };

const levelLabel = (lang: Lang, level: number): string => ts(lang, `rate.level.${level}` as TicketStringKey);

/**
 * 好差评 on the citizen's own phone, once the ticket is finished and nobody has rated it: five levels,
 * and for 不满意 or worse a reason (from the list or in their own words) before it can be sent.
 */
export function CitizenRating(p: {
  ticket: TicketView;
  secret: string | null;
  lang: Lang;
  onRated: () => void;
}): ReactElement | null {
  const { ticket, lang } = p;
  const [level, setLevel] = useState<number | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [retry, setRetry] = useState<TicketStringKey | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (outcome?.kind === 'thanks')
    return (
      <section className="tp-card tp-rate tp-rate--done" data-testid="tp-rate-thanks" role="status">
        <Icon name="check" size={56} />
        <h2>{ts(lang, 'rate.thanks')}</h2>
        <p>{ts(lang, 'rate.yours', { level: levelLabel(lang, outcome.level) })}</p>
      </section>
    );
  if (outcome?.kind === 'already' || (outcome === null && ticket.rating !== null))
    return (
      <section className="tp-card tp-rate tp-rate--done" data-testid="tp-rate-already" role="status">
        <Icon name="check" size={44} />
        <p>{ts(lang, outcome === null ? 'rate.rated' : 'rate.already')}</p>
      </section>
    );
  if (outcome?.kind === 'closed')
    return (
      <section className="tp-card tp-rate tp-rate--closed" data-testid="tp-rate-closed" role="alert">
        <p>{ts(lang, outcome.key)}</p>
      </section>
    );
  if (ticket.status !== 'done') return null;
  if (p.secret === null)
    return (
      <section className="tp-card tp-rate tp-rate--closed" data-testid="tp-rate-no-secret">
        <p>{ts(lang, 'rate.noSecret')}</p>
      </section>
    );

  const secret = p.secret;
  const low = level !== null && level <= LOW_RATING;
  const reason = text.trim() !== '' ? text.trim() : chosen;
  const ready = level !== null && (!low || reason !== null) && !sending;

  const send = async (): Promise<void> => {
    if (level === null || (low && reason === null)) return;
    setSending(true);
    setRetry(null);
    const res = await rateTicket(ticket.id, secret, level, low && reason !== null ? reason : undefined);
    setSending(false);
    if (res.ok) {
      setOutcome({ kind: 'thanks', level: res.level });
      p.onRated();
    } else if (res.code === 'ALREADY_RATED') {
      setOutcome({ kind: 'already' });
      p.onRated();
    } else {
      const final = FINAL[res.code];
      if (final !== undefined) setOutcome({ kind: 'closed', key: final });
      else setRetry(RETRY[res.code] ?? 'rate.failed');
    }
  };

  return (
    <section className="tp-card tp-rate" data-testid="tp-rate">
      <h2>{ts(lang, 'rate.title')}</h2>
      <p className="tp-rate__hint">{ts(lang, 'rate.hint')}</p>
      <div className="tp-levels" role="radiogroup" aria-label={ts(lang, 'rate.title')}>
        {ratingLevels.map((l) => (
          <button
            key={l}
            type="button"
            role="radio"
            aria-checked={level === l}
            className={`tp-level tp-level--${l} ${level === l ? 'tp-level--on' : ''}`}
            data-testid={`tp-level-${l}`}
            disabled={sending}
            onClick={() => setLevel(l)}
          >
            <Face level={l} />
            <span>{levelLabel(lang, l)}</span>
          </button>
        ))}
      </div>
      {low && (
        <div className="tp-reasons" data-testid="tp-reasons">
          <h3>{ts(lang, 'rate.reasonTitle')}</h3>
          <div className="tp-reasons__list">
            {ratingReasons.map((r) => (
              <button
                key={r}
                type="button"
                className={`tp-reason ${chosen === r ? 'tp-reason--on' : ''}`}
                aria-pressed={chosen === r}
                data-testid={`tp-reason-${r}`}
                onClick={() => setChosen(chosen === r ? null : r)}
              >
                {ts(lang, `rate.reason.${r}` as TicketStringKey)}
              </button>
            ))}
          </div>
          <textarea
            className="tp-reason-text"
            rows={2}
            maxLength={200}
            placeholder={ts(lang, 'rate.other')}
            value={text}
            data-testid="tp-reason-text"
            onChange={(e) => setText(e.target.value)}
          />
          {reason === null && <p className="tp-rate__need">{ts(lang, 'rate.needReason')}</p>}
        </div>
      )}
      {retry !== null && (
        <p className="tp-rate__failed" role="alert" data-testid="tp-rate-failed">
          {ts(lang, retry)}
        </p>
      )}
      {level !== null && (
        <button
          type="button"
          className="tp-rate__submit"
          data-testid="tp-rate-submit"
          disabled={!ready}
          onClick={() => void send()}
        >
          {ts(lang, sending ? 'rate.sending' : 'rate.submit')}
        </button>
      )}
    </section>
  );
}

/** A line face whose mouth bends with the level (no emoji: phones draw them differently). */
function Face({ level }: { level: number }): ReactElement {
  const bend = (level - 3) * 4;
  return (
    <svg className="tp-face" viewBox="0 0 48 48" width="40" height="40" aria-hidden="true">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path
        d={`M14 ${31 - bend / 2} Q24 ${31 + bend} 34 ${31 - bend / 2}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}
