import { useEffect, type ReactElement, type ReactNode } from 'react';
import { useManager } from './manager-store.ts';
import { mt } from './shell-strings.ts';

export interface DialogProps {
  title: ReactNode;
  children: ReactNode;
  /** Buttons of the foot (the close button is always there). */
  actions?: ReactNode;
  onClose: () => void;
  wide?: boolean;
  testId?: string;
}

/** A modal dialog: Escape or the close button closes it; the page behind is dimmed. */
export function Dialog(p: DialogProps): ReactElement {
  const lang = useManager((s) => s.lang);
  const { onClose } = p;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="m-dialog-back" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="m-dialog"
        role="dialog"
        aria-modal="true"
        data-testid={p.testId}
        style={p.wide ? { width: 'min(980px, 96vw)' } : undefined}
      >
        <div className="m-dialog__head">
          <span>{p.title}</span>
          <span className="m-gap" />
          <button type="button" className="m-btn m-btn--small" onClick={onClose}>
            {mt(lang, 'common.close')}
          </button>
        </div>
        <div className="m-dialog__body">{p.children}</div>
        {p.actions !== undefined && <div className="m-dialog__foot">{p.actions}</div>}
      </div>
    </div>
  );
}
