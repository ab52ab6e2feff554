import type { ReactElement } from 'react';
import type { WindowView } from '@yichuang/protocol';
import { Icon } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { heldBy, officerName, rosterOf, signInOf } from '../hall-helpers.ts';
import { useHall, useWindows } from '../hub-context.tsx';
import { sendCommand } from '../send-command.ts';
import { clockTime, ct, roleName } from '../strings/strings.ts';
import { HubTime } from './hub-time.tsx';
import { LangButton } from './lang-button.tsx';

/** Sign out of the window (签退); during hours the hub asks the partner to cover, and `detail` says so. */
export function confirmSignOut(w: WindowView, detail?: string): void {
  const app = useCounter.getState();
  const { lang } = app;
  app.open({
    kind: 'confirm',
    text: ct(lang, 'confirm.signOut', { window: w.name }),
    detail,
    ok: ct(lang, 'act.signOut'),
    danger: true,
    run: () =>
      void sendCommand('window:sign-out', { windowId: w.id }).then((r) => {
        if (!r.ok) return;
        useCounter.getState().say('ok', ct(useCounter.getState().lang, 'msg.signedOut'));
        useCounter.getState().setWindow(null);
      }),
  });
}

export function TopBar({ window: w }: { window?: WindowView }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const officer = useCounter((s) => s.session!.officer);
  const { state, live } = useHall();
  const windows = useWindows();
  const mine = w !== undefined && w.holder?.officerId === officer.id;
  const role = w === undefined ? undefined : officer.windows.find((x) => x.windowId === w.id)?.role;
  const first = state === null ? null : signInOf(state, officer.id);
  const tz = state?.model.config.hall.timezone ?? 'Asia/Shanghai';
  const partner =
    state === null || w === undefined
      ? ''
      : officerName(state, (role === 'A' ? rosterOf(state, w.id).b : rosterOf(state, w.id).a) ?? null);

  const logout = (): void => {
    const app = useCounter.getState();
    const held = heldBy(windows, officer.id);
    if (held === undefined) return app.logout();
    app.open({
      kind: 'confirm',
      text: ct(lang, 'confirm.signOut', { window: held.name }),
      detail: partner === '' ? undefined : ct(lang, 'confirm.signOutCover', { name: partner }),
      ok: `${ct(lang, 'act.signOut')} + ${ct(lang, 'app.signOut')}`,
      run: () =>
        void sendCommand('window:sign-out', { windowId: held.id }).then((r) => {
          if (r.ok) useCounter.getState().logout();
        }),
      alt: { label: ct(lang, 'app.signOut'), run: () => useCounter.getState().logout() },
    });
  };

  return (
    <header className="c-top">
      <span className="c-top__emblem">
        <Icon name="emblem" size={34} />
      </span>
      <div className="c-top__where">
        <div className="c-top__hall">{state?.model.config.hall.name ?? ''}</div>
        <div className="c-top__window" data-testid="top-window">
          {w === undefined ? ct(lang, 'app.title') : w.name}
          {role !== undefined && <span className={`c-role c-role--${role}`}>{roleName(lang, role)}</span>}
        </div>
      </div>
      {w !== undefined && (
        <span
          className={`c-state c-state--${!live ? 'empty' : mine ? w.state : 'standby'}`}
          data-testid="window-state"
          data-live={live}
        >
          {!live ? ct(lang, 'link.lost') : mine ? ct(lang, `state.${w.state}`) : ct(lang, 'ab.standby')}
        </span>
      )}
      <span className="c-gap" />
      <div className="c-top__who">
        <div className="c-top__officer">
          {officer.name} <span className="num">{officer.id}</span>
        </div>
        {first !== null && (
          <div
            className={`c-top__signin ${first.earlyMinutes < 10 ? 'c-top__signin--late' : ''}`}
            data-testid="signin-chip"
          >
            {first.earlyMinutes > 0
              ? ct(lang, 'signin.early', { time: clockTime(first.at, tz), m: first.earlyMinutes })
              : first.earlyMinutes === 0
                ? ct(lang, 'signin.onTime', { time: clockTime(first.at, tz) })
                : ct(lang, 'signin.late', { time: clockTime(first.at, tz), m: -first.earlyMinutes })}
          </div>
        )}
      </div>
      <span
        className={`c-dot ${live ? 'c-dot--on' : 'c-dot--off'}`}
        title={ct(lang, live ? 'link.online' : 'link.offline')}
      />
      <HubTime lang={lang} timeZone={tz} />
      <LangButton dark />
      {w !== undefined && mine && (
        <button
          type="button"
          className="c-tool c-tool--dark"
          data-testid="sign-out"
          disabled={!live || w.ticket !== null}
          title={w.ticket !== null ? ct(lang, 'pause.busy') : undefined}
          onClick={() =>
            confirmSignOut(w, partner === '' ? undefined : ct(lang, 'confirm.signOutCover', { name: partner }))
          }
        >
          {ct(lang, 'act.signOut')}
        </button>
      )}
      {w !== undefined && !mine && (
        <button type="button" className="c-tool c-tool--dark" onClick={() => useCounter.getState().setWindow(null)}>
          {ct(lang, 'pick.switch')}
        </button>
      )}
      <button type="button" className="c-tool c-tool--dark" data-testid="logout" onClick={logout}>
        {ct(lang, 'app.signOut')}
      </button>
    </header>
  );
}
