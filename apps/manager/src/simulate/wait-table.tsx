import type { ReactElement } from 'react';
import type { WaitStats } from '@yichuang/simulator';
import { NONE, count, shortDuration } from '../reports/report-format.ts';
import type { Lang } from '../shell/make-strings.ts';
import { diffTone, waitRows } from './result-figures.ts';
import type { SimulationResult } from './sim-api.ts';
import { st } from './simulate-strings.ts';

type Measure = 'meanS' | 'p90S' | 'maxS';
const MEASURES: [Measure, 'col.mean' | 'col.p90' | 'col.max'][] = [
  ['meanS', 'col.mean'],
  ['p90S', 'col.p90'],
  ['maxS', 'col.max'],
];

const wait = (lang: Lang, s: WaitStats | null, m: Measure): string =>
  s === null || s.n === 0 ? NONE : shortDuration(lang, s[m]);

function Diff({ lang, a, b, m }: { lang: Lang; a: WaitStats; b: WaitStats | null; m: Measure }): ReactElement {
  if (b === null || a.n === 0 || b.n === 0) return <td className="m-num s-diff">{NONE}</td>;
  const d = b[m] - a[m];
  const tone = diffTone(a[m], b[m]);
  return (
    <td className={`m-num s-diff s-diff--${tone}`} data-tone={tone}>
      {tone === 'same' ? '±0' : `${d < 0 ? '−' : '+'}${shortDuration(lang, Math.abs(d))}`}
    </td>
  );
}

/** Mean, P90 and longest wait per queue for A and B side by side, B minus A after each. */
export function WaitTable({ lang, result }: { lang: Lang; result: SimulationResult }): ReactElement {
  const two = result.b !== null;
  const rows = waitRows(lang, result);
  return (
    <div className="s-scroll">
      <table className="m-table s-waits" data-testid="wait-table">
        <thead>
          <tr>
            <th rowSpan={2}>{st(lang, 'col.queue')}</th>
            <th colSpan={two ? 2 : 1} className="m-num">
              {st(lang, 'col.issued')}
            </th>
            {MEASURES.map(([, key]) => (
              <th key={key} colSpan={two ? 3 : 1} className="m-num s-waits__group">
                {st(lang, key)}
              </th>
            ))}
            <th colSpan={two ? 2 : 1} className="m-num s-waits__group">
              {st(lang, 'col.carried')}
            </th>
          </tr>
          {two && (
            <tr>
              <th className="m-num">A</th>
              <th className="m-num">B</th>
              {MEASURES.map(([m]) => [
                <th key={`${m}a`} className="m-num s-waits__group">
                  A
                </th>,
                <th key={`${m}b`} className="m-num">
                  B
                </th>,
                <th key={`${m}d`} className="m-num">
                  {st(lang, 'col.diff')}
                </th>,
              ])}
              <th className="m-num s-waits__group">A</th>
              <th className="m-num">B</th>
            </tr>
          )}
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`wait-row-${r.id}`} className={r.id === 'all' ? 's-waits__all' : undefined}>
              <td>{r.name}</td>
              <td className="m-num">{count(r.issued[0])}</td>
              {two && <td className="m-num">{count(r.issued[1] ?? 0)}</td>}
              {MEASURES.map(([m]) => [
                <td key={`${m}a`} className="m-num s-waits__group" data-col={`${m}.a`}>
                  {wait(lang, r.a, m)}
                </td>,
                ...(two
                  ? [
                      <td key={`${m}b`} className="m-num" data-col={`${m}.b`}>
                        {wait(lang, r.b, m)}
                      </td>,
                      <Diff key={`${m}d`} lang={lang} a={r.a} b={r.b} m={m} />,
                    ]
                  : []),
              ])}
              <td className="m-num s-waits__group">{count(r.carriedOver[0])}</td>
              {two && <td className="m-num">{count(r.carriedOver[1] ?? 0)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
