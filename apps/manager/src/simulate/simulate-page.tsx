import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import { useHall, useHub } from '../shell/hub-hooks.ts';
import { useManager } from '../shell/manager-store.ts';
import { openHours } from './curve-model.ts';
import { dayClock } from './day-clock.ts';
import { DemandCard } from './demand-card.tsx';
import { PlanEditor } from './plan-editor.tsx';
import { fieldTarget, withoutField } from './plan-model.ts';
import { ResultsView } from './results-view.tsx';
import { RunBar } from './run-bar.tsx';
import { copyAtoB, loadStart, resetPlanA, runBody } from './simulate-actions.ts';
import { st } from './simulate-strings.ts';
import { useSimulate } from './simulate-store.ts';
import './simulate.css';

/**
 * 排班模拟: how long would citizens wait under this window plan? A past day replayed or a curve drawn,
 * two plans side by side, run by the hub's simulator (the real engine on a virtual clock), the
 * answers side by side in figures, a table and charts.
 */
export function SimulatePage(): ReactElement {
  const lang = useManager((s) => s.lang);
  // useHall re-renders the page when the snapshot arrives; the config is read from the mirror.
  const { state } = useHall();
  const config = useHub((s) => s.connection).mirror.config;
  const s = useSimulate();
  const loading = useRef(false);

  useEffect(() => {
    if (config === null || s.base !== null || loading.current) return;
    loading.current = true;
    void loadStart(lang, config).finally(() => {
      loading.current = false;
    });
  }, [config, s.base, lang]);

  const hours = useMemo(() => openHours(s.base?.hours ?? null), [s.base]);
  const target = fieldTarget(s.error?.field);
  const planError = (i: 0 | 1): { window: number | null; message: string } | null =>
    target !== null && target.plan === i && s.error !== null
      ? { window: target.window, message: withoutField(s.error.message, s.error.field) }
      : null;
  // Edited since the run: the figures below answer another question, and say so.
  const made = runBody(lang);
  const stale = s.result !== null && ('problem' in made || JSON.stringify(made.body) !== s.resultOf);

  return (
    <section className="m-page s-page" data-testid="page-simulate">
      <div className="m-page__head">
        <h1 className="m-page__title">{st(lang, 'title')}</h1>
        <span className="m-muted s-page__hint">{st(lang, 'hint')}</span>
      </div>
      {s.base === null ? (
        s.loadError !== null ? (
          <div className="m-note m-note--error" role="alert">
            {s.loadError}
          </div>
        ) : (
          <p className="m-muted">{st(lang, 'loading')}</p>
        )
      ) : (
        <>
          <DemandCard lang={lang} hours={hours} today={state?.day ?? s.base.day} />
          <div className="s-plans__head">
            <h2 className="m-card__title s-step">{st(lang, 'plans.title')}</h2>
            {s.base.hours !== null && (
              <span className="m-muted s-small" data-testid="plan-hours">
                {st(lang, 'plan.timesHint', { open: s.base.hours.open, end: dayClock(lang, s.base.hours.serviceEnd) })}
                {s.base.hours.configuredServiceEnd !== undefined &&
                  ` ${st(lang, 'plan.cutHint', { configured: dayClock(lang, s.base.hours.configuredServiceEnd) })}`}
              </span>
            )}
          </div>
          <div className="s-plans">
            {([0, 1] as const).map((i) => (
              <PlanEditor
                key={i}
                lang={lang}
                index={i}
                plan={s.plans[i]}
                queues={s.base?.queues ?? []}
                hours={s.base?.hours ?? null}
                hallWindows={s.hallWindows}
                error={planError(i)}
                off={i === 1 && !s.compare}
                onChange={(plan) => s.setPlan(i, plan)}
                onRestart={() => (i === 0 ? void resetPlanA(lang) : copyAtoB(lang))}
              />
            ))}
          </div>
          <RunBar lang={lang} />
          {s.result !== null && <ResultsView lang={lang} result={s.result} stale={stale} />}
        </>
      )}
    </section>
  );
}
