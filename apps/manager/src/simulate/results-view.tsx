import { useEffect, useRef, type ReactElement } from 'react';
import type { SimulationOutput } from '@yichuang/simulator';
import { NONE, count, percent, shortDuration, weekday } from '../reports/report-format.ts';
import type { Lang } from '../shell/make-strings.ts';
import { ResultCharts } from './charts/result-charts.tsx';
import { dayClock } from './day-clock.ts';
import { diffTone, meanUtilisation, staffedHours, summarySentence } from './result-figures.ts';
import type { SimulationResult } from './sim-api.ts';
import { st, type SimulateKey } from './simulate-strings.ts';
import { useSimulate } from './simulate-store.ts';
import { WaitTable } from './wait-table.tsx';
import './simulate-results.css';

interface Figure {
  id: string;
  label: SimulateKey;
  value: (o: SimulationOutput) => string;
  /** For a waiting time or a count where less is better: colours plan B against A. */
  lower?: (o: SimulationOutput) => number;
  sub?: SimulateKey;
}

const FIGURES = (lang: Lang): Figure[] => [
  {
    id: 'mean',
    label: 'tot.mean',
    value: (o) => shortDuration(lang, o.totals.wait.meanS),
    lower: (o) => o.totals.wait.meanS,
  },
  {
    id: 'p90',
    label: 'tot.p90',
    value: (o) => shortDuration(lang, o.totals.wait.p90S),
    lower: (o) => o.totals.wait.p90S,
  },
  {
    id: 'max',
    label: 'tot.max',
    value: (o) => shortDuration(lang, o.totals.wait.maxS),
    lower: (o) => o.totals.wait.maxS,
  },
  { id: 'served', label: 'tot.served', value: (o) => count(o.totals.served) },
  {
    id: 'carried',
    label: 'tot.carried',
    value: (o) => count(o.totals.carriedOver),
    // Counted in whole people: any difference shows.
    lower: (o) => o.totals.carriedOver * 60,
    sub: 'tot.carriedSub',
  },
  {
    id: 'last',
    label: 'tot.lastFinish',
    value: (o) => (o.totals.lastFinish === null ? NONE : dayClock(lang, o.totals.lastFinish)),
  },
  { id: 'staffed', label: 'tot.staffed', value: (o) => st(lang, 'tot.staffedValue', { h: staffedHours(o) }) },
  { id: 'util', label: 'tot.util', value: (o) => percent(meanUtilisation(o)) },
];

/** The day under each plan in figures, side by side: A above, B below, B tinted where it does better or worse. */
function Figures({ lang, result }: { lang: Lang; result: SimulationResult }): ReactElement {
  const { a, b } = result;
  return (
    <div className="s-figures" data-testid="result-figures">
      {FIGURES(lang).map((f) => {
        const tone = b === null || f.lower === undefined ? null : diffTone(f.lower(a), f.lower(b));
        return (
          <div key={f.id} className="s-fig" data-testid={`fig-${f.id}`}>
            <div className="s-fig__label">{st(lang, f.label)}</div>
            <div className="s-fig__row">
              <span className="s-fig__plan s-fig__plan--a">A</span>
              <span className="s-fig__value m-num" data-plan="a">
                {f.value(a)}
              </span>
            </div>
            {b !== null && (
              <div className={`s-fig__row ${tone === null ? '' : `s-fig__row--${tone}`}`}>
                <span className="s-fig__plan s-fig__plan--b">B</span>
                <span className="s-fig__value m-num" data-plan="b">
                  {f.value(b)}
                </span>
              </div>
            )}
            {f.sub !== undefined && <div className="s-fig__sub">{st(lang, f.sub)}</div>}
          </div>
        );
      })}
    </div>
  );
}

export function ResultsView(p: { lang: Lang; result: SimulationResult; stale: boolean }): ReactElement {
  const { lang, result } = p;
  const top = useRef<HTMLElement>(null);
  const runs = useSimulate((s) => s.runs);
  const revealed = useSimulate((s) => s.revealed);
  // A fresh result is brought into view (the run button sits above it); coming back to the page is not.
  useEffect(() => {
    if (runs <= revealed) return;
    top.current?.scrollIntoView({ block: 'start' });
    useSimulate.getState().set({ revealed: runs });
  }, [runs, revealed]);
  const source = result.replayOf === null ? st(lang, 'res.curve') : st(lang, 'res.replay', { day: result.replayOf });
  return (
    <section ref={top} className={`s-results ${p.stale ? 's-results--stale' : ''}`} data-testid="sim-results">
      <div className="s-results__head">
        <h2 className="s-results__title">{st(lang, 'res.title')}</h2>
        <span className="m-muted">
          {st(lang, 'res.of', { day: result.day, weekday: weekday(lang, result.day), source, seed: result.seed })}
        </span>
        <span className="m-gap" />
        <span className="m-muted s-small">
          {st(lang, 'run.took', { s: (result.runMs / 1000).toFixed(result.runMs < 10_000 ? 2 : 1) })}
        </span>
      </div>
      {p.stale && (
        <p className="m-note m-note--warn" data-testid="result-stale">
          {st(lang, 'res.stale')}
        </p>
      )}
      <p className={`s-summary ${p.stale ? 's-summary--stale' : ''}`} data-testid="sim-summary">
        {summarySentence(lang, result)}
      </p>
      <div className="s-legend">
        <span className="s-fig__plan s-fig__plan--a">A</span> {result.a.plan}
        {result.b !== null && (
          <>
            <span className="s-fig__plan s-fig__plan--b">B</span> {result.b.plan}
          </>
        )}
      </div>
      <Figures lang={lang} result={result} />
      <section className="m-card">
        <div className="m-card__head">
          <h3 className="m-card__title">{st(lang, 'res.waits')}</h3>
          {result.b !== null && <span className="m-muted s-small">{st(lang, 'res.waitsNote')}</span>}
        </div>
        <WaitTable lang={lang} result={result} />
      </section>
      <ResultCharts lang={lang} result={result} />
    </section>
  );
}
