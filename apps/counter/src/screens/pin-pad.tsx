import type { ReactElement } from 'react';
import { Icon } from '@yichuang/ui';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'del'] as const;

/**
 * Digits for officer id and PIN. The keys never take the focus (mousedown is cancelled), so the
 * keyboard and the pad type into the same field.
 */
export function PinPad(p: {
  onKey: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
  labels: { del: string; clear: string };
  disabled?: boolean;
}): ReactElement {
  return (
    <div className="c-pinpad" role="group">
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          tabIndex={-1}
          className={k === 'del' || k === 'clear' ? 'c-pinpad__key c-pinpad__key--action' : 'c-pinpad__key'}
          data-key={k}
          disabled={p.disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => (k === 'del' ? p.onDelete() : k === 'clear' ? p.onClear() : p.onKey(k))}
          aria-label={k === 'del' ? p.labels.del : k === 'clear' ? p.labels.clear : k}
        >
          {k === 'del' ? <Icon name="backspace" size={30} /> : k === 'clear' ? p.labels.clear : k}
        </button>
      ))}
    </div>
  );
}
