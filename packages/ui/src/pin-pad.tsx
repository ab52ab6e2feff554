import type { ReactElement } from 'react';
import { Icon } from './icons.tsx';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'del'] as const;

/**
 * Digits for a staff id and PIN (the counter's and the guide tablet's login). The keys never take the
 * focus (mousedown is cancelled), so the keyboard and the pad type into the same field. `prefix` is the
 * app's class prefix: `c` gives c-pinpad, c-pinpad__key …
 */
export function PinPad(p: {
  prefix: string;
  iconSize: number;
  onKey: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
  labels: { del: string; clear: string };
  disabled?: boolean;
}): ReactElement {
  const key = `${p.prefix}-pinpad__key`;
  return (
    <div className={`${p.prefix}-pinpad`} role="group">
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          tabIndex={-1}
          className={k === 'del' || k === 'clear' ? `${key} ${key}--action` : key}
          data-key={k}
          disabled={p.disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => (k === 'del' ? p.onDelete() : k === 'clear' ? p.onClear() : p.onKey(k))}
          aria-label={k === 'del' ? p.labels.del : k === 'clear' ? p.labels.clear : k}
        >
          {k === 'del' ? <Icon name="backspace" size={p.iconSize} /> : k === 'clear' ? p.labels.clear : k}
        </button>
      ))}
    </div>
  );
}
