import { useRef, type ReactElement } from 'react';
import type { Catalogue } from '@yichuang/protocol';
import { BigButton, categoryLabel, t } from '@yichuang/ui';
import { useQueues } from '../hub-context.tsx';
import { useKiosk } from '../kiosk-store.ts';
import { Pager, ScreenFrame } from '../layout/screen-frame.tsx';
import { ServiceCard } from '../layout/service-card.tsx';
import { useFitCount } from '../layout/use-fit-count.ts';

/**
 * A category's matters as cards, a page at a time: as many as fit whole on this screen (fewer, larger
 * ones in 适老模式: turning a page is easier than scrolling for unsteady hands).
 */
export function CategoryScreen(p: { catalogue: Catalogue; category: string; page: number }): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const elderly = useKiosk((s) => s.elderly);
  const { go, update, back } = useKiosk.getState();
  const queues = useQueues();
  const grid = useRef<HTMLDivElement>(null);
  const size = useFitCount(grid, elderly ? 3 : 8, `${elderly}`);
  const services = p.catalogue.services.filter((s) => (s.category || s.queue) === p.category);
  const pages = Math.max(1, Math.ceil(services.length / size));
  const page = Math.min(p.page, pages - 1);
  const shown = services.slice(page * size, page * size + size);
  return (
    <ScreenFrame
      name="category"
      eyebrow={t(lang, 'category.choose')}
      title={categoryLabel(lang, p.category)}
      actions={
        <div className="k-stack k-stack--pager">
          <Pager
            page={page}
            pages={pages}
            onPage={(n) => update({ name: 'category', category: p.category, page: n })}
            labels={{
              prev: t(lang, 'common.prev'),
              next: t(lang, 'common.next'),
              page: t(lang, 'common.page', { page: page + 1, pages }),
            }}
          />
          <BigButton variant="quiet" icon="back" onClick={back} testId="back" wide={pages > 1}>
            {t(lang, 'common.back')}
          </BigButton>
        </div>
      }
    >
      <div className="k-cards k-fill" ref={grid}>
        {shown.map((s) => (
          <ServiceCard
            key={s.id}
            service={s}
            queue={p.catalogue.queues.find((q) => q.id === s.queue)}
            view={queues.get(s.queue)}
            lang={lang}
            onOpen={() => go({ name: 'guide', serviceId: s.id })}
          />
        ))}
      </div>
    </ScreenFrame>
  );
}
