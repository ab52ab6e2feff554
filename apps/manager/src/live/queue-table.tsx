import type { ReactElement } from 'react';
import type { QueueView, WindowView } from '@yichuang/protocol';
import { formatEstimate } from '@yichuang/ui';
import { duration, type Lang } from '../shell/make-strings.ts';
import { lt } from './live-strings.ts';

const staffed = (w: WindowView): boolean =>
  w.open && (w.state === 'idle' || w.state === 'calling' || w.state === 'serving');

/**
 * Every queue's line: how many wait, the longest wait so far, the estimate for someone taking a
 * ticket now, and which windows serve it (those staffed now in bold), so an overloaded queue and
 * the window that could help are seen together.
 */
export function QueueTable(p: {
  queues: QueueView[];
  windows: WindowView[];
  lang: Lang;
  maxWaitMinutes: number;
}): ReactElement {
  const { lang } = p;
  return (
    <section className="m-card l-queues" data-testid="queue-table">
      <div className="m-card__head">
        <h2 className="m-card__title">{lt(lang, 'queues.title')}</h2>
        <span className="m-gap" />
        <span className="l-legend">
          <span className="l-wn l-wn--on">1</span>
          {lt(lang, 'queues.legendOn')}
          <span className="l-wn">1</span>
          {lt(lang, 'queues.legendOff')}
        </span>
      </div>
      <table className="m-table">
        <thead>
          <tr>
            <th>{lt(lang, 'queues.name')}</th>
            <th className="m-num">{lt(lang, 'queues.waiting')}</th>
            <th className="m-num">{lt(lang, 'queues.longest')}</th>
            <th className="m-num">{lt(lang, 'queues.estimate')}</th>
            <th>{lt(lang, 'queues.windows')}</th>
          </tr>
        </thead>
        <tbody>
          {p.queues.map((q) => {
            // A closed window serves nobody, whatever its queues say.
            const serving = p.windows.filter((w) => w.open && (w.queues === 'all' || w.queues.includes(q.id)));
            const anyStaffed = serving.some(staffed);
            const overdue = q.waiting > 0 && q.longestWaitS >= p.maxWaitMinutes * 60;
            return (
              <tr key={q.id} data-testid={`queue-${q.id}`}>
                <td>
                  <span className="l-prefix m-num">{q.prefix}</span>
                  {q.name}
                </td>
                <td className="m-num l-queues__waiting" data-testid={`queue-${q.id}-waiting`}>
                  {lt(lang, 'queues.people', { n: q.waiting })}
                </td>
                <td className={`m-num ${overdue ? 'l-warn' : ''}`}>
                  {q.waiting === 0 ? '—' : duration(lang, q.longestWaitS)}
                </td>
                <td className="m-num">{q.waiting === 0 ? '—' : formatEstimate(q, lang)}</td>
                <td className="l-queues__windows">
                  {serving.map((w) => (
                    <span key={w.id} className={`l-wn m-num ${staffed(w) ? 'l-wn--on' : ''}`} title={w.name}>
                      {w.number}
                    </span>
                  ))}
                  {!anyStaffed && q.waiting > 0 && <span className="l-warn">{lt(lang, 'queues.nobody')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
