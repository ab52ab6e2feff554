import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useCounter } from '../counter-store.ts';
import { ct } from '../strings/strings.ts';

/**
 * A dialog over the counter: Esc or the close button leaves it, focus starts inside it
 * (on the element marked data-autofocus, else the first field or button).
 */
export function Modal(p: {
  title: ReactNode;
  children: ReactNode;
  testId: string;
  wide?: boolean;
  onClose?: () => void;
}): ReactElement {
  const lang = useCounter((s) => s.lang);
  const box = useRef<HTMLDivElement>(null);
  const close = p.onClose ?? (() => useCounter.getState().close());
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
  useEffect(() => {
    const root = box.current;
    if (root === null) return;
    const first =
      root.querySelector<HTMLElement>('[data-autofocus]') ??
      root.querySelector<HTMLElement>('input, textarea, select, .c-modal__body button');
    first?.focus();
  }, []);
  return (
    <div className="c-overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={box}
        className={`c-modal ${p.wide === true ? 'c-modal--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        data-testid={p.testId}
      >
        <header className="c-modal__head">
          <h2>{p.title}</h2>
          <button type="button" className="c-tool" data-testid="dialog-close" onClick={close}>
            {ct(lang, 'dialog.close')}
          </button>
        </header>
        <div className="c-modal__body">{p.children}</div>
      </div>
    </div>
  );
}
