import type { ReactElement } from 'react';
import type { Lang } from '../shell/make-strings.ts';
import { CurvePanel } from './curve-panel.tsx';
import { ReplayPanel } from './replay-panel.tsx';
import { ServiceTimes } from './service-times.tsx';
import { st } from './simulate-strings.ts';
import { useSimulate, type DemandMode } from './simulate-store.ts';

/** Step one: the citizens of the simulated day (a past day again, or a curve) and how long they take. */
export function DemandCard({ lang, hours, today }: { lang: Lang; hours: string[]; today: string }): ReactElement {
  const mode = useSimulate((s) => s.mode);
  const set = useSimulate((s) => s.set);
  const tab = (m: DemandMode): ReactElement => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === m}
      className={`m-tab ${mode === m ? 'm-tab--on' : ''}`}
      data-testid={`demand-${m}`}
      onClick={() => set({ mode: m, error: null })}
    >
      {st(lang, m === 'replay' ? 'demand.replay' : 'demand.curve')}
    </button>
  );
  return (
    <section className="m-card s-demand" data-testid="demand-card">
      <div className="m-card__head">
        <h2 className="m-card__title s-step">{st(lang, 'demand.title')}</h2>
      </div>
      <div className="s-demand__body">
        <div className="s-demand__main">
          <div className="m-tabs" role="tablist">
            {tab('replay')}
            {tab('curve')}
          </div>
          <div className="s-demand__panel">
            {mode === 'replay' ? (
              <ReplayPanel lang={lang} hours={hours} today={today} />
            ) : (
              <CurvePanel lang={lang} hours={hours} />
            )}
          </div>
        </div>
        <aside className="s-demand__side">
          <ServiceTimes lang={lang} />
        </aside>
      </div>
    </section>
  );
}
