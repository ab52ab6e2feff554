import type { ReactElement } from 'react';
import { ds, type DisplayStringKey } from '../strings.ts';

/** A whole-screen message before the hall can be shown: not set up, wrong key, connecting. */
export function StatusScreen(p: { title: DisplayStringKey; hint?: DisplayStringKey; testId: string }): ReactElement {
  return (
    <div className="status-screen" data-screen={p.testId}>
      <div className="status-screen__title">{ds('zh', p.title)}</div>
      <div className="status-screen__en">{ds('en', p.title)}</div>
      {p.hint !== undefined && <div className="status-screen__hint">{ds('zh', p.hint)}</div>}
    </div>
  );
}
