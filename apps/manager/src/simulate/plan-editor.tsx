import type { ReactElement } from 'react';
import type { Lang } from '../shell/make-strings.ts';
import {
  addWindow,
  nextWindow,
  removeWindow,
  unservedQueues,
  updateWindow,
  type HallWindow,
  type PlanDraft,
} from './plan-model.ts';
import type { DayHoursText } from './sim-api.ts';
import { st } from './simulate-strings.ts';
import { WindowRow } from './window-row.tsx';
import './simulate-plans.css';

export interface PlanEditorProps {
  lang: Lang;
  index: 0 | 1;
  plan: PlanDraft;
  queues: { id: string; name: string }[];
  hours: DayHoursText | null;
  hallWindows: HallWindow[];
  /** The hub's refusal of this plan: at one of its windows, or the plan as a whole. */
  error: { window: number | null; message: string } | null;
  /** Plan B while the comparison is off: shown, dimmed, not run. */
  off?: boolean;
  onChange: (plan: PlanDraft) => void;
  /** Plan A: back to today's hall; plan B: a fresh copy of A. */
  onRestart: () => void;
}

export function PlanEditor(p: PlanEditorProps): ReactElement {
  const { lang, plan } = p;
  const label = st(lang, p.index === 0 ? 'plan.a' : 'plan.b');
  const next = nextWindow(plan, p.hallWindows);
  const unserved = unservedQueues(
    plan,
    p.queues.map((q) => q.id),
  ).map((id) => p.queues.find((q) => q.id === id)?.name ?? id);
  const testId = p.index === 0 ? 'plan-a' : 'plan-b';
  return (
    <section
      className={`m-card s-plan s-plan--${p.index === 0 ? 'a' : 'b'} ${p.off === true ? 's-plan--off' : ''}`}
      data-testid={testId}
    >
      <div className="s-plan__head">
        <span className="s-plan__badge">{label}</span>
        <input
          className="m-input s-plan__name"
          aria-label={st(lang, 'plan.name')}
          data-testid={`${testId}-name`}
          value={plan.name}
          maxLength={100}
          onChange={(e) => p.onChange({ ...plan, name: e.target.value })}
        />
        <span className="m-muted s-plan__count" data-testid={`${testId}-count`}>
          {st(lang, 'plan.count', { n: plan.windows.length })}
        </span>
        <span className="m-gap" />
        <button type="button" className="m-btn m-btn--small" data-testid={`${testId}-restart`} onClick={p.onRestart}>
          {st(lang, p.index === 0 ? 'plan.reset' : 'plan.copyA')}
        </button>
      </div>
      {p.error !== null && p.error.window === null && (
        <div className="m-note m-note--error" role="alert">
          {p.error.message}
        </div>
      )}
      {plan.windows.length === 0 ? (
        <p className="m-note m-note--warn">{st(lang, 'win.none')}</p>
      ) : (
        <ol className="s-windows">
          {plan.windows.map((w, i) => (
            <WindowRow
              key={w.id}
              lang={lang}
              window={w}
              queues={p.queues}
              hours={p.hours}
              error={p.error !== null && p.error.window === i ? p.error.message : null}
              testId={`${testId}-${w.id}`}
              onChange={(change) => p.onChange(updateWindow(plan, w.id, change))}
              onRemove={() => p.onChange(removeWindow(plan, w.id))}
            />
          ))}
        </ol>
      )}
      <div className="s-plan__foot">
        <button
          type="button"
          className="m-btn"
          data-testid={`${testId}-add`}
          onClick={() => p.onChange(addWindow(plan, p.hallWindows))}
        >
          {st(lang, next.inHall ? 'plan.addHall' : 'plan.addNew', { name: next.name })}
        </button>
      </div>
      {unserved.length > 0 && (
        <p className="m-note m-note--warn" data-testid={`${testId}-unserved`}>
          {st(lang, 'plan.unserved', { names: unserved.join('、') })}
        </p>
      )}
    </section>
  );
}
