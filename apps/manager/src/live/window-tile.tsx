import type { ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { WindowView } from '@yichuang/protocol';
import { greenReasonLabel, pauseReasonLabel } from '@yichuang/ui';
import { clockTime, duration, type Lang } from '../shell/make-strings.ts';
import { officerName, serviceName } from './hall-lookup.ts';
import { queuesLabel, stateChipClass, tileState, type TileState } from './live-format.ts';
import { lt } from './live-strings.ts';

export interface WindowTileProps {
  w: WindowView;
  state: HallState;
  now: number;
  lang: Lang;
  names: ReadonlyMap<string, string>;
  callable: number;
  onQueues: () => void;
  onOpen: (open: boolean) => void;
}

/** One window at a glance: who holds it, what it is doing and for how long, what it serves. */
export function WindowTile(p: WindowTileProps): ReactElement {
  const { w, lang } = p;
  const s = tileState(w);
  const served = lt(lang, 'tile.queues', { list: queuesLabel(lang, w.queues, p.names) });
  return (
    <article className={`l-tile l-tile--${s}`} data-testid={`tile-${w.id}`} data-state={s}>
      <header className="l-tile__head">
        <span className="l-tile__name">{w.name}</span>
        {w.greenChannel && <span className="l-mark l-mark--green">{lt(lang, 'tile.green')}</span>}
        <span className="m-gap" />
        <span className={stateChipClass(s)} data-testid={`tile-${w.id}-state`}>
          {lt(lang, `state.${s}`)}
        </span>
      </header>
      <Holder {...p} />
      <div className="l-tile__now">
        <Now {...p} s={s} />
      </div>
      <div className="l-tile__queues" data-testid={`tile-${w.id}-queues`} title={served}>
        {served}
      </div>
      <footer className="l-tile__actions">
        <button
          type="button"
          className="m-btn m-btn--small"
          data-testid={`tile-${w.id}-queues-btn`}
          onClick={p.onQueues}
        >
          {lt(lang, 'tile.changeQueues')}
        </button>
        <button
          type="button"
          className="m-btn m-btn--small"
          data-testid={`tile-${w.id}-open-btn`}
          onClick={() => p.onOpen(!w.open)}
        >
          {lt(lang, w.open ? 'tile.close' : 'tile.open')}
        </button>
      </footer>
    </article>
  );
}

/** The officer holding the post and since when; with nobody there, who is rostered to it. */
function Holder({ w, state, now, lang }: WindowTileProps): ReactElement {
  if (w.holder !== null)
    return (
      <div className="l-tile__who" data-testid={`tile-${w.id}-holder`}>
        <b>{w.holder.name}</b>
        <span className="l-role" data-leader={w.holder.leader === true ? 'true' : undefined}>
          {w.holder.leader === true ? lt(lang, 'tile.leader') : lt(lang, 'tile.role', { role: w.holder.role })}
        </span>
        <span className="m-muted m-num">
          {lt(lang, 'tile.onDuty', { d: duration(lang, (now - w.holder.since) / 1000) })}
        </span>
      </div>
    );
  const r = state.model.roster.get(w.id);
  return (
    <div className="l-tile__who m-muted">
      {r === undefined
        ? lt(lang, 'tile.noRoster')
        : lt(lang, 'tile.roster', {
            a: officerName(state, r.a),
            b: r.b === undefined ? '' : lt(lang, 'tile.rosterB', { b: officerName(state, r.b) }),
          })}
    </div>
  );
}

function Now(p: WindowTileProps & { s: TileState }): ReactElement {
  const { w, state, now, lang, s } = p;
  const t = w.ticket;
  if ((s === 'calling' || s === 'serving') && t !== null) {
    const startedAt = state.tickets.get(t.id)?.startedAt ?? null;
    const since = s === 'calling' ? (t.calledAt ?? now) : (startedAt ?? t.calledAt ?? now);
    return (
      <div className="l-now l-now--ticket">
        <span className="l-now__number m-num" data-testid={`tile-${w.id}-ticket`}>
          {t.number}
        </span>
        <span className="l-now__what">
          <span className="l-now__service">{serviceName(state, t.serviceId)}</span>
          <span className="l-now__marks">
            {t.greenReason !== null && (
              <span className="l-mark l-mark--green">
                {lt(lang, 'mark.green', { reason: greenReasonLabel(lang, t.greenReason) })}
              </span>
            )}
            {t.carriedOver && <span className="l-mark l-mark--carried">{lt(lang, 'mark.carried')}</span>}
            {t.appointmentCode !== null && <span className="l-mark l-mark--appt">{lt(lang, 'mark.appointment')}</span>}
            <span className="l-now__timer m-num" data-testid={`tile-${w.id}-timer`}>
              {lt(lang, s === 'calling' ? 'tile.calledFor' : 'tile.servingFor', {
                d: duration(lang, (now - since) / 1000),
              })}
            </span>
          </span>
        </span>
      </div>
    );
  }
  if (w.pause !== null)
    return (
      <div className="l-now l-now--paused">
        <span className="l-now__line m-num">
          {lt(lang, 'tile.pausedFor', {
            reason: pauseReasonLabel(lang, w.pause.reason),
            d: duration(lang, (now - w.pause.since) / 1000),
          })}
        </span>
        {w.pause.note !== '' && <span className="l-now__note">{w.pause.note}</span>}
        <EmptyLine {...p} />
        {w.coverRequestedFor !== null && (
          <span className="l-now__note">
            {lt(lang, 'tile.cover', { name: officerName(state, w.coverRequestedFor) })}
          </span>
        )}
      </div>
    );
  if (s === 'empty')
    return (
      <div className="l-now l-now--empty">
        <EmptyLine {...p} />
        {w.coverRequestedFor !== null && (
          <span className="l-now__note">
            {lt(lang, 'tile.cover', { name: officerName(state, w.coverRequestedFor) })}
          </span>
        )}
      </div>
    );
  if (s === 'closed') return <div className="l-now l-now--quiet">{lt(lang, 'tile.closed')}</div>;
  if (s === 'vacant') return <div className="l-now l-now--quiet">{lt(lang, 'tile.vacant')}</div>;
  return (
    <div className="l-now l-now--idle m-num">
      {p.callable > 0 ? lt(lang, 'tile.idleWaiting', { n: p.callable }) : lt(lang, 'tile.idleNone')}
    </div>
  );
}

/** 空岗 since when: the mark the post carries for accountability while it lasts. */
function EmptyLine({ w, state, now, lang }: WindowTileProps): ReactElement | null {
  if (w.emptySince === null) return null;
  return (
    <span className="l-now__empty m-num" data-testid={`tile-${w.id}-empty`}>
      {lt(lang, 'tile.emptyFor', {
        time: clockTime(w.emptySince, state.model.config.hall.timezone),
        d: duration(lang, (now - w.emptySince) / 1000),
      })}
    </span>
  );
}
