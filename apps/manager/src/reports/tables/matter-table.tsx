import type { ReactElement } from 'react';
import type { MatterReport, OutcomeCounts } from '@yichuang/protocol';
import type { Lang } from '../../shell/make-strings.ts';
import { rt, type ReportKey } from '../reports-strings.ts';
import { Num } from './table-cells.tsx';

const OUTCOMES = [
  'done',
  'accepted',
  'acceptedPending',
  'refused',
  'notice',
] as const satisfies readonly (keyof OutcomeCounts)[];

/** Matters handled and what came of each (办结/受理/容缺受理/不予受理/一次性告知), the hall's total last. */
export function MatterTable(p: { lang: Lang; matters: MatterReport[]; totals: OutcomeCounts }): ReactElement {
  const { lang } = p;
  const rows = p.matters.filter((m) => m.matters > 0).sort((a, b) => b.matters - a.matters);
  if (rows.length === 0)
    return (
      <p className="m-muted r-empty" data-testid="matter-table-empty">
        {rt(lang, 'matters.none')}
      </p>
    );
  return (
    <div className="r-scroll">
      <table className="m-table r-table" data-testid="matter-table">
        <thead>
          <tr>
            <th>{rt(lang, 'col.matter')}</th>
            <th className="m-num">{rt(lang, 'col.matters')}</th>
            {OUTCOMES.map((o) => (
              <th key={o} className="m-num">
                {rt(lang, `col.outcome.${o}` as ReportKey)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-testid={`matter-row-${m.id}`}>
              <td>{m.name}</td>
              <Num col="matters">{m.matters}</Num>
              {OUTCOMES.map((o) => (
                <Num key={o} col={o}>
                  {m[o]}
                </Num>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="matter-row-total">
            <td>{rt(lang, 'col.total')}</td>
            <Num col="matters">{p.totals.matters}</Num>
            {OUTCOMES.map((o) => (
              <Num key={o} col={o}>
                {p.totals[o]}
              </Num>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
