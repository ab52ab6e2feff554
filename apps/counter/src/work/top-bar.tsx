import type { ReactElement } from 'react';
import type { WindowView } from '@yichuang/protocol';
import { Icon, type Lang } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { heldBy, officerName, rosterOf, signInOf } from '../hall-helpers.ts';
import { useHall, useWindows } from '../hub-context.tsx';
import { sendCommand } from '../send-command.ts';
import { signOff } from '../sign-off.ts';
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

/** 请求帮办: the managers get a live alert with this window and its ticket; the officer is told it went out. */
async function askForHelp(windowId: string): Promise<void> {
  const r = await sendCommand('window:help', { windowId });
  if (r.ok) useCounter.getState().say('ok', ct(useCounter.getState().lang, 'help.sent'));
}

/**
 * Today's first sign-in against opening time (提前10分钟上岗) while on duty; once signed out (or taken
 * over), the header says so instead of still reading 已签到上岗.
 */
function SignInChip(p: {
  lang: Lang;
  first: { at: number; earlyMinutes: number };
  tz: string;
  onDuty: boolean;
}): ReactElement {
  const { lang, first } = p;
  const time = clockTime(first.at, p.tz);
  if (!p.onDuty)
    return (
      <div className="c-top__signin c-top__signin--off" data-testid="signin-chip" data-on-duty="false">
        {ct(lang, 'signin.off', { time })}
      </div>
    );
  const m = first.earlyMinutes;
  return (
    <div
      className={`c-top__signin ${m < 10 ? 'c-top__signin--late' : ''}`}
      data-testid="signin-chip"
      data-on-duty="true"
    >
      {m > 0
        ? ct(lang, 'signin.early', { time, m })
        : m === 0
          ? ct(lang, 'signin.onTime', { time })
          : ct(lang, 'signin.late', { time, m: -m })}
    </div>
  );
}

export function TopBar({ window: w }: { window?: WindowView }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const officer = useCounter((s) => s.session!.officer);
  const { state, live } = useHall();
  const windows = useWindows();
  const mine = w !== undefined && w.holder?.officerId === officer.id;
  const role = w === undefined ? undefined : officer.windows.find((x) => x.windowId === w.id)?.role;
  // 带班领导: a manager at a window outside its roster; nobody's A or B, so no cover note on leaving.
  const leader = mine && w.holder?.leader === true;
  const first = state === null ? null : signInOf(state, officer.id);
  const tz = state?.model.config.hall.timezone ?? 'Asia/Shanghai';
  const partner =
    state === null || w === undefined || leader || role === undefined
      ? ''
      : officerName(state, (role === 'A' ? rosterOf(state, w.id).b : rosterOf(state, w.id).a) ?? null);
  // Signing out, A asks B to cover; B asks A to come back to their own post.
  const coverNote =
    partner === ''
      ? undefined
      : ct(lang, role === 'B' ? 'confirm.signOutToA' : 'confirm.signOutCover', { name: partner });

  const logout = (): void => {
    const app = useCounter.getState();
    const held = heldBy(windows, officer.id);
    if (held === undefined) return void signOff();
    app.open({
      kind: 'confirm',
      text: ct(lang, 'confirm.signOut', { window: held.name }),
      detail: coverNote,
      ok: `${ct(lang, 'act.signOut')} + ${ct(lang, 'app.signOut')}`,
      run: () =>
        void sendCommand('window:sign-out', { windowId: held.id }).then((r) => {
          if (r.ok) void signOff();
        }),
      alt: { label: ct(lang, 'app.signOut'), run: () => void signOff() },
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
          {leader ? (
            <span className="c-role c-role--leader" data-testid="leader-chip">
              {ct(lang, 'pick.roleLeader')}
            </span>
          ) : (
            role !== undefined && <span className={`c-role c-role--${role}`}>{roleName(lang, role)}</span>
          )}
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
          <SignInChip lang={lang} first={first} tz={tz} onDuty={heldBy(windows, officer.id) !== undefined} />
        )}
      </div>
      <span
        className={`c-dot ${live ? 'c-dot--on' : 'c-dot--off'}`}
        title={ct(lang, live ? 'link.online' : 'link.offline')}
      />
      <HubTime lang={lang} timeZone={tz} />
      <LangButton dark />
      {w !== undefined && mine && !leader && (
        <button
          type="button"
          className="c-tool c-tool--dark c-tool--help"
          data-testid="help-request"
          disabled={!live}
          onClick={() => void askForHelp(w.id)}
        >
          {ct(lang, 'help.button')}
        </button>
      )}
      {w !== undefined && mine && (
        <button
          type="button"
          className="c-tool c-tool--dark"
          data-testid="sign-out"
          disabled={!live || w.ticket !== null}
          title={w.ticket !== null ? ct(lang, 'pause.busy') : undefined}
          onClick={() => confirmSignOut(w, coverNote)}
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
