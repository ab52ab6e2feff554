import { useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { WindowView } from '@yichuang/protocol';
import { greenReasonLabel } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { serviceOf, waitingFor } from '../hall-helpers.ts';
import { hubNow } from '../hub-clock.ts';
import { sendCommand } from '../send-command.ts';
import { ct, duration } from '../strings/strings.ts';
import { Modal } from './modal.tsx';

/** 特呼: type part of a number, ↑/↓ to choose, Enter calls it. */
export function SpecialDialog({ w, state }: { w: WindowView; state: HallState }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const busy = useCounter((s) => s.busy);
  const [filter, setFilter] = useState('');
  const [index, setIndex] = useState(0);
  const now = hubNow();
  const q = filter.trim().toUpperCase();
  const list = waitingFor(state, w.id, now).filter((t) => q === '' || t.number.includes(q));
  const chosen = list[Math.min(index, list.length - 1)];
  // 过号重排: today's no-shows still inside the hall's window, newest first (the citizen just came back).
  const withinMs = state.model.config.callRules.reactivateMinutes * 60_000;
  const noShows = [...state.tickets.values()]
    .filter((t) => t.status === 'no-show' && t.finishedAt !== null && now - t.finishedAt <= withinMs)
    .filter((t) => q === '' || t.number.includes(q))
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))
    .slice(0, 10);
  const reactivate = async (ticketId: string, number: string): Promise<void> => {
    const r = await sendCommand('ticket:reactivate', { ticketId });
    if (!r.ok) return;
    useCounter.getState().say('ok', ct(lang, 'msg.reactivated', { number, ahead: r.data.ticket.ahead }));
  };

  const call = async (ticketId: string, number: string): Promise<void> => {
    const r = await sendCommand('window:call-ticket', { windowId: w.id, ticketId });
    if (!r.ok) return;
    useCounter.getState().close();
    useCounter.getState().say('ok', ct(lang, 'msg.called', { number }));
  };

  return (
    <Modal title={ct(lang, 'special.title')} testId="special-dialog">
      <input
        className="c-input c-input--big num"
        placeholder={ct(lang, 'special.filter')}
        value={filter}
        data-testid="special-filter"
        onChange={(e) => {
          setFilter(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, list.length - 1));
          else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter' && chosen !== undefined && busy === null) void call(chosen.id, chosen.number);
          else return;
          e.preventDefault();
        }}
      />
      {list.length === 0 ? (
        <p className="c-empty">{ct(lang, 'special.none')}</p>
      ) : (
        <ul className="c-special">
          {list.slice(0, 30).map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className={`c-special__row ${t === chosen ? 'c-special__row--on' : ''}`}
                data-testid={`special-row-${t.number}`}
                disabled={busy !== null}
                onClick={() => void call(t.id, t.number)}
              >
                <b className="num">{t.number}</b>
                {t.green !== null && (
                  <span className="c-mark c-mark--green c-mark--s">{greenReasonLabel(lang, t.green)}</span>
                )}
                <span className="c-special__service">{serviceOf(state, t.serviceId)?.name ?? t.serviceId}</span>
                <span className="num c-muted">{duration(lang, (now - t.issuedAt) / 1000)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {noShows.length > 0 && (
        <section className="c-special__noshows" data-testid="special-noshows">
          <h3>{ct(lang, 'special.noShows', { n: state.model.config.callRules.reactivateMinutes })}</h3>
          <ul className="c-special">
            {noShows.map((t) => (
              <li key={t.id} className="c-special__noshow">
                <b className="num">{t.number}</b>
                <span className="c-special__service">{serviceOf(state, t.serviceId)?.name ?? t.serviceId}</span>
                <span className="num c-muted">
                  {ct(lang, 'special.noShowAgo', { d: duration(lang, (now - (t.finishedAt ?? now)) / 1000) })}
                </span>
                <button
                  type="button"
                  className="c-btn"
                  data-testid={`reactivate-${t.number}`}
                  disabled={busy !== null}
                  onClick={() => void reactivate(t.id, t.number)}
                >
                  {ct(lang, 'special.reactivate')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Modal>
  );
}
