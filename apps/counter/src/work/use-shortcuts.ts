import { useEffect, useLayoutEffect, useRef } from 'react';
import { useCounter } from '../counter-store.ts';
import { ct } from '../strings/strings.ts';
import type { Action } from './actions.ts';

/** Typing in a field is typing, not a shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The counter's keys (printed on the buttons). Off while a dialog is open (the dialog owns the
 * keyboard, Esc closes it). A key whose action does not apply says why instead of doing nothing.
 *
 * The key reads the actions of the screen as last drawn: they are put in a ref in the same commit
 * that draws them (a layout effect), so a key pressed the moment the window turns 空闲 is not judged
 * by the state before (a passive effect runs after the paint, and under load a keypress can land first).
 */
export function useShortcuts(actions: Action[], live: boolean): void {
  const current = useRef({ actions, live });
  useLayoutEffect(() => {
    current.current = { actions, live };
  }, [actions, live]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { actions, live } = current.current;
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (useCounter.getState().dialog !== null || typing(e.target)) return;
      const action = actions.find((a) => a.codes.includes(e.code));
      if (action === undefined) return;
      // F1 would open the browser's help, Space would scroll or press the focused button.
      e.preventDefault();
      const app = useCounter.getState();
      if (action.enabled) action.run();
      else if (app.busy === null) {
        if (!live) app.say('error', `${action.label}：${ct(app.lang, 'link.notSent')}`);
        else if (action.why !== '') app.say('info', `${action.label}：${action.why}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
