import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import type { Ticket } from '@yichuang/protocol';
import { useCounter } from '../counter-store.ts';
import { heldFor, officerName, waitingFor } from '../hall-helpers.ts';
import { hubNow } from '../hub-clock.ts';
import { useHall, useWindows } from '../hub-context.tsx';
import { sendCommand } from '../send-command.ts';
import { ct } from '../strings/strings.ts';
import { AbPanel } from '../work/ab-panel.tsx';
import { ActionBar } from '../work/action-bar.tsx';
import { windowActions } from '../work/actions.ts';
import { Banners } from '../work/connection-banner.tsx';
import { MyDay } from '../work/my-day.tsx';
import { TicketCard } from '../work/ticket-card.tsx';
import { TopBar } from '../work/top-bar.tsx';
import { useShortcuts } from '../work/use-shortcuts.ts';
import { WaitingList } from '../work/waiting-list.tsx';

export function WorkScreen({ windowId }: { windowId: string }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const me = useCounter((s) => s.session!.officer.id);
  const busy = useCounter((s) => s.busy);
  const { state, live, version } = useHall();
  const windows = useWindows();
  const w = windows.find((x) => x.id === windowId);
  const mine = w?.holder?.officerId === me;

  const waiting = useMemo(
    () => (state === null ? [] : waitingFor(state, windowId, hubNow())),
    // version: the mirror changed (the state object is mutated in place)
    [state, windowId, version],
  );
  const onHold = useMemo(() => (state === null ? [] : heldFor(state, windowId)), [state, windowId, version]);
  const actions = useMemo(
    () =>
      w === undefined || state === null
        ? []
        : windowActions(w, {
            lang,
            live: live && mine,
            busy: busy !== null,
            maxRecalls: state.model.config.callRules.maxRecalls,
          }),
    [w, state, lang, live, mine, busy],
  );
  useShortcuts(actions, live);

  // The partner took the post: A came back (收回) or B covered (接替). Say which, once.
  const held = useRef(mine);
  useEffect(() => {
    if (held.current && !mine && w?.holder != null && state !== null) {
      const name = officerName(state, w.holder.officerId);
      const key = w.holder.role === 'A' ? 'msg.takenBack' : 'msg.coveredBy';
      useCounter.getState().say('info', ct(lang, key, { name, window: w.name }));
    }
    held.current = mine;
  }, [mine, w, state, lang]);

  if (w === undefined || state === null) return <div />;
  const canCall = live && mine && busy === null && w.ticket === null && w.pause === null;
  const callNamed = (t: Ticket): void =>
    void sendCommand('window:call-ticket', { windowId, ticketId: t.id }).then((r) => {
      if (r.ok) useCounter.getState().say('ok', ct(lang, 'msg.called', { number: t.number }));
    });

  return (
    <div className="c-screen" data-screen="work" data-window-state={mine ? w.state : 'standby'}>
      <TopBar window={w} />
      <Banners />
      <main className={`c-work ${live ? '' : 'c-stale'}`}>
        <section className="c-work__main">
          <TicketCard w={w} state={state} me={me} lang={lang} waiting={waiting.length} />
          {mine && <ActionBar actions={actions} />}
        </section>
        <aside className="c-work__side">
          <WaitingList tickets={waiting} held={onHold} state={state} lang={lang} canCall={canCall} onCall={callNamed} />
          <AbPanel w={w} state={state} me={me} lang={lang} live={live} />
          <MyDay me={me} lang={lang} />
        </aside>
      </main>
    </div>
  );
}
