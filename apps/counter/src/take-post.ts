import { windowView } from '@yichuang/engine';
import { useCounter } from './counter-store.ts';
import { signInOf, windowName } from './hall-helpers.ts';
import { hallState } from './mirror-state.ts';
import { sendCommand } from './send-command.ts';
import { clockTime, ct } from './strings/strings.ts';

/**
 * Sign in to a window: a first sign-in, 接替 (B covering for A, or anyone for a partner who left), or
 * 收回岗位 (A taking their own post back from B).
 * An officer holds one window at a time, so covering another post first signs out of one's own,
 * which must be idle; otherwise the screen says which ticket to finish first.
 */
export async function takePost(windowId: string, mode: 'sign-in' | 'take-over' | 'take-back'): Promise<boolean> {
  const app = useCounter.getState();
  const { lang, session, hub } = app;
  if (session === null || hub === null) return false;
  const state = hallState(hub.getState().connection);
  if (state === null) return false;
  const me = session.officer.id;
  const mine = state.model.config.windows.map((w) => windowView(state, w.id)).find((w) => w.holder?.officerId === me);
  if (mine !== undefined && mine.id !== windowId) {
    if (mine.ticket !== null) {
      app.say('error', ct(lang, 'cover.busyOther', { number: mine.ticket.number }));
      return false;
    }
    const out = await sendCommand('window:sign-out', { windowId: mine.id });
    if (!out.ok) return false;
  }
  const res = await sendCommand('window:sign-in', { windowId });
  if (!res.ok) return false;
  useCounter.getState().setWindow(windowId);
  const name = windowName(state, windowId);
  if (mode !== 'sign-in') {
    app.say('ok', ct(lang, mode === 'take-back' ? 'msg.tookBack' : 'msg.takenOver', { window: name }));
    return true;
  }
  // The ack comes before the event batch: today's first sign-in may be this very one.
  const first = signInOf(state, me, res.data.window.holder?.since);
  if (first !== null) {
    const time = clockTime(first.at, state.model.config.hall.timezone);
    const m = first.earlyMinutes;
    app.say(
      m >= 10 ? 'ok' : 'info',
      m > 0
        ? ct(lang, 'signin.early', { time, m })
        : m === 0
          ? ct(lang, 'signin.onTime', { time })
          : ct(lang, 'signin.late', { time, m: -m }),
    );
  }
  return true;
}
