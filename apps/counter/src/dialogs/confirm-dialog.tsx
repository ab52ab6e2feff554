import type { ReactElement } from 'react';
import { useCounter, type Dialog } from '../counter-store.ts';
import { ct } from '../strings/strings.ts';
import { Modal } from './modal.tsx';

type Confirm = Extract<Dialog, { kind: 'confirm' }>;

/** Enter confirms (the confirm button has the focus), Esc cancels. */
export function ConfirmDialog({ d }: { d: Confirm }): ReactElement {
  const lang = useCounter((s) => s.lang);
  const close = (): void => useCounter.getState().close();
  return (
    <Modal title={ct(lang, 'confirm.title')} testId="confirm-dialog">
      <p className="c-confirm__text">{d.text}</p>
      {d.detail !== undefined && <p className="c-muted">{d.detail}</p>}
      <div className="c-modal__buttons">
        <button type="button" className="c-btn c-btn--quiet" onClick={close} data-testid="confirm-cancel">
          {ct(lang, 'confirm.cancel')}
        </button>
        {d.alt !== undefined && (
          <button
            type="button"
            className="c-btn c-btn--quiet"
            data-testid="confirm-alt"
            onClick={() => {
              close();
              d.alt!.run();
            }}
          >
            {d.alt.label}
          </button>
        )}
        <button
          type="button"
          className={`c-btn ${d.danger === true ? 'c-btn--danger' : 'c-btn--primary'}`}
          data-autofocus
          data-testid="confirm-ok"
          onClick={() => {
            close();
            d.run();
          }}
        >
          {d.ok} <kbd>Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}
