import type { ReactElement } from 'react';
import { Icon, t, type Lang } from '@yichuang/ui';

export type LinkProblem = 'connecting' | 'offline' | 'bad-key' | 'protocol';

const TEXT = {
  connecting: { title: 'connecting', body: null },
  offline: { title: 'offline.title', body: 'offline.body' },
  'bad-key': { title: 'badKey.title', body: 'badKey.body' },
  protocol: { title: 'protocol.title', body: 'protocol.body' },
} as const;

/** No ticket can be taken: the hub is out of reach (it reconnects by itself) or refuses this device. */
export function LinkScreen({ problem, lang }: { problem: LinkProblem; lang: Lang }): ReactElement {
  const text = TEXT[problem];
  const retrying = problem === 'connecting' || problem === 'offline';
  return (
    <section className="k-state" data-screen={problem} role="alert">
      <div
        className={problem === 'connecting' ? 'k-state__icon k-state__icon--info' : 'k-state__icon k-state__icon--bad'}
      >
        <Icon name={problem === 'offline' ? 'offline' : problem === 'connecting' ? 'clock' : 'alert'} size={120} />
      </div>
      <h2 className="k-state__title">{t(lang, text.title)}</h2>
      {text.body !== null && <p className="k-state__body">{t(lang, text.body)}</p>}
      {retrying && <span className="yc-spinner k-state__spinner" />}
    </section>
  );
}
