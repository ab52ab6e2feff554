import type { ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { WindowView } from '@yichuang/protocol';
import { greenReasonLabel, pauseReasonLabel, useNow, type Lang } from '@yichuang/ui';
import { holderLeft, officerName, queueName, rosterOf, serviceOf, windowName } from '../hall-helpers.ts';
import { hubNow } from '../hub-clock.ts';
import { clockTime, ct, duration, roleName } from '../strings/strings.ts';
import { sendCommand } from '../send-command.ts';

interface Props {
  w: WindowView;
  state: HallState;
  me: string;
  lang: Lang;
  waiting: number;
}

/** The one thing the officer must never misread: which ticket is at the window, and in what state. */
export function TicketCard(p: Props): ReactElement {
  useNow(); // durations tick every second
  const now = hubNow();
  const { w, state, lang } = p;
  if (w.holder?.officerId !== p.me) return <StandbyCard {...p} />;
  if (w.pause !== null) {
    const partner = w.coverRequestedFor;
    return (
      <section className="c-card c-card--paused" data-testid="ticket-card" data-toast-anchor="" data-state="paused">
        <div className="c-paused__sign">{ct(lang, 'paused.title')}</div>
        <div className="c-paused__reason">
          {ct(lang, 'paused.reason', { reason: pauseReasonLabel(lang, w.pause.reason) })}
          {w.pause.note !== '' && <span className="c-paused__note">（{w.pause.note}）</span>}
        </div>
        <div className="c-paused__since num">
          {ct(lang, 'paused.since', { d: duration(lang, (now - w.pause.since) / 1000) })}
        </div>
        {partner !== null && (
          <div className="c-paused__cover" data-testid="paused-cover">
            {ct(lang, rosterOf(state, w.id).a === partner ? 'paused.coverA' : 'paused.cover', {
              name: officerName(state, partner),
            })}
          </div>
        )}
        <div className="c-paused__hint">{ct(lang, 'paused.resumeHint')}</div>
      </section>
    );
  }
  const t = w.ticket;
  if (t === null)
    return (
      <section className="c-card c-card--idle" data-testid="ticket-card" data-toast-anchor="" data-state="idle">
        <div className="c-idle__title">{ct(lang, 'ticket.none')}</div>
        <div className="c-idle__hint">{ct(lang, 'ticket.noneHint')}</div>
        <div className="c-idle__waiting num" data-testid="idle-waiting">
          {ct(lang, 'ticket.waitingHere', { n: p.waiting })}
        </div>
      </section>
    );

  const raw = state.tickets.get(t.id);
  const service = serviceOf(state, t.serviceId);
  const calling = t.status === 'called';
  const since = calling ? (t.calledAt ?? now) : (raw?.startedAt ?? t.calledAt ?? now);
  const waited = ((t.calledAt ?? now) - t.issuedAt) / 1000;
  const tz = state.model.config.hall.timezone;
  return (
    <section
      className={`c-card c-card--${calling ? 'calling' : 'serving'}`}
      data-testid="ticket-card"
      data-toast-anchor=""
      data-state={t.status}
    >
      <div className="c-ticket__status">
        <span className="c-ticket__label">{ct(lang, calling ? 'state.calling' : 'state.serving')}</span>
        <span className="c-ticket__timer num">
          {ct(lang, calling ? 'ticket.calledFor' : 'ticket.servingFor', { d: duration(lang, (now - since) / 1000) })}
        </span>
        {t.recalls > 0 && <span className="c-ticket__recalls">{ct(lang, 'ticket.recalls', { n: t.recalls })}</span>}
      </div>
      <div className="c-ticket__main">
        <div className="c-ticket__number num" data-testid="current-number">
          {t.number}
        </div>
        <div className="c-ticket__what">
          <div className="c-ticket__marks">
            {t.greenReason !== null && (
              <span className="c-mark c-mark--green" data-testid="mark-green">
                {ct(lang, 'ticket.green', { reason: greenReasonLabel(lang, t.greenReason) })}
              </span>
            )}
            {t.appointmentCode !== null && (
              <span className="c-mark c-mark--appt">{ct(lang, 'ticket.appointment')}</span>
            )}
            {t.carriedOver && <span className="c-mark c-mark--carried">{ct(lang, 'ticket.carried')}</span>}
            {t.remote != null && (
              <span
                className={`c-mark ${t.remote.arrived ? 'c-mark--appt' : 'c-mark--transfer'}`}
                data-testid="mark-remote"
              >
                {ct(lang, t.remote.arrived ? 'ticket.remoteIn' : 'ticket.remoteOut')}
              </span>
            )}
          </div>
          {t.remote != null && !t.remote.arrived && (
            <div className="c-ticket__arrival">
              <button
                type="button"
                className="c-btn c-btn--primary"
                data-testid="confirm-arrival"
                onClick={() => void sendCommand('ticket:arrive', { ticketId: t.id })}
              >
                {ct(lang, 'ticket.confirmArrival')}
              </button>
              {calling && t.calledAt !== null && (
                <span className="c-muted num" data-testid="remote-skip-in">
                  {ct(lang, 'ticket.remoteSkipIn', {
                    d: duration(
                      lang,
                      Math.max(0, (t.calledAt + state.model.config.remote.graceMinutes * 60_000 - now) / 1000),
                    ),
                  })}
                </span>
              )}
            </div>
          )}
          <div className="c-ticket__service" data-testid="current-service">
            {service?.name ?? t.serviceId}
          </div>
          <div className="c-ticket__facts">
            <span>{queueName(state, t.queueId)}</span>
            <span className="num">{ct(lang, 'ticket.waited', { d: duration(lang, waited) })}</span>
            <span data-testid="first-officer">
              {ct(lang, 'ticket.firstOfficer')}
              <b>{officerName(state, t.firstOfficerId)}</b>
            </span>
          </div>
        </div>
      </div>
      {t.transfers.length > 0 && (
        <div className="c-ticket__transfers" data-testid="transfers">
          <h3>{ct(lang, 'ticket.transfers')}</h3>
          {t.transfers.map((x, i) => (
            <div key={i} className="c-ticket__transfer">
              {ct(lang, 'ticket.transferLine', {
                time: clockTime(x.at, tz),
                from: x.fromWindowId !== null ? windowName(state, x.fromWindowId) : queueName(state, x.fromQueueId),
                to: x.toWindowId !== null ? windowName(state, x.toWindowId) : queueName(state, x.toQueueId),
                officer: officerName(state, x.officerId),
              })}
              {x.note !== '' && <span className="c-ticket__note">“{x.note}”</span>}
            </div>
          ))}
        </div>
      )}
      <div className="c-ticket__materials">
        <h3>{ct(lang, 'ticket.materials')}</h3>
        {service === undefined || service.materials.length === 0 ? (
          <p className="c-muted">{ct(lang, 'ticket.noMaterials')}</p>
        ) : (
          <ol data-testid="materials">
            {service.materials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/** Not holding this window: B standing by while A serves (or the post is someone else's now). */
function StandbyCard({ w, state, me, lang }: Props): ReactElement {
  const roster = rosterOf(state, w.id);
  const holder = w.holder;
  return (
    <section className="c-card c-card--standby" data-testid="ticket-card" data-toast-anchor="" data-state="standby">
      <div className="c-idle__title">{ct(lang, 'ab.standby')}</div>
      <div className="c-idle__hint">
        {holder === null
          ? ct(lang, 'pick.free')
          : holderLeft(w)
            ? ct(lang, 'pick.partnerAway', {
                role: holder.leader === true ? ct(lang, 'pick.roleLeader') : roleName(lang, holder.role),
                name: officerName(state, holder.officerId),
                reason: pauseReasonLabel(lang, w.pause!.reason),
              })
            : ct(lang, 'pick.heldBy', {
                role: holder.leader === true ? ct(lang, 'pick.roleLeader') : roleName(lang, holder.role),
                name: officerName(state, holder.officerId),
              })}
      </div>
      {roster.b === me && <p className="c-muted">{ct(lang, 'pick.standbyHint')}</p>}
    </section>
  );
}
