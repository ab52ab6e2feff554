import type { ReactElement } from 'react';
import { Icon } from '@yichuang/ui';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'del'] as const;

/** Digits for the staff id and PIN; the keys never take the focus, so they type into the active field. */
export function PinPad(p: {
  onKey: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
  labels: { del: string; clear: string };
  disabled?: boolean;
}): ReactElement {
  return (
    <div className="g-pinpad" role="group">
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          tabIndex={-1}
          className={k === 'del' || k === 'clear' ? 'g-pinpad__key g-pinpad__key--action' : 'g-pinpad__key'}
          data-key={k}
          disabled={p.disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => (k === 'del' ? p.onDelete() : k === 'clear' ? p.onClear() : p.onKey(k))}
          aria-label={k === 'del' ? p.labels.del : k === 'clear' ? p.labels.clear : k}
        >
          {k === 'del' ? <Icon name="backspace" size={28} /> : k === 'clear' ? p.labels.clear : k}
        </button>
      ))}
    </div>
  );
}
