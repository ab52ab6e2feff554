import type { ReactElement } from 'react';
import type { PauseMinutes, RatingSummary, Stat } from '@yichuang/protocol';
import { pauseReasonLabel } from '@yichuang/ui';
import type { Lang } from '../../shell/make-strings.ts';
import { count, lowCount, minutes, pauseTotal, satisfaction, statCells } from '../report-format.ts';
import { rt } from '../reports-strings.ts';

export const PAUSE_REASONS = ['away', 'meeting', 'meal', 'other'] as const;

/** A figure right-aligned in tabular digits; a zero is greyed so the eye finds what is not. */
export function Num(p: { col: string; children: string | number; start?: boolean }): ReactElement {
  const text = typeof p.children === 'number' ? count(p.children) : p.children;
  const quiet = p.children === 0 || p.children === '0';
  return (
    <td className={`m-num ${quiet ? 'r-zero' : ''} ${p.start === true ? 'r-group-start' : ''}`} data-col={p.col}>
      {text}
    </td>
  );
}

/** Three cells: mean, median, P90 of a stat. */
export function StatTds(p: { lang: Lang; stat: Stat; col: string }): ReactElement {
  const [mean, p50, p90] = statCells(p.lang, p.stat);
  return (
    <>
      <td className="m-num r-group-start" data-col={`${p.col}.mean`}>
        {mean}
      </td>
      <td className="m-num" data-col={`${p.col}.p50`}>
        {p50}
      </td>
      <td className="m-num" data-col={`${p.col}.p90`}>
        {p90}
      </td>
    </>
  );
}

export function StatThs(p: { lang: Lang }): ReactElement {
  return (
    <>
      <th className="m-num r-group-start">{rt(p.lang, 'col.mean')}</th>
      <th className="m-num">{rt(p.lang, 'col.p50')}</th>
      <th className="m-num">{rt(p.lang, 'col.p90')}</th>
    </>
  );
}

/** Pause minutes by reason, then their sum. */
export function PauseTds(p: { pause: PauseMinutes }): ReactElement {
  return (
    <>
      {PAUSE_REASONS.map((r, i) => (
        <td
          key={r}
          className={`m-num ${i === 0 ? 'r-group-start' : ''} ${p.pause[r] === 0 ? 'r-zero' : ''}`}
          data-col={`pause.${r}`}
        >
          {minutes(p.pause[r])}
        </td>
      ))}
      <Num col="pause.total">{minutes(pauseTotal(p.pause))}</Num>
    </>
  );
}

export function PauseThs(p: { lang: Lang }): ReactElement {
  return (
    <>
      {PAUSE_REASONS.map((r, i) => (
        <th key={r} className={`m-num ${i === 0 ? 'r-group-start' : ''}`}>
          {pauseReasonLabel(p.lang, r)}
        </th>
      ))}
      <th className="m-num">{rt(p.lang, 'col.total')}</th>
    </>
  );
}

/** Rating count, satisfied share, low count (red when there is any). */
export function RatingTds(p: { ratings: RatingSummary }): ReactElement {
  const low = lowCount(p.ratings);
  return (
    <>
      <Num col="ratings.count" start>
        {p.ratings.count}
      </Num>
      <td className="m-num" data-col="ratings.satisfied">
        {satisfaction(p.ratings)}
      </td>
      <td className={`m-num ${low > 0 ? 'r-bad' : 'r-zero'}`} data-col="ratings.low">
        {count(low)}
      </td>
    </>
  );
}

export function RatingThs(p: { lang: Lang }): ReactElement {
  return (
    <>
      <th className="m-num r-group-start">{rt(p.lang, 'col.ratingCount')}</th>
      <th className="m-num">{rt(p.lang, 'col.satisfied')}</th>
      <th className="m-num">{rt(p.lang, 'col.low')}</th>
    </>
  );
}

/** A header cell over a group of columns (二级表头). */
export function GroupTh(p: { span: number; children: string }): ReactElement {
  return (
    <th colSpan={p.span} className="r-group">
      {p.children}
    </th>
  );
}
