import type { ReactElement } from 'react';
import type { HallReport, PauseMinutes, WindowReport } from '@yichuang/protocol';
import type { Lang } from '../../shell/make-strings.ts';
import { count, minutes, percent, shortDuration } from '../report-format.ts';
import { rt } from '../reports-strings.ts';
import { GroupTh, Num, PauseTds, PauseThs, RatingTds, RatingThs, StatTds, StatThs } from './table-cells.tsx';

/**
 * Busy time and its share of the promised hours of `windows` windows (promisedS is null while the
 * hall's hours are not known yet).
 */
function BusyTds(p: { lang: Lang; busyS: number; promisedS: number | null; windows?: number }): ReactElement {
  const open = p.promisedS === null ? 0 : p.promisedS * (p.windows ?? 1);
  return (
    <>
      <td className="m-num r-group-start" data-col="busy">
        {shortDuration(p.lang, p.busyS)}
      </td>
      <td className="m-num" data-col="busyShare">
        {percent(open > 0 ? p.busyS / open : 0, open > 0)}
      </td>
    </>
  );
}

function sumPauses(windows: WindowReport[]): PauseMinutes {
  const out: PauseMinutes = { away: 0, meeting: 0, meal: 0, other: 0 };
  for (const w of windows) for (const k of ['away', 'meeting', 'meal', 'other'] as const) out[k] += w.pauseMinutes[k];
  return out;
}

/**
 * Per window: service, load, pauses by reason and 空岗 (empty post during promised hours, kept for
 * 责任追究), and its ratings; the foot row is the whole hall.
 */
export function WindowTable(p: { lang: Lang; report: HallReport; promisedS: number | null }): ReactElement {
  const { lang, report } = p;
  const ws = report.windows;
  const emptyMinutes = ws.reduce((n, w) => n + w.emptyPostMinutes, 0);
  return (
    <div className="r-scroll">
      <table className="m-table r-table" data-testid="window-table">
        <thead>
          <tr>
            <th rowSpan={2}>{rt(lang, 'col.window')}</th>
            <th rowSpan={2} className="m-num">
              {rt(lang, 'col.served')}
            </th>
            <th rowSpan={2} className="m-num">
              {rt(lang, 'col.noShow')}
            </th>
            <GroupTh span={3}>{rt(lang, 'col.service')}</GroupTh>
            <GroupTh span={2}>{rt(lang, 'col.load')}</GroupTh>
            <GroupTh span={5}>{rt(lang, 'col.pause')}</GroupTh>
            <GroupTh span={2}>{rt(lang, 'col.empty')}</GroupTh>
            <GroupTh span={3}>{rt(lang, 'col.ratings')}</GroupTh>
          </tr>
          <tr>
            <StatThs lang={lang} />
            <th className="m-num r-group-start">{rt(lang, 'col.busy')}</th>
            <th className="m-num" title={rt(lang, 'col.busyShareHint')}>
              {rt(lang, 'col.busyShare')}
            </th>
            <PauseThs lang={lang} />
            <th className="m-num r-group-start">{rt(lang, 'col.emptyMinutes')}</th>
            <th className="m-num">{rt(lang, 'col.emptyCount')}</th>
            <RatingThs lang={lang} />
          </tr>
        </thead>
        <tbody>
          {ws.map((w) => (
            <tr key={w.id} data-testid={`window-row-${w.id}`}>
              <td className="r-name">{w.name}</td>
              <Num col="served">{w.served}</Num>
              <Num col="noShow">{w.noShow}</Num>
              <StatTds lang={lang} stat={w.service} col="service" />
              <BusyTds lang={lang} busyS={w.busyS} promisedS={p.promisedS} />
              <PauseTds pause={w.pauseMinutes} />
              <td
                className={`m-num r-group-start ${w.emptyPostMinutes > 0 ? 'r-bad' : 'r-zero'}`}
                data-col="emptyMinutes"
              >
                {minutes(w.emptyPostMinutes)}
              </td>
              <Num col="emptyPosts">{w.emptyPosts}</Num>
              <RatingTds ratings={w.ratings} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="window-row-hall">
            <td>{rt(lang, 'col.hall')}</td>
            <Num col="served">{report.totals.served}</Num>
            <Num col="noShow">{report.totals.noShow}</Num>
            <StatTds lang={lang} stat={report.totals.service} col="service" />
            <BusyTds
              lang={lang}
              busyS={ws.reduce((n, w) => n + w.busyS, 0)}
              promisedS={p.promisedS}
              windows={Math.max(1, ws.length)}
            />
            <PauseTds pause={sumPauses(ws)} />
            <td className={`m-num r-group-start ${emptyMinutes > 0 ? 'r-bad' : 'r-zero'}`} data-col="emptyMinutes">
              {minutes(emptyMinutes)}
            </td>
            <td className="m-num" data-col="emptyPosts">
              {count(ws.reduce((n, w) => n + w.emptyPosts, 0))}
            </td>
            <RatingTds ratings={report.ratings} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
