import type { ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { WindowView } from '@yichuang/protocol';
import { pauseReasonLabel, type Lang } from '@yichuang/ui';
import { holderLeft, officerName, rosterOf } from '../hall-helpers.ts';
import { ct, roleName } from '../strings/strings.ts';
import { takePost } from '../take-post.ts';
import { confirmSignOut } from './top-bar.tsx';

/** Who is A and B of this post, who holds it now, and the hand-over buttons that apply. */
export function AbPanel(p: { w: WindowView; state: HallState; me: string; lang: Lang; live: boolean }): ReactElement {
  const { w, state, me, lang } = p;
  const roster = rosterOf(state, w.id);
  const holder = w.holder;
  const row = (role: 'A' | 'B', id: string | null): ReactElement => {
    const holds = id !== null && holder?.officerId === id;
    const status =
      id === null
        ? ''
        : holds
          ? holderLeft(w)
            ? w.pause!.reason === 'away'
              ? ct(lang, 'ab.away')
              : `${ct(lang, 'ab.away')}·${pauseReasonLabel(lang, w.pause!.reason)}`
            : ct(lang, 'ab.holds')
          : ct(lang, 'ab.standby');
    return (
      <div className={`c-ab__row ${holds ? 'c-ab__row--holds' : ''}`} data-testid={`ab-${role}`}>
        <span className={`c-role c-role--${role}`}>{roleName(lang, role)}</span>
        <span className="c-ab__name">
          {id === null ? ct(lang, 'ab.none') : officerName(state, id)}
          {id === me && ' ★'}
        </span>
        <span className={`c-ab__status ${holds ? (holderLeft(w) ? 'c-ab__status--away' : 'c-ab__status--on') : ''}`}>
          {status}
        </span>
      </div>
    );
  };
  const myRole = roster.a === me ? 'A' : roster.b === me ? 'B' : null;
  const partner = myRole === 'A' ? roster.b : roster.a;
  const iHold = holder?.officerId === me;
  const canTakeBack =
    holder !== null &&
    !iHold &&
    w.ticket === null &&
    ((myRole === 'A' && holder.role === 'B') || (myRole !== null && holder.leader === true));
  const canTakeOver = !iHold && holder !== null && holderLeft(w) && w.ticket === null;
  const canHandBack = myRole === 'B' && iHold && w.ticket === null;
  return (
    <section className="c-panel c-ab" data-testid="ab-panel">
      <h2>{ct(lang, 'ab.title')}</h2>
      {row('A', roster.a)}
      {row('B', roster.b)}
      {holder?.leader === true && (
        <div className="c-ab__row c-ab__row--holds" data-testid="ab-leader">
          <span className="c-role c-role--leader">{ct(lang, 'pick.roleLeader')}</span>
          <span className="c-ab__name">
            {officerName(state, holder.officerId)}
            {holder.officerId === me && ' ★'}
          </span>
          <span className="c-ab__status c-ab__status--on">{ct(lang, 'ab.holds')}</span>
        </div>
      )}
      {w.coverRequestedFor !== null && (
        <p className="c-ab__cover" data-testid="ab-cover">
          {ct(lang, roster.a === w.coverRequestedFor ? 'ab.coverForA' : 'ab.coverFor', {
            name: officerName(state, w.coverRequestedFor),
          })}
        </p>
      )}
      <div className="c-ab__actions">
        {(canTakeBack || canTakeOver) && (
          <button
            type="button"
            className="c-btn c-btn--primary"
            disabled={!p.live}
            data-testid={canTakeBack ? 'take-back' : 'ab-take-over'}
            onClick={() => void takePost(w.id, canTakeBack ? 'take-back' : 'take-over')}
          >
            {ct(lang, canTakeBack ? 'ab.takeBack' : 'ab.takeOver')}
          </button>
        )}
        {canHandBack && partner !== null && (
          <button
            type="button"
            className="c-btn c-btn--quiet"
            disabled={!p.live}
            data-testid="hand-back"
            onClick={() => confirmSignOut(w, ct(lang, 'confirm.handBack', { name: officerName(state, partner) }))}
          >
            {ct(lang, 'ab.handBack')}
          </button>
        )}
      </div>
    </section>
  );
}
