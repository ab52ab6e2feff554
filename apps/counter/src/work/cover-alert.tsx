import type { ReactElement } from 'react';
import { Icon, pauseReasonLabel } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { heldBy, officerName } from '../hall-helpers.ts';
import { useHall, useWindows } from '../hub-context.tsx';
import { ct } from '../strings/strings.ts';
import { takePost } from '../take-post.ts';

/**
 * AB角: a partner left the post and the hub asked this officer to cover (coverRequestedFor = me).
 * Loud, on every screen, with one click to take the post over.
 */
export function CoverAlert(): ReactElement | null {
  const lang = useCounter((s) => s.lang);
  const me = useCounter((s) => s.session?.officer.id ?? '');
  const busy = useCounter((s) => s.busy);
  const { state, live } = useHall();
  const windows = useWindows();
  if (state === null) return null;
  const asked = windows.filter((w) => w.coverRequestedFor === me && w.holder?.officerId !== me);
  if (asked.length === 0) return null;
  const mine = heldBy(windows, me);
  return (
    <>
      {asked.map((w) => {
        const who = w.holder === null ? '' : officerName(state, w.holder.officerId);
        const reason = w.pause !== null ? pauseReasonLabel(lang, w.pause.reason) : ct(lang, 'cover.signedOut');
        const blockedBy = mine !== undefined && mine.id !== w.id ? mine : undefined;
        // A asked back to their own post (B left it) returns to it; anyone else covers.
        const own = state.model.roster.get(w.id)?.a === me;
        return (
          <div className="c-cover" role="alert" data-testid={`cover-alert-${w.id}`} key={w.id}>
            <Icon name="alert" size={56} />
            <div className="c-cover__text">
              <div className="c-cover__title">{ct(lang, own ? 'cover.alertA' : 'cover.alert', { window: w.name })}</div>
              <div className="c-cover__why">
                {who === '' ? reason : ct(lang, 'cover.reason', { name: who, reason })}
                {blockedBy !== undefined &&
                  ' · ' +
                    (blockedBy.ticket !== null
                      ? ct(lang, 'cover.busyOther', { number: blockedBy.ticket.number })
                      : ct(lang, 'cover.holdsOther', { window: blockedBy.name }))}
              </div>
            </div>
            <button
              type="button"
              className="c-btn c-btn--cover"
              data-testid={`take-over-${w.id}`}
              disabled={!live || busy !== null || blockedBy?.ticket != null}
              onClick={() => void takePost(w.id, own ? 'take-back' : 'take-over')}
            >
              {ct(lang, own ? 'cover.buttonA' : 'cover.button')}
            </button>
          </div>
        );
      })}
    </>
  );
}
