import type { ReactElement } from 'react';
import { weekday } from '../reports/report-format.ts';
import type { Lang } from '../shell/make-strings.ts';
import { fieldTarget } from './plan-model.ts';
import { run } from './simulate-actions.ts';
import { st } from './simulate-strings.ts';
import { useSimulate } from './simulate-store.ts';

/** Step three: the day simulated, plan B on or off, the seed, and the button. */
export function RunBar({ lang }: { lang: Lang }): ReactElement {
  const s = useSimulate();
  const day = s.mode === 'replay' ? (s.history?.day ?? null) : (s.base?.day ?? null);
  // A refusal pointing at a plan is shown at that plan; the rest here.
  const here = s.error !== null && fieldTarget(s.error.field) === null ? s.error.message : null;
  return (
    <section className="m-card s-run" data-testid="run-bar">
      <h2 className="m-card__title s-step">{st(lang, 'run.title')}</h2>
      {day !== null && (
        <span className="s-run__day" data-testid="run-day">
          {st(lang, 'run.day', { day, weekday: weekday(lang, day) })}
        </span>
      )}
      <label className="s-check">
        <input
          type="checkbox"
          checked={s.compare}
          data-testid="run-compare"
          onChange={(e) => s.set({ compare: e.target.checked, error: null })}
        />
        {st(lang, 'plan.compare')}
      </label>
      <label className="m-field s-field--inline" title={st(lang, 'run.seedHint')}>
        <span>{st(lang, 'run.seed')}</span>
        <input
          type="number"
          min={0}
          step={1}
          className="s-run__seed m-num"
          data-testid="run-seed"
          value={s.seed}
          onChange={(e) =>
            s.set({ seed: Math.max(0, Math.min(4_294_967_295, Math.round(Number(e.target.value) || 0))) })
          }
        />
      </label>
      <span className="m-gap" />
      <button
        type="button"
        className="m-btn m-btn--primary s-run__go"
        data-testid="run-go"
        disabled={s.running || s.base === null}
        onClick={() => void run(lang)}
      >
        {s.running ? st(lang, 'run.busy') : st(lang, 'run.go')}
      </button>
      {here !== null && (
        <div className="m-note m-note--error s-run__error" role="alert" data-testid="run-error">
          {here}
        </div>
      )}
    </section>
  );
}
