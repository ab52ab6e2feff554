import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from './icons.tsx';

export type BannerTone = 'info' | 'success' | 'warning' | 'danger';

const toneIcon: Record<BannerTone, IconName> = { info: 'info', success: 'check', warning: 'alert', danger: 'alert' };

/** A full-width message: what happened, in plain words, with an icon that matches its tone. */
export function StatusBanner(p: {
  tone: BannerTone;
  title: ReactNode;
  children?: ReactNode;
  icon?: IconName;
  testId?: string;
}): ReactElement {
  return (
    <div
      className={`yc-banner yc-banner--${p.tone}`}
      role={p.tone === 'danger' || p.tone === 'warning' ? 'alert' : 'status'}
      data-testid={p.testId}
    >
      <Icon name={p.icon ?? toneIcon[p.tone]} size={56} />
      <div className="yc-banner__text">
        <div className="yc-banner__title">{p.title}</div>
        {p.children !== undefined && <div className="yc-banner__body">{p.children}</div>}
      </div>
    </div>
  );
}
