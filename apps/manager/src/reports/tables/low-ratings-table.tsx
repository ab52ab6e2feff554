import type { ReactElement } from 'react';
import type { HallReport } from '@yichuang/protocol';
import { clockTime, type Lang } from '../../shell/make-strings.ts';
import { levelLabel, reasonLabel, shortDay } from '../report-format.ts';
import { businessDay } from '@yichuang/engine';
import { rt } from '../reports-strings.ts';

/** Every rating of 不满意 or worse with its reason, for the follow-up the rules ask of each one. */
export function LowRatingsTable(p: { lang: Lang; report: HallReport; timeZone: string }): ReactElement {
  const { lang, report, timeZone } = p;
  const low = report.ratings.low;
  if (low.length === 0)
    return (
      <p className="m-muted r-empty" data-testid="low-ratings-none">
        {rt(lang, 'low.none')}
      </p>
    );
  const windows = new Map(report.windows.map((w) => [w.id, w.name]));
  const officers = new Map(report.officers.map((o) => [o.id, o.name]));
  const single = report.from === report.to;
  return (
    <div className="r-scroll">
      <table className="m-table r-table" data-testid="low-ratings-table">
        <thead>
          <tr>
            <th>{rt(lang, 'col.time')}</th>
            <th>{rt(lang, 'col.ticket')}</th>
            <th>{rt(lang, 'col.window')}</th>
            <th>{rt(lang, 'col.officer')}</th>
            <th>{rt(lang, 'col.level')}</th>
            <th className="r-wide">{rt(lang, 'col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {low.map((r) => (
            <tr key={`${r.ticketNumber}-${r.at}`} data-testid={`low-row-${r.ticketNumber}`}>
              <td className="r-mono r-time" data-col="at">
                {single ? '' : `${shortDay(businessDay(r.at, timeZone))} `}
                {clockTime(r.at, timeZone)}
              </td>
              <td className="r-mono r-ticket" data-col="ticket">
                {r.ticketNumber}
              </td>
              <td data-col="window">{windows.get(r.windowId) ?? r.windowId}</td>
              <td data-col="officer">{officers.get(r.officerId) ?? r.officerId}</td>
              <td data-col="level">
                <span className={`r-level r-level--${r.level}`}>{levelLabel(lang, r.level)}</span>
              </td>
              <td data-col="reason">{reasonLabel(lang, r.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
