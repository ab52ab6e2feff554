import type { ReactElement } from 'react';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';

export function ConfigPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  return (
    <section className="m-page" data-testid="page-config">
      <h1 className="m-page__title">{mt(lang, 'nav.config')}</h1>
    </section>
  );
}
