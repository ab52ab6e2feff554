import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from './icons.tsx';

export interface BigButtonProps {
  children: ReactNode;
  onClick?: () => void;
  variant?: 'primary' | 'secondary' | 'quiet' | 'green';
  /** l: at least 120 px tall (20 mm on a 1080×1920 kiosk); xl: the screen's main action. */
  size?: 'm' | 'l' | 'xl';
  icon?: IconName;
  /** A second, smaller line under the label. */
  hint?: ReactNode;
  disabled?: boolean;
  wide?: boolean;
  testId?: string;
}

/** The kiosk's one kind of button: big, high contrast, an optional icon and hint line. */
export function BigButton(p: BigButtonProps): ReactElement {
  const cls = ['yc-btn', `yc-btn--${p.variant ?? 'primary'}`, `yc-btn--${p.size ?? 'l'}`, p.wide ? 'yc-btn--wide' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type="button" className={cls} onClick={p.onClick} disabled={p.disabled} data-testid={p.testId}>
      {p.icon !== undefined && <Icon name={p.icon} size={p.size === 'xl' ? 64 : 48} />}
      <span className="yc-btn__text">
        <span className="yc-btn__label">{p.children}</span>
        {p.hint !== undefined && <span className="yc-btn__hint">{p.hint}</span>}
      </span>
    </button>
  );
}
