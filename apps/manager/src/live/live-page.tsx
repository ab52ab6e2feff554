import type { ReactElement } from 'react';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';

export function LivePage(): ReactElement {
  const lang = useManager((s) => s.lang);
  return (
    <section className="m-page" data-testid="page-live">
      <h1 className="m-page__title">{mt(lang, 'nav.live')}</h1>
    </section>
  );
}
