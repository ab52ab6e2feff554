import type { ReactElement } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { BigButton, Keypad, t } from '@yichuang/ui';
import { searchServices } from '../catalogue.ts';
import { useQueues } from '../hub-context.tsx';
import { useKiosk } from '../kiosk-store.ts';
import { ScreenFrame } from '../layout/screen-frame.tsx';
import { ScrollBox } from '../layout/scroll-box.tsx';
import { ServiceCard } from '../layout/service-card.tsx';

const MAX_LETTERS = 12;

/**
 * Find a matter by the pinyin initials of its name (无犯罪记录证明 → WFZJLZM) on an A–Z keyboard: the
 * keyboard under the results on a portrait screen, beside them on a landscape one. The results scroll
 * in their own box, with a tab when more are below.
 */
export function SearchScreen({ catalogue, query }: { catalogue: Catalogue; query: string }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const { go, update, back } = useKiosk.getState();
  const queues = useQueues();
  const found = searchServices(catalogue, query);
  const set = (q: string): void => update({ name: 'search', query: q.slice(0, MAX_LETTERS) });
  return (
    <ScreenFrame
      name="search"
      title={t(lang, 'search.title')}
      actions={
        <BigButton variant="quiet" icon="back" onClick={back} testId="back">
          {t(lang, 'common.back')}
        </BigButton>
      }
      side={
        <Keypad
          layout="letters"
          lang={lang}
          onKey={(k) => set(query + k)}
          onDelete={() => set(query.slice(0, -1))}
          onClear={() => set('')}
        />
      }
    >
      <div className="k-entry" data-testid="search-query">
        {query === '' ? (
          <span className="k-entry__placeholder">{t(lang, 'search.placeholder')}</span>
        ) : (
          <span className="k-entry__value num">{query.split('').join(' ')}</span>
        )}
      </div>
      <div className="k-results__count" data-testid="search-count">
        {query === ''
          ? t(lang, 'search.start')
          : found.length === 0
            ? t(lang, 'search.none')
            : t(lang, found.length > 3 ? 'search.foundMore' : 'search.found', { n: found.length })}
      </div>
      <ScrollBox className="k-results" testId="search-results" label="results">
        {found.map((s) => (
          <ServiceCard
            key={s.id}
            service={s}
            queue={catalogue.queues.find((q) => q.id === s.queue)}
            view={queues.get(s.queue)}
            lang={lang}
            onOpen={() => go({ name: 'guide', serviceId: s.id })}
          />
        ))}
      </ScrollBox>
    </ScreenFrame>
  );
}
