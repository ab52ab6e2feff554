import type { ReactElement } from 'react';
import type { DayReport } from '@yichuang/protocol';
import type { Lang } from '../../shell/make-strings.ts';
import { percent, weekday } from '../report-format.ts';
import { rt } from '../reports-strings.ts';
import { Num } from './table-cells.tsx';

/** A range day by day, with a bar of each day's arrivals against the busiest day's. */
export function DayTable(p: { lang: Lang; days: DayReport[] }): ReactElement {
  const { lang } = p;
  const peak = Math.max(1, ...p.days.map((d) => d.issued));
  return (
    <div className="r-scroll r-scroll--days">
      <table className="m-table r-table" data-testid="day-table">
        <thead>
          <tr>
            <th>{rt(lang, 'col.day')}</th>
            <th>{rt(lang, 'col.weekday')}</th>
            <th className="m-num">{rt(lang, 'col.issued')}</th>
            <th className="m-num">{rt(lang, 'col.served')}</th>
            <th className="m-num">{rt(lang, 'col.noShow')}</th>
            <th className="m-num">{rt(lang, 'col.servedRate')}</th>
            <th className="r-wide">{rt(lang, 'col.volume')}</th>
          </tr>
        </thead>
        <tbody>
          {p.days.map((d) => {
            const weekend = ['Sat', 'Sun'].includes(weekday('en', d.day));
            return (
              <tr key={d.day} data-testid={`day-row-${d.day}`} className={d.issued === 0 ? 'r-idle' : ''}>
                <td className="r-mono r-time">{d.day}</td>
                <td className={weekend ? 'm-muted' : ''}>{weekday(lang, d.day)}</td>
                <Num col="issued">{d.issued}</Num>
                <Num col="served">{d.served}</Num>
                <Num col="noShow">{d.noShow}</Num>
                <td className="m-num" data-col="servedRate">
                  {percent(d.issued === 0 ? 0 : d.served / d.issued, d.issued > 0)}
                </td>
                <td>{d.issued > 0 && <span className="r-bar" style={{ width: `${(d.issued / peak) * 100}%` }} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
