import type { MouseEvent, ReactElement } from 'react';
import type { Action } from './actions.ts';

/** Big buttons, each with its keys printed on it. Clicking blurs it, so Space never presses it again. */
export function ActionBar({ actions }: { actions: Action[] }): ReactElement {
  const click = (a: Action) => (e: MouseEvent<HTMLButtonElement>) => {
    e.currentTarget.blur();
    a.run();
  };
  return (
    <div className="c-actions">
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className={`c-act c-act--${a.tone} c-act--${a.id}`}
          disabled={!a.enabled}
          data-testid={`act-${a.id}`}
          onClick={click(a)}
        >
          <span className="c-act__label">
            {a.label}
            {a.badge !== undefined && <span className="c-act__badge num">{a.badge}</span>}
          </span>
          <span className="c-act__keys">
            {a.caps.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </span>
        </button>
      ))}
    </div>
  );
}
