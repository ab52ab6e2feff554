import type { ReactElement } from 'react';
import { Icon } from './icons.tsx';
import { t, type Lang } from './strings.ts';

export type KeypadLayout = 'id-card' | 'phone' | 'letters' | 'code';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const DIGITS = '1234567890'.split('');

/** Keys of each layout; "del" and "clear" are the two action keys. */
function keysOf(layout: KeypadLayout): string[] {
  if (layout === 'id-card') return ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0', 'del'];
  if (layout === 'phone') return ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'del'];
  if (layout === 'letters') return [...LETTERS, 'clear', 'del'];
  return [...DIGITS, ...LETTERS, 'clear', 'del'];
}

/**
 * An on-screen keypad with keys of at least 120 px: digits and X for ID cards, A–Z for pinyin
 * initials, digits and letters for appointment codes (alphabetical: easier to find than QWERTY).
 */
export function Keypad(p: {
  layout: KeypadLayout;
  lang: Lang;
  onKey: (key: string) => void;
  onDelete: () => void;
  onClear?: () => void;
  disabled?: boolean;
}): ReactElement {
  return (
    <div className={`yc-keypad yc-keypad--${p.layout}`} role="group">
      {keysOf(p.layout).map((k) => {
        if (k === 'del')
          return (
            <button
              key={k}
              type="button"
              className="yc-key yc-key--action"
              onClick={p.onDelete}
              disabled={p.disabled}
              data-key="del"
              aria-label={t(p.lang, 'common.delete')}
            >
              <Icon name="backspace" size={44} />
              <span className="yc-key__small">{t(p.lang, 'common.delete')}</span>
            </button>
          );
        if (k === 'clear')
          return (
            <button
              key={k}
              type="button"
              className="yc-key yc-key--action"
              onClick={p.onClear}
              disabled={p.disabled}
              data-key="clear"
            >
              <span className="yc-key__small">{t(p.lang, 'common.clear')}</span>
            </button>
          );
        return (
          <button
            key={k}
            type="button"
            className="yc-key"
            onClick={() => p.onKey(k)}
            disabled={p.disabled}
            data-key={k}
          >
            {k}
          </button>
        );
      })}
    </div>
  );
}
