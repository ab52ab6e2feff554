import type { ReactElement } from 'react';
import { pauseReasonLabel, type Lang } from '@yichuang/ui';
import { pauseReasons, type PauseReason } from '@yichuang/protocol';
import type { CityAlert } from '../../../city/src/console/hall-alerts.ts';
import type { HallDetail, WindowLive } from '../../../city/src/console/hall-detail.ts';
import { useCity } from '../city-store.ts';
import { ct, type CityKey } from '../city-strings.ts';
import { clockTime, duration, waitText, when } from '../format.ts';
import { usePoll } from '../use-poll.ts';

const TONE: Record<WindowLive['state'], string> = {
  serving: 'serving',
  calling: 'calling',
  idle: 'ok',
  paused: 'paused',
  empty: 'danger',
  off: 'idle',
  closed: 'idle',
};

const isPauseReason = (r: string | null): r is PauseReason => (pauseReasons as readonly (string | null)[]).includes(r);

function windowState(lang: Lang, w: WindowLive): string {
  if (w.state === 'serving' || w.state === 'calling')
    return ct(lang, `window.${w.state}`, { number: w.ticketNumber ?? '' });
  const base = ct(lang, `window.${w.state}`);
  if (w.state === 'paused' && isPauseReason(w.pauseReason))
    return `${base}（${pauseReasonLabel(lang, w.pauseReason)}）`;
  return base;
}

function alertLine(lang: Lang, a: CityAlert, d: HallDetail): string {
  const windowName = d.windows.find((w) => w.id === a.subject)?.name ?? a.subject;
  if (a.kind === 'printer-fault')
    return ct(lang, 'alert.printer-fault', { subject: a.subject, detail: ct(lang, `printer.${a.detail}` as CityKey) });
  if (a.kind === 'empty-post') return ct(lang, 'alert.empty-post', { subject: windowName });
  if (a.kind === 'long-wait') return ct(lang, 'alert.long-wait', { n: a.detail });
  return ct(lang, 'alert.link-down');
}

/** One hall, read-only and live: its windows, queues, last calls, printers and alerts. */
export function HallPage({ hallId }: { hallId: string }): ReactElement {
  const lang = useCity((s) => s.lang);
  const { data: d, error } = usePoll<HallDetail>(`/city/api/halls/${encodeURIComponent(hallId)}`, 1000);
  const back = (
    <button
      type="button"
      className="m-btn"
      data-testid="back"
      onClick={() => useCity.getState().go({ kind: 'overview' })}
    >
      ← {ct(lang, 'detail.back')}
    </button>
  );
  if (d === null)
    return (
      <div className="m-page" data-testid="page-hall">
        {back}
        {error !== null && (error.status === 403 || error.status === 404) && (
          <p className="m-note m-note--error" data-testid="hall-error">
            {ct(lang, 'detail.notFound')}
          </p>
        )}
      </div>
    );
  const tz = d.hall.timezone;
  const h = d.hall;
  return (
    <div className="m-page cc-hall" data-testid="page-hall">
      <div className="cc-head">
        <div>
          {back}
          <h1 className="cc-title" data-testid="hall-name">
            {h.name}
          </h1>
          <p className="m-muted cc-hall__contact">
            {h.address !== null && <span>{`${ct(lang, 'detail.address')}：${h.address}`}</span>}
            {h.phone !== null && <span>{`${ct(lang, 'detail.phone')}：${h.phone}`}</span>}
          </p>
        </div>
        <div className="cc-hall__state">
          <span className={`m-chip m-chip--${h.open ? 'ok' : 'idle'}`} data-testid="hall-open">
            {ct(lang, h.open === null ? 'hall.noProfile' : h.open ? 'hall.open' : 'hall.closed')}
          </span>
          <span className={`m-chip m-chip--${h.linkDown ? 'danger' : 'ok'}`} data-testid="hall-link">
            {h.linkDown ? ct(lang, 'alert.link-down') : ct(lang, 'hall.linkUp')}
          </span>
          <span className="m-muted m-num" data-testid="hall-time">
            {ct(lang, 'detail.hallTime')} {clockTime(h.hallNow, tz, true)}
          </span>
          <span className="m-muted">
            {h.lastHeardAt === null
              ? ct(lang, 'hall.neverHeard')
              : ct(lang, 'hall.lastHeard', { time: when(h.lastHeardAt, 'Asia/Shanghai', Date.now()) })}
          </span>
        </div>
      </div>
      <p className="m-note" data-testid="read-only">
        {ct(lang, 'detail.readOnly')}
      </p>
      <div className="cc-hall__grid">
        <section className="m-card cc-hall__windows">
          <h2 className="m-card__title">{ct(lang, 'detail.windows')}</h2>
          <ul className="cc-windows" data-testid="windows">
            {d.windows.map((w) => (
              <li
                key={w.id}
                className={`cc-window cc-window--${w.state}`}
                data-testid={`window-${w.id}`}
                data-state={w.state}
              >
                <span className="cc-window__name">{w.name}</span>
                <span className="cc-window__who m-muted">
                  {w.officerId ?? ''}
                  {w.role === 'b' ? ` · ${ct(lang, 'window.roleB')}` : ''}
                </span>
                <span className={`m-chip m-chip--${TONE[w.state]}`} data-testid="state">
                  {windowState(lang, w)}
                </span>
                <span className="cc-window__since m-muted m-num">
                  {w.since !== null && w.state !== 'closed' && w.state !== 'off'
                    ? ct(lang, 'window.since', { time: clockTime(w.since, tz) })
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="m-card">
          <h2 className="m-card__title">{ct(lang, 'detail.alerts')}</h2>
          {h.alerts.length === 0 ? (
            <p className="m-muted" data-testid="alerts">
              {ct(lang, 'detail.noAlerts')}
            </p>
          ) : (
            <ul className="cc-alerts" data-testid="alerts">
              {h.alerts.map((a, i) => (
                <li
                  key={`${a.kind}-${a.subject}-${i}`}
                  className={`cc-alert cc-alert--${a.severity}`}
                  data-kind={a.kind}
                >
                  {alertLine(lang, a, d)}
                  {a.since !== null && (
                    <span className="m-muted m-num">
                      {' '}
                      {a.kind === 'link-down' ? duration(lang, (Date.now() - a.since) / 1000) : clockTime(a.since, tz)}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h2 className="m-card__title cc-gap">{ct(lang, 'detail.printers')}</h2>
          {d.printers.length === 0 && <p className="m-muted">{ct(lang, 'detail.noPrinters')}</p>}
          <ul className="cc-printers" data-testid="printers">
            {d.printers.map((p) => (
              <li key={p.id} data-testid={`printer-${p.id}`}>
                <span>{p.id}</span>
                <span
                  className={`m-chip m-chip--${p.status === 'ok' ? 'ok' : p.status === 'paper-low' ? 'warn' : p.status === 'unknown' ? 'idle' : 'danger'}`}
                >
                  {ct(lang, `printer.${p.status}` as CityKey)}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="m-card">
          <h2 className="m-card__title">{ct(lang, 'detail.queues')}</h2>
          <table className="m-table" data-testid="queues">
            <thead>
              <tr>
                <th>{ct(lang, 'detail.col.queue')}</th>
                <th>{ct(lang, 'detail.col.waiting')}</th>
                <th>{ct(lang, 'detail.col.longest')}</th>
              </tr>
            </thead>
            <tbody>
              {d.queues.map((q) => (
                <tr key={q.id} data-testid={`queue-${q.id}`}>
                  <td>
                    <b>{q.prefix}</b> {q.name}
                  </td>
                  <td className="m-num">{ct(lang, 'hall.people', { n: q.waiting })}</td>
                  <td className="m-num">{waitText(lang, q.longestWaitS)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="m-card">
          <h2 className="m-card__title">{ct(lang, 'detail.calls')}</h2>
          {d.recentCalls.length === 0 ? (
            <p className="m-muted">{ct(lang, 'detail.noCalls')}</p>
          ) : (
            <table className="m-table" data-testid="calls">
              <thead>
                <tr>
                  <th>{ct(lang, 'detail.col.number')}</th>
                  <th>{ct(lang, 'detail.col.window')}</th>
                  <th>{ct(lang, 'detail.col.time')}</th>
                  <th>{ct(lang, 'detail.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {d.recentCalls.map((c) => (
                  <tr key={`${c.number}-${c.calledAt}`}>
                    <td className="m-num">
                      <b>{c.number}</b>
                    </td>
                    <td>{c.windowName}</td>
                    <td className="m-num">{clockTime(c.calledAt, tz)}</td>
                    <td>{ct(lang, `ticket.${c.status}` as CityKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
