import { useMemo, type ReactElement } from 'react';
import type { Ticket } from '@yichuang/protocol';
import { noShowRows } from '../guide-data.ts';
import { useGuide } from '../guide-store.ts';
import { useHall, useHubNow } from '../hall.ts';
import { queueName, serviceName, windowName } from '../names.ts';
import { sendCommand } from '../send-command.ts';
import { clockTime, gt } from '../strings/strings.ts';

/** 过号: today's no-shows still within callRules.reactivateMinutes, each with 重新排队. */
export function NoShowScreen(): ReactElement {
  const lang = useGuide((s) => s.lang);
  const busy = useGuide((s) => s.busy);
  const { state, version, live } = useHall();
  const now = useHubNow();
  const config = state!.model.config;
  const { reactivateMinutes: minutes, reactivatePlace } = config.callRules;
  const rows = useMemo(() => noShowRows(state!, now), [state, version, now]);

  const requeue = async (t: Ticket): Promise<void> => {
    const res = await sendCommand('ticket:reactivate', { ticketId: t.id });
    if (!res.ok) return;
    // The hub's answer: the mirror may not have the ticket:reactivated event yet.
    useGuide.getState().say('ok', gt(lang, 'noShow.ok', { number: t.number, n: res.data.ticket.ahead }));
  };

  if (minutes === 0)
    return (
      <div className="g-list-screen" data-screen="no-show">
        <p className="g-empty g-empty--big" data-testid="no-show-off">
          {gt(lang, 'noShow.off')}
        </p>
      </div>
    );
  return (
    <div className="g-list-screen" data-screen="no-show">
      <div className="g-list-head">
        <span className="g-summary" data-testid="no-show-hint">
          {gt(lang, 'noShow.hint', {
            m: minutes,
            place: gt(lang, reactivatePlace === 'end' ? 'noShow.placeEnd' : 'noShow.placeOriginal'),
          })}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="g-empty g-empty--big" data-testid="no-show-empty">
          {gt(lang, 'noShow.empty', { m: minutes })}
        </p>
      ) : (
        <div className="g-rows" data-testid="no-show-list">
          {rows.map(({ ticket: t, at, minutesLeft }) => (
            <div key={t.id} className="g-row g-row--noshow" data-testid={`no-show-${t.number}`}>
              <div className="g-row__number">{t.number}</div>
              <div className="g-row__main">
                <b>{serviceName(config, t.serviceId, lang)}</b>
                <span className="g-row__tags">
                  <span>{queueName(config, t.queueId, lang)}</span>
                  <span>
                    {gt(lang, 'noShow.at', { time: clockTime(at, config.hall.timezone) })}
                    {t.windowId !== null && ` · ${windowName(config, t.windowId)}`}
                  </span>
                </span>
              </div>
              <div className="g-row__person">{t.person?.name ?? ''}</div>
              <div className="g-row__waited g-row__waited--left">{gt(lang, 'noShow.left', { m: minutesLeft })}</div>
              <div className="g-row__actions">
                <button
                  type="button"
                  className="g-btn g-btn--primary"
                  data-testid="requeue"
                  disabled={!live || busy !== null}
                  onClick={() => void requeue(t)}
                >
                  {gt(lang, 'noShow.requeue')}
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
