import type { ReactElement, ReactNode } from 'react';
import { useLang } from '../lang.ts';
import { mt } from '../mobile-strings.ts';

/** "第 2 步，共 4 步 · 选择时段", with a bar showing how far along the citizen is. */
export function StepHead(p: { n: number; of: number; title: string }): ReactElement {
  const lang = useLang();
  return (
    <div className="m-step" data-testid="m-step" data-step={p.n}>
      <div className="m-step__bar" aria-hidden>
        {Array.from({ length: p.of }, (_, i) => (
          <span key={i} className={i < p.n ? 'on' : ''} />
        ))}
      </div>
      <small>{mt(lang, 'book.step', { n: p.n, of: p.of })}</small>
      <h2>{p.title}</h2>
    </div>
  );
}

/** One line of what was chosen so far, with a way back to change it. */
export function Chosen(p: {
  label: string;
  children: ReactNode;
  onChange?: () => void;
  testId?: string;
}): ReactElement {
  const lang = useLang();
  return (
    <div className="m-chosen" data-testid={p.testId}>
      <span className="m-chosen__label">{p.label}</span>
      <span className="m-chosen__value">{p.children}</span>
      {p.onChange !== undefined && (
        <button type="button" className="m-link-btn" onClick={p.onChange}>
          {mt(lang, 'book.change')}
        </button>
      )}
    </div>
  );
}
