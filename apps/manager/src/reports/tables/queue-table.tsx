import type { ReactElement } from 'react';
import type { QueueReport } from '@yichuang/protocol';
import type { Lang } from '../../shell/make-strings.ts';
import { rt } from '../reports-strings.ts';
import { GroupTh, Num, StatTds, StatThs } from './table-cells.tsx';

/** Per call line (大小业务分类叫号): how many came, were served or missed, and how long they waited. */
export function QueueTable(p: { lang: Lang; queues: QueueReport[] }): ReactElement {
  const { lang } = p;
  return (
    <div className="r-scroll">
      <table className="m-table r-table" data-testid="queue-table">
        <thead>
          <tr>
            <th rowSpan={2}>{rt(lang, 'col.queue')}</th>
            <th rowSpan={2} className="m-num">
              {rt(lang, 'col.issued')}
            </th>
            <th rowSpan={2} className="m-num">
              {rt(lang, 'col.served')}
            </th>
            <th rowSpan={2} className="m-num">
              {rt(lang, 'col.noShow')}
            </th>
            <th rowSpan={2} className="m-num" title={rt(lang, 'col.transferredHint')}>
              {rt(lang, 'col.transferred')}
            </th>
            <th rowSpan={2} className="m-num">
              {rt(lang, 'col.carriedOver')}
            </th>
            <GroupTh span={3}>{rt(lang, 'col.wait')}</GroupTh>
            <GroupTh span={3}>{rt(lang, 'col.service')}</GroupTh>
          </tr>
          <tr>
            <StatThs lang={lang} />
            <StatThs lang={lang} />
          </tr>
        </thead>
        <tbody>
          {p.queues.map((q) => (
            <tr key={q.id} data-testid={`queue-row-${q.id}`}>
              <td>
                <span className="r-prefix">{q.prefix}</span>
                {q.name}
              </td>
              <Num col="issued">{q.issued}</Num>
              <Num col="served">{q.served}</Num>
              <Num col="noShow">{q.noShow}</Num>
              <Num col="transferred">{q.transferred}</Num>
              <Num col="carriedOver">{q.carriedOver}</Num>
              <StatTds lang={lang} stat={q.wait} col="wait" />
              <StatTds lang={lang} stat={q.service} col="service" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
