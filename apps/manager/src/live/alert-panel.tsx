import { useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { Alert } from '@yichuang/protocol';
import { alertText } from '../shell/alert-words.ts';
import { api } from '../shell/hub-api.ts';
import { clockTime, type Lang } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { replaceAlert, useOversight } from '../shell/oversight-store.ts';
import { windowName } from './hall-lookup.ts';
import { act } from './live-actions.ts';
import { alertKindLabel, alertLook, sortAlerts } from './live-format.ts';
import { lt } from './live-strings.ts';

/**
 * The hall's alerts until someone acknowledges them: critical in red, warnings amber, ended ones
 * marked 已恢复 (the manager still has to see that it happened). An acknowledged one that still lasts
 * stays listed, quiet, until it ends.
 */
export function AlertPanel({ lang, state }: { lang: Lang; state: HallState }): ReactElement {
  const alerts = useOversight((s) => s.alerts);
  const list = sortAlerts(alerts);
  const open = alerts.filter((a) => a.acknowledgedAt === null);
  const critical = open.filter((a) => a.severity === 'critical' && a.clearedAt === null).length;
  const warning = open.filter((a) => a.severity === 'warning' && a.clearedAt === null).length;
  const ended = open.filter((a) => a.clearedAt !== null);
  const [busy, setBusy] = useState(false);

  // After opening, the early warnings of every window end together: one click takes them all.
  const acknowledgeEnded = async (): Promise<void> => {
    setBusy(true);
    let done = 0;
    let refused: string | null = null;
    for (const a of ended) {
      const res = await api<{ alert: Alert }>('POST', `/api/alerts/${encodeURIComponent(a.id)}/acknowledge`, {});
      if (res.ok) {
        replaceAlert(res.data.alert);
        done++;
      } else refused ??= res.error.message;
    }
    setBusy(false);
    useManager
      .getState()
      .say(
        refused === null ? 'ok' : 'error',
        refused === null
          ? lt(lang, 'alerts.ackEndedDone', { n: done })
          : lt(lang, 'alerts.ackFailed', { reason: refused }),
      );
  };
  return (
    <section className={`m-card l-alerts ${critical > 0 ? 'l-alerts--loud' : ''}`} data-testid="alert-panel">
      <div className="m-card__head">
        <h2 className="m-card__title">{lt(lang, 'alerts.title')}</h2>
        <span className="m-gap" />
        <span className="l-alerts__counts m-num" data-testid="alert-counts">
          {lt(lang, 'alerts.counts', { c: critical, w: warning })}
        </span>
        {ended.length > 1 && (
          <button
            type="button"
            className="m-btn m-btn--small"
            disabled={busy}
            data-testid="alert-ack-ended"
            onClick={() => void acknowledgeEnded()}
          >
            {lt(lang, 'alerts.ackEnded', { n: ended.length })}
          </button>
        )}
      </div>
      {list.length === 0 ? (
        <p className="l-alerts__none">{lt(lang, 'alerts.empty')}</p>
      ) : (
        <ul className="l-alerts__list">
          {list.map((a) => (
            <AlertRow key={a.id} a={a} lang={lang} state={state} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertRow({ a, lang, state }: { a: Alert; lang: Lang; state: HallState }): ReactElement {
  const [busy, setBusy] = useState(false);
  const look = alertLook(a);
  const tz = state.model.config.hall.timezone;
  const text = alertText(lang, a, state.model.config);
  const acknowledge = async (): Promise<void> => {
    setBusy(true);
    const res = await act<{ alert: Alert }>(
      'POST',
      `/api/alerts/${encodeURIComponent(a.id)}/acknowledge`,
      {},
      {
        done: () => lt(lang, 'alerts.ackDone', { text }),
        failed: (e) => lt(lang, 'alerts.ackFailed', { reason: e.message }),
      },
    );
    setBusy(false);
    if (res.ok) replaceAlert(res.data.alert);
  };
  return (
    <li
      className={`l-alert l-alert--${look}`}
      data-testid="alert"
      data-kind={a.kind}
      data-window={a.windowId ?? undefined}
      data-look={look}
    >
      <div className="l-alert__top">
        <span className="l-alert__kind">
          {look === 'ended'
            ? lt(lang, 'alerts.ended')
            : lt(lang, a.severity === 'critical' ? 'alerts.critical' : 'alerts.warning')}
          {' · '}
          {alertKindLabel(lang, a.kind)}
        </span>
        <span className="m-gap" />
        {a.acknowledgedAt === null ? (
          <button
            type="button"
            className={`m-btn m-btn--small ${look === 'critical' ? 'm-btn--danger' : ''}`}
            disabled={busy}
            data-testid="alert-ack"
            onClick={() => void acknowledge()}
          >
            {lt(lang, 'alerts.ack')}
          </button>
        ) : (
          <span className="m-chip">{lt(lang, 'alerts.acked')}</span>
        )}
      </div>
      <div className="l-alert__text" data-testid="alert-text">
        {text}
      </div>
      <div className="l-alert__meta m-num">
        <span>{lt(lang, 'alerts.raised', { time: clockTime(a.raisedAt, tz) })}</span>
        {a.windowId !== null && <span>{windowName(state, a.windowId)}</span>}
        {a.clearedAt !== null && <span>{lt(lang, 'alerts.endedAt', { time: clockTime(a.clearedAt, tz) })}</span>}
      </div>
    </li>
  );
}
