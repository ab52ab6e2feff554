import type { ReactElement } from 'react';
import { categoryIcon, Icon } from '@yichuang/ui';
import type { MobileService } from '../api/catalogue.ts';
import { useLang } from '../lang.ts';
import { linkTo, type Route } from '../router.ts';
import { serviceText } from '../service-text.ts';

/** Matters as a tappable list, each leading to its own next step (booking it, taking a ticket for it). */
export function ServiceLinks(p: {
  services: MobileService[];
  to: (serviceId: string) => Route;
  testIdPrefix: string;
}): ReactElement {
  const lang = useLang();
  return (
    <ul className="m-list">
      {p.services.map((s) => (
        <li key={s.id}>
          <a className="m-row" data-testid={`${p.testIdPrefix}${s.id}`} {...linkTo(p.to(s.id))}>
            <span className="m-row__icon">
              <Icon name={categoryIcon(s.category)} size={28} />
            </span>
            <span className="m-row__text">
              <b>{serviceText(s, lang).name}</b>
            </span>
            <Icon name="chevronRight" size={24} />
          </a>
        </li>
      ))}
    </ul>
  );
}
