import type { ReactElement } from 'react';
import type { ComplaintTotals, HallReport, PauseMinutes } from '@yichuang/protocol';
import { pauseReasonLabel } from '@yichuang/ui';
import type { Lang } from '../../shell/make-strings.ts';
import { ct } from '../tables/complaints-table.tsx';
import {
  count,
  lowCount,
  minutes,
  NONE,
  pauseTotal,
  percent,
  satisfaction,
  shortDuration,
  signInText,
} from '../report-format.ts';
import { idleOfficer, signInSummary } from '../report-figures.ts';
import { rt } from '../reports-strings.ts';
import { PAUSE_REASONS } from '../tables/table-cells.tsx';

/* The print view's tables: the screen tables' figures folded into fewer, wider columns, so a day fits
   the width of an A4 sheet in type a superior can read without a magnifier. */

const mean = (lang: Lang, s: { count: number; meanS: number }): string =>
  s.count === 0 ? NONE : shortDuration(lang, s.meanS);
const p90 = (lang: Lang, s: { count: number; p90S: number }): string =>
  s.count === 0 ? NONE : shortDuration(lang, s.p90S);

/** "用餐 40 · 离岗 5": only the reasons that happened. */
function pauseDetail(lang: Lang, p: PauseMinutes): string {
  const parts = PAUSE_REASONS.filter((r) => p[r] > 0).map((r) => `${pauseReasonLabel(lang, r)} ${minutes(p[r])}`);
  return parts.length === 0 ? '' : parts.join(' · ');
}

export function PrintQueues(p: { lang: Lang; report: HallReport }): ReactElement {
  const { lang } = p;
  return (
    <table className="r-ptable">
      <thead>
        <tr>
          <th>{rt(lang, 'col.queue')}</th>
          <th>{rt(lang, 'col.issued')}</th>
          <th>{rt(lang, 'col.served')}</th>
          <th>{rt(lang, 'col.noShow')}</th>
          <th>{rt(lang, 'col.transferred')}</th>
          <th>{rt(lang, 'col.carriedOver')}</th>
          <th>{rt(lang, 'print.meanWait')}</th>
          <th>{rt(lang, 'print.p90Wait')}</th>
          <th>{rt(lang, 'print.meanService')}</th>
        </tr>
      </thead>
      <tbody>
        {p.report.queues.map((q) => (
          <tr key={q.id}>
            <td>
              {q.prefix} {q.name}
            </td>
            <td>{count(q.issued)}</td>
            <td>{count(q.served)}</td>
            <td>{count(q.noShow)}</td>
            <td>{count(q.transferred)}</td>
            <td>{count(q.carriedOver)}</td>
            <td>{mean(lang, q.wait)}</td>
            <td>{p90(lang, q.wait)}</td>
            <td>{mean(lang, q.service)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PrintWindows(p: { lang: Lang; report: HallReport; promisedS: number | null }): ReactElement {
  const { lang } = p;
  return (
    <table className="r-ptable" data-testid="print-windows">
      <thead>
        <tr>
          <th>{rt(lang, 'col.window')}</th>
          <th>{rt(lang, 'col.served')}</th>
          <th>{rt(lang, 'col.noShow')}</th>
          <th>{rt(lang, 'print.meanService')}</th>
          <th>{rt(lang, 'col.busyShare')}</th>
          <th>{rt(lang, 'print.pauseMinutes')}</th>
          <th>{rt(lang, 'print.emptyPost')}</th>
          <th>{rt(lang, 'col.satisfied')}</th>
          <th>{rt(lang, 'col.low')}</th>
        </tr>
      </thead>
      <tbody>
        {p.report.windows.map((w) => {
          const total = pauseTotal(w.pauseMinutes);
          const open = p.promisedS ?? 0;
          return (
            <tr key={w.id}>
              <td>{w.name}</td>
              <td>{count(w.served)}</td>
              <td>{count(w.noShow)}</td>
              <td>{mean(lang, w.service)}</td>
              <td>{percent(open > 0 ? w.busyS / open : 0, open > 0)}</td>
              <td className="r-ptable__wrap">
                {minutes(total)}
                {total > 0 && <span className="r-ptable__detail">{pauseDetail(lang, w.pauseMinutes)}</span>}
              </td>
              <td className={w.emptyPostMinutes > 0 ? 'r-bad' : ''}>
                {rt(lang, 'print.emptyValue', { m: minutes(w.emptyPostMinutes), n: w.emptyPosts })}
              </td>
              <td>{satisfaction(w.ratings)}</td>
              <td>{count(lowCount(w.ratings))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function PrintOfficers(p: { lang: Lang; report: HallReport }): ReactElement {
  const { lang, report } = p;
  const single = report.from === report.to;
  const names = new Map(report.windows.map((w) => [w.id, w.name]));
  return (
    <table className="r-ptable" data-testid="print-officers">
      <thead>
        <tr>
          <th>{rt(lang, 'col.officer')}</th>
          <th>{rt(lang, 'col.served')}</th>
          <th>{rt(lang, 'print.meanService')}</th>
          <th>{rt(lang, 'print.pauseMinutes')}</th>
          <th>{rt(lang, 'col.signIn')}</th>
          <th>{rt(lang, 'col.ratingCount')}</th>
          <th>{rt(lang, 'col.satisfied')}</th>
          <th>{rt(lang, 'col.low')}</th>
        </tr>
      </thead>
      <tbody>
        {report.officers
          .filter((o) => !idleOfficer(o))
          .map((o) => {
            const s = signInSummary(o);
            const signIn =
              o.signIns.length === 0
                ? rt(lang, 'signIn.none')
                : single
                  ? o.signIns.map((r) => `${names.get(r.windowId) ?? r.windowId} ${signInText(lang, r)}`).join('；')
                  : rt(lang, 'signIn.summary', { early: s.early, short: s.short, late: s.late });
            return (
              <tr key={o.id}>
                <td>{lang === 'zh' ? `${o.name}（警号 ${o.id}）` : `${o.name} (no. ${o.id})`}</td>
                <td>{count(o.served)}</td>
                <td>{mean(lang, o.service)}</td>
                <td className="r-ptable__wrap">
                  {minutes(pauseTotal(o.pauseMinutes))}
                  {pauseTotal(o.pauseMinutes) > 0 && (
                    <span className="r-ptable__detail">{pauseDetail(lang, o.pauseMinutes)}</span>
                  )}
                </td>
                <td className={o.signIns.some((r) => !r.early) ? 'r-bad' : ''}>{signIn}</td>
                <td>{count(o.ratings.count)}</td>
                <td>{satisfaction(o.ratings)}</td>
                <td>{count(lowCount(o.ratings))}</td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}

/** 投诉与回访 on paper: the six counts in one table row (the screen shows them as tiles). */
export function PrintComplaints(p: { lang: Lang; totals: ComplaintTotals }): ReactElement {
  const { lang, totals: c } = p;
  const cells: [Parameters<typeof ct>[1], number][] = [
    ['received', c.received],
    ['closed', c.closed],
    ['open', c.open],
    ['followUps', c.followUps.opened],
    ['fuClosed', c.followUps.closed],
    ['fuOpen', c.followUps.open],
  ];
  return (
    <table className="r-ptable r-ptable--totals" data-testid="print-complaints">
      <tbody>
        <tr>
          {cells.map(([key]) => (
            <th key={key}>{ct(lang, key)}</th>
          ))}
        </tr>
        <tr>
          {cells.map(([key, n]) => (
            <td key={key} data-col={key}>
              {count(n)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
