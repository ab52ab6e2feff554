import { useEffect, type ReactElement } from 'react';
import { greenReasons, type GreenReason, type Ticket } from '@yichuang/protocol';
import { greenReasonLabel } from '@yichuang/ui';
import { useGuide } from '../guide-store.ts';
import { gt } from '../strings/strings.ts';

/** 绿色通道 for a waiting ticket: one tap on the reason grants it. */
export function GreenDialog(p: {
  ticket: Ticket;
  onPick: (reason: GreenReason) => void;
  onClose: () => void;
}): ReactElement {
  const lang = useGuide((s) => s.lang);
  const busy = useGuide((s) => s.busy);
  const { onClose } = p;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="g-scrim" onClick={p.onClose}>
      <div
        className="g-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="green-title"
        data-testid="green-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="green-title">{gt(lang, 'green.title', { number: p.ticket.number })}</h2>
        <p className="g-muted">{gt(lang, 'green.pick')}</p>
        <div className="g-reasons">
          {greenReasons.map((r) => (
            <button
              key={r}
              type="button"
              className={`g-reason ${p.ticket.green === r ? 'g-reason--current' : ''}`}
              data-testid={`reason-${r}`}
              disabled={busy !== null || p.ticket.green === r}
              onClick={() => p.onPick(r)}
            >
              {greenReasonLabel(lang, r)}
            </button>
          ))}
        </div>
        <div className="g-dialog__actions">
          <button type="button" className="g-btn g-btn--quiet" data-testid="green-cancel" onClick={p.onClose}>
            {gt(lang, 'green.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
