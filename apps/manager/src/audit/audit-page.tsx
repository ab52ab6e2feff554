import type { ReactElement } from 'react';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';

export function AuditPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  return (
    <section className="m-page" data-testid="page-audit">
      <h1 className="m-page__title">{mt(lang, 'nav.audit')}</h1>
    </section>
  );
}
