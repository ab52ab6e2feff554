import type { ReactElement } from 'react';
import type { QueueView } from '@yichuang/protocol';
import { formatWait } from '@yichuang/ui';
import { ds } from '../strings.ts';
import { Bi } from './bilingual.tsx';

/** "预计 9 分钟"; with people waiting an estimate never says "no wait", at least "within a minute". */
function waitText(q: QueueView, lang: 'zh' | 'en'): string {
  if (q.waiting === 0) return ds(lang, 'noWait');
  if (q.estimatedWaitS < 60) return ds(lang, 'withinMinute');
  const text = formatWait(q.estimatedWaitS, lang);
  return lang === 'zh' ? `预计 ${text.replace(/^约\s*/, '')}` : text;
}

export function QueueBoard(p: { queues: QueueView[]; english: boolean }): ReactElement {
  return (
    <section className="panel queues" data-testid="queues">
      <h2 className="panel__title">
        <Bi k="queues" en={p.english} />
      </h2>
      {p.queues.length === 0 ? (
        <div className="queues__empty">
          <Bi k="noQueues" en={p.english} />
        </div>
      ) : (
        <ul className="queues__list" style={{ gridTemplateRows: `repeat(${p.queues.length}, minmax(0, 116px))` }}>
          {p.queues.map((q) => (
            <li key={q.id} className="q" data-testid={`queue-${q.id}`} data-waiting={q.waiting}>
              <span className="q__prefix">{q.prefix}</span>
              <span className="q__name">{q.name}</span>
              <span className="q__count">
                <span className="q__n">{q.waiting}</span>
                <span className="q__unit">人</span>
              </span>
              <span className="q__wait">
                {waitText(q, 'zh')}
                {p.english && <span className="bi-en"> {waitText(q, 'en')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
