import { useEffect, useRef, type ReactElement } from 'react';
import type { RosterRole, WindowView } from '@yichuang/protocol';
import { pauseReasonLabel, type Lang } from '@yichuang/ui';
import { hoursOn } from '@yichuang/engine';
import { useCounter } from '../counter-store.ts';
import { holderLeft, officerName } from '../hall-helpers.ts';
import { useHall, useWindows } from '../hub-context.tsx';
import { ct } from '../strings/strings.ts';
import { takePost } from '../take-post.ts';
import { Banners } from '../work/connection-banner.tsx';
import { TopBar } from '../work/top-bar.tsx';

type Choice = { kind: 'enter' | 'sign-in' | 'take-over' | 'take-back' | 'standby'; enabled: boolean };
/** A window this person may act on: as its A or B, or (a manager) as the duty leader (带班领导). */
type PostRole = RosterRole | 'leader';

/** What this officer can do at a window, given who holds it (the engine's A/B rules, seen ahead). */
function choiceFor(w: WindowView, me: string, role: PostRole): Choice {
  if (!w.open) return { kind: 'sign-in', enabled: false };
  if (w.holder === null) return { kind: w.coverRequestedFor === me ? 'take-over' : 'sign-in', enabled: true };
  if (w.holder.officerId === me) return { kind: 'enter', enabled: true };
  // The duty leader steps into a free post or one whose holder left; never displaces anyone.
  if (role === 'leader') return { kind: 'take-over', enabled: holderLeft(w) && w.ticket === null };
  // The rostered officers take their post back from the duty leader.
  if (w.holder.leader === true) return { kind: 'take-back', enabled: w.ticket === null };
  // A's own post: taking it back from B (whether B is there or has left it) is 收回, not 接替.
  if (role === 'A' && w.holder.role === 'B') return { kind: 'take-back', enabled: w.ticket === null };
  if (holderLeft(w)) return { kind: 'take-over', enabled: w.ticket === null };
  return { kind: 'standby', enabled: true };
}

const choiceLabel: Record<Choice['kind'], Parameters<typeof ct>[1]> = {
  enter: 'pick.enter',
  'sign-in': 'pick.signIn',
  'take-over': 'pick.takeOver',
  'take-back': 'pick.takeBack',
  standby: 'pick.standby',
};

function roleLabel(lang: Lang, role: PostRole): string {
  return ct(lang, role === 'leader' ? 'pick.roleLeader' : role === 'A' ? 'pick.roleA' : 'pick.roleB');
}

const holderRole = (h: NonNullable<WindowView['holder']>): PostRole => (h.leader === true ? 'leader' : h.role);

export function WindowPickScreen(): ReactElement {
  const lang = useCounter((s) => s.lang);
  const officer = useCounter((s) => s.session!.officer);
  const busy = useCounter((s) => s.busy);
  const { state, live } = useHall();
  const windows = useWindows();
  const focusRef = useRef<HTMLButtonElement>(null);
  // A manager may also staff any other window as the duty leader.
  const posts: { windowId: string; role: PostRole }[] = [
    ...officer.windows,
    ...(officer.role === 'manager'
      ? windows
          .filter((w) => w.open && !officer.windows.some((x) => x.windowId === w.id))
          .map((w) => ({ windowId: w.id, role: 'leader' as const }))
      : []),
  ];
  // Enter signs in at once: the first window this officer can act on has the focus (once it is live).
  const firstUsable = posts.find(({ windowId, role }) => {
    const w = windows.find((x) => x.id === windowId);
    return w !== undefined && choiceFor(w, officer.id, role).enabled;
  })?.windowId;
  useEffect(() => {
    if (live && busy === null) focusRef.current?.focus();
  }, [live, busy, firstUsable]);
  if (state === null) return <div />;
  const hours = hoursOn(state.model.config.hall, state.day);

  const act = async (w: WindowView, c: Choice): Promise<void> => {
    if (c.kind === 'enter' || c.kind === 'standby') return useCounter.getState().setWindow(w.id);
    await takePost(w.id, c.kind);
  };

  return (
    <div className="c-screen" data-screen="pick">
      <TopBar />
      <Banners />
      <main className={`c-pick ${live ? '' : 'c-stale'}`}>
        <h1>{ct(lang, 'pick.hello', { name: officer.name })}</h1>
        <p className="c-pick__sub">
          {ct(lang, 'pick.title')} ·{' '}
          {hours === null ? ct(lang, 'pick.closedToday') : ct(lang, 'pick.opening', { open: hours.openText })}
        </p>
        {posts.length === 0 && <p className="c-empty">{ct(lang, 'pick.none')}</p>}
        {officer.role === 'manager' && <p className="c-pick__sub">{ct(lang, 'pick.leaderTitle')}</p>}
        <div className="c-pick__grid">
          {posts.map(({ windowId, role }) => {
            const w = windows.find((x) => x.id === windowId);
            if (w === undefined) return null;
            const c = choiceFor(w, officer.id, role);
            const holder = w.holder;
            const status =
              holder === null
                ? ct(lang, 'pick.free')
                : holder.officerId === officer.id
                  ? ct(lang, 'pick.heldByMe')
                  : holderLeft(w)
                    ? ct(lang, 'pick.partnerAway', {
                        role: roleLabel(lang, holderRole(holder)),
                        name: officerName(state, holder.officerId),
                        reason: pauseReasonLabel(lang, w.pause!.reason),
                      })
                    : ct(lang, 'pick.heldBy', {
                        role: roleLabel(lang, holderRole(holder)),
                        name: officerName(state, holder.officerId),
                      });
            return (
              <section className={`c-pickcard c-pickcard--${c.kind}`} key={windowId} data-testid={`pick-${windowId}`}>
                <div className="c-pickcard__top">
                  <span className="c-pickcard__name">{w.name}</span>
                  <span className={`c-role c-role--${role}`}>{roleLabel(lang, role)}</span>
                </div>
                <div className="c-pickcard__status">{status}</div>
                {c.kind === 'standby' && <div className="c-muted">{ct(lang, 'pick.standbyHint')}</div>}
                {role === 'leader' && !c.enabled && w.open && (
                  <div className="c-muted">{ct(lang, 'pick.busyByOther')}</div>
                )}
                <button
                  type="button"
                  className={`c-btn ${c.kind === 'standby' ? 'c-btn--quiet' : 'c-btn--primary'} c-btn--block`}
                  data-testid={`pick-${windowId}-${c.kind}`}
                  disabled={!c.enabled || !live || busy !== null}
                  ref={windowId === firstUsable ? focusRef : undefined}
                  onClick={() => void act(w, c)}
                >
                  {ct(lang, choiceLabel[c.kind])}
                </button>
              </section>
            );
          })}
        </div>
      </main>
    </div>
  );
}
