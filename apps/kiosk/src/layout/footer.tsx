import type { ReactElement } from 'react';
import { Icon, t } from '@yichuang/ui';
import { useKiosk } from '../kiosk-store.ts';

/** Where to call: consultation and complaint phones, as the service-hall rules require. */
export function Footer(): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const phones = useKiosk((s) => s.catalogue?.hall.phones);
  return (
    <footer className="k-footer">
      <div className="k-footer__phones">
        {phones?.consult !== undefined && (
          <span className="k-footer__phone">
            <Icon name="phone" size={32} />
            {t(lang, 'app.consult')} <b className="num">{phones.consult}</b>
          </span>
        )}
        {phones?.complaint !== undefined && (
          <span className="k-footer__phone">
            {t(lang, 'app.complaint')} <b className="num">{phones.complaint}</b>
          </span>
        )}
      </div>
    </footer>
  );
}
