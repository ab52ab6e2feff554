import type { ReactElement } from 'react';
import type { HallReport, OfficerReport } from '@yichuang/protocol';
import type { Lang } from '../../shell/make-strings.ts';
import { idleOfficer, signInSummary } from '../report-figures.ts';
import { shortDay, signInKind, signInText } from '../report-format.ts';
import { rt } from '../reports-strings.ts';
import { GroupTh, Num, PauseTds, PauseThs, RatingTds, RatingThs, StatTds, StatThs } from './table-cells.tsx';

/**
 * 提前10分钟上岗. For one day, the sign-in itself; over a range, how many days were on time, short or
 * late, with the days that were not on time listed (those are what a superior asks about).
 */
function SignIns(p: { lang: Lang; officer: OfficerReport; single: boolean; windowName: (id: string) => string }) {
  const { lang, officer } = p;
  if (officer.signIns.length === 0) return <span className="m-muted">{rt(lang, 'signIn.none')}</span>;
  const chip = (r: OfficerReport['signIns'][number], withDay: boolean): ReactElement => (
    <span key={`${r.day}-${r.windowId}`} className={`r-sign r-sign--${signInKind(r)}`} data-kind={signInKind(r)}>
      {withDay ? `${shortDay(r.day)} ` : ''}
      {p.single ? `${p.windowName(r.windowId)} ` : ''}
      {signInText(lang, r)}
    </span>
  );
  if (p.single) return <span className="r-signs">{officer.signIns.map((r) => chip(r, false))}</span>;
  const s = signInSummary(officer);
  return (
    <span className="r-signs">
      <span className="r-signs__sum">
        {rt(lang, 'signIn.summary', { early: s.early, short: s.short, late: s.late })}
      </span>
      {officer.signIns.filter((r) => !r.early).map((r) => chip(r, true))}
    </span>
  );
}

/** Per officer: service, pauses by reason, sign-ins against 提前10分钟上岗, ratings. */
export function OfficerTable(p: { lang: Lang; report: HallReport }): ReactElement {
  const { lang, report } = p;
  const single = report.from === report.to;
  const names = new Map(report.windows.map((w) => [w.id, w.name]));
  const windowName = (id: string): string => names.get(id) ?? id;
  // Officers with nothing in the period go last, dimmed: the roster is long, the day's staff is not.
  const rows = [...report.officers.filter((o) => !idleOfficer(o)), ...report.officers.filter(idleOfficer)];
  return (
    <div className="r-scroll">
      <table className="m-table r-table" data-testid="officer-table">
        <thead>
          <tr>
            <th rowSpan={2}>{rt(lang, 'col.officer')}</th>
            <th rowSpan={2} className="m-num">
              {rt(lang, 'col.served')}
            </th>
            <th rowSpan={2} className="m-num">
              {rt(lang, 'col.noShow')}
            </th>
            <GroupTh span={3}>{rt(lang, 'col.service')}</GroupTh>
            <GroupTh span={5}>{rt(lang, 'col.pause')}</GroupTh>
            <th rowSpan={2} className="r-group-start">
              {rt(lang, 'col.signIn')}
            </th>
            <GroupTh span={3}>{rt(lang, 'col.ratings')}</GroupTh>
          </tr>
          <tr>
            <StatThs lang={lang} />
            <PauseThs lang={lang} />
            <RatingThs lang={lang} />
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} data-testid={`officer-row-${o.id}`} className={idleOfficer(o) ? 'r-idle' : ''}>
              <td className="r-name">
                {o.name} <span className="m-muted">{lang === 'zh' ? `警号 ${o.id}` : `no. ${o.id}`}</span>
              </td>
              <Num col="served">{o.served}</Num>
              <Num col="noShow">{o.noShow}</Num>
              <StatTds lang={lang} stat={o.service} col="service" />
              <PauseTds pause={o.pauseMinutes} />
              <td className="r-group-start" data-col="signIns">
                <SignIns lang={lang} officer={o} single={single} windowName={windowName} />
              </td>
              <RatingTds ratings={o.ratings} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
