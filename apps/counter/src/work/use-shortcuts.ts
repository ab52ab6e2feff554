import { useEffect } from 'react';
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
 */
export function useShortcuts(actions: Action[], live: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
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
  }, [actions, live]);
}
