import type { ReactElement } from 'react';
import { Icon, t } from '@yichuang/ui';

/** Opened without a device key: say so in both languages; nothing else can work. */
export function NotConfiguredScreen(): ReactElement {
  return (
    <div className="kiosk">
      <header className="k-header">
        <div className="k-header__top">
          <div className="k-brand">
            <div className="k-emblem">
              <Icon name="emblem" size={60} />
            </div>
            <div className="k-brand__name">一窗 Yichuang</div>
          </div>
        </div>
      </header>
      <main className="k-main">
        <section className="k-state" data-screen="not-configured" role="alert">
          <div className="k-state__icon k-state__icon--bad">
            <Icon name="alert" size={120} />
          </div>
          <h2 className="k-state__title">{t('zh', 'notConfigured.title')}</h2>
          <p className="k-state__body">{t('zh', 'notConfigured.body')}</p>
          <h2 className="k-state__title k-state__title--en" lang="en">
            {t('en', 'notConfigured.title')}
          </h2>
          <p className="k-state__body" lang="en">
            {t('en', 'notConfigured.body')}
          </p>
        </section>
      </main>
    </div>
  );
}
