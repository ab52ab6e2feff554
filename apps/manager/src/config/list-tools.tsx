import { useState, type ReactElement, type ReactNode } from 'react';
import { Dialog } from '../shell/dialog.tsx';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { ct } from './config-strings.ts';

export interface ConfirmProps {
  title: ReactNode;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}

/** "Are you sure" before something that cannot be taken back by a click (deleting a row, discarding edits). */
export function ConfirmDialog(p: ConfirmProps): ReactElement {
  const lang = useManager((s) => s.lang);
  return (
    <Dialog
      title={p.title}
      onClose={p.onClose}
      testId={p.testId ?? 'confirm-dialog'}
      actions={
        <>
          <button type="button" className="m-btn" onClick={p.onClose}>
            {mt(lang, 'common.cancel')}
          </button>
          <button
            type="button"
            className="m-btn m-btn--danger"
            data-testid="confirm-yes"
            onClick={() => {
              p.onConfirm();
              p.onClose();
            }}
          >
            {p.confirmLabel}
          </button>
        </>
      }
    >
      <div>{p.message}</div>
    </Dialog>
  );
}

interface ToolsProps {
  index: number;
  count: number;
  /** Shown only where order matters. */
  onMove?: (to: number) => void;
  onRemove: () => void;
  /** What the confirmation says; without it (an empty line) the row goes at once. */
  confirm?: ReactNode;
  /** For test ids: `list-3-up`, `list-3-delete`. */
  name: string;
}

/** Up, down and delete for one row of a list. */
export function RowTools(p: ToolsProps): ReactElement {
  const lang = useManager((s) => s.lang);
  const [asking, setAsking] = useState(false);
  return (
    <span className="cfg-tools">
      {p.onMove !== undefined && (
        <>
          <button
            type="button"
            className="m-btn m-btn--small cfg-tools__arrow"
            title={ct(lang, 'list.up')}
            aria-label={ct(lang, 'list.up')}
            disabled={p.index === 0}
            data-testid={`${p.name}-${p.index}-up`}
            onClick={() => p.onMove?.(p.index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="m-btn m-btn--small cfg-tools__arrow"
            title={ct(lang, 'list.down')}
            aria-label={ct(lang, 'list.down')}
            disabled={p.index === p.count - 1}
            data-testid={`${p.name}-${p.index}-down`}
            onClick={() => p.onMove?.(p.index + 1)}
          >
            ↓
          </button>
        </>
      )}
      <button
        type="button"
        className="m-btn m-btn--small cfg-tools__delete"
        data-testid={`${p.name}-${p.index}-delete`}
        onClick={() => (p.confirm === undefined ? p.onRemove() : setAsking(true))}
      >
        {ct(lang, 'list.delete')}
      </button>
      {asking && (
        <ConfirmDialog
          title={ct(lang, 'list.deleteTitle')}
          message={p.confirm}
          confirmLabel={ct(lang, 'list.delete')}
          onConfirm={p.onRemove}
          onClose={() => setAsking(false)}
        />
      )}
    </span>
  );
}
