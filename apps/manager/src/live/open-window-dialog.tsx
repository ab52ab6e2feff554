import { useState, type ReactElement } from 'react';
import type { Ack, WindowView } from '@yichuang/protocol';
import { Dialog } from '../shell/dialog.tsx';
import type { Lang } from '../shell/make-strings.ts';
import { mt } from '../shell/shell-strings.ts';
import { act } from './live-actions.ts';
import { lt } from './live-strings.ts';

/** Open or close a window; the hub refuses to close one an officer still holds. */
export function setWindowOpen(w: WindowView, open: boolean, lang: Lang): Promise<Ack<unknown>> {
  return act(
    'POST',
    `/api/windows/${encodeURIComponent(w.id)}/open`,
    { open },
    {
      done: () => lt(lang, open ? 'od.opened' : 'od.closed', { window: w.name }),
      failed: (e) => lt(lang, open ? 'od.openFailed' : 'od.closeFailed', { window: w.name, reason: e.message }),
    },
  );
}

/** Closing takes a window out of the hall (no calls, no empty post): asked once before it is done. */
export function CloseWindowDialog(p: { w: WindowView; lang: Lang; onClose: () => void }): ReactElement {
  const { w, lang } = p;
  const [busy, setBusy] = useState(false);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    const res = await setWindowOpen(w, false, lang);
    setBusy(false);
    if (res.ok) p.onClose();
  };
  return (
    <Dialog
      title={lt(lang, 'od.closeTitle', { window: w.name })}
      onClose={p.onClose}
      testId="close-window-dialog"
      actions={
        <>
          <button type="button" className="m-btn" onClick={p.onClose}>
            {mt(lang, 'common.cancel')}
          </button>
          <button
            type="button"
            className="m-btn m-btn--danger"
            disabled={busy}
            data-testid="close-window-confirm"
            onClick={() => void confirm()}
          >
            {lt(lang, 'od.closeConfirm')}
          </button>
        </>
      }
    >
      <p>{lt(lang, 'od.closeText')}</p>
      {w.holder !== null && <p className="m-note m-note--warn">{lt(lang, 'od.held', { name: w.holder.name })}</p>}
    </Dialog>
  );
}
