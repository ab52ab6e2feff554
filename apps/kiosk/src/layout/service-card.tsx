import type { ReactElement } from 'react';
import type { Catalogue, QueueView } from '@yichuang/protocol';
import { Icon, t, type Lang } from '@yichuang/ui';
import { queueName, serviceText } from '../catalogue-text.ts';

/** A matter as a large card: its name, its queue and how many wait there. */
export function ServiceCard(p: {
  service: Catalogue['services'][number];
  queue: { prefix: string; name: string; nameEn?: string } | undefined;
  view: QueueView | undefined;
  lang: Lang;
  onOpen: () => void;
}): ReactElement {
  const waiting = p.view?.waiting ?? 0;
  return (
    <button type="button" className="k-card" onClick={p.onOpen} data-testid={`service-${p.service.id}`}>
      <span className="k-card__text">
        <span className="k-card__name">{serviceText(p.service, p.lang).name}</span>
        <span className="k-card__meta">
          {p.queue !== undefined && (
            <span className="k-chip">
              <b className="num">{p.queue.prefix}</b> {queueName(p.queue, p.lang)}
            </span>
          )}
          <span className={waiting > 0 ? 'k-waiting' : 'k-waiting k-waiting--none'}>
            {waiting > 0 ? t(p.lang, 'common.waiting', { n: waiting }) : t(p.lang, 'common.waitingNone')}
          </span>
        </span>
      </span>
      <Icon name="chevronRight" size={52} />
    </button>
  );
}
