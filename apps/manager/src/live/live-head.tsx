import type { ReactElement } from 'react';
import { hallPhase, hoursOn, type HallState } from '@yichuang/engine';
import type { QueueView, WindowView } from '@yichuang/protocol';
import { clockTime, duration, type Lang } from '../shell/make-strings.ts';
import { lt } from './live-strings.ts';

export type HeadAction = 'notices' | 'carry' | 'reprint';

/** The hall's phase and hours, the numbers a manager looks at first, and the hall-wide actions. */
export function LiveHead(p: {
  state: HallState;
  now: number;
  lang: Lang;
  windows: WindowView[];
  queues: QueueView[];
  onAction: (a: HeadAction) => void;
}): ReactElement {
  const { state, now, lang } = p;
  const hall = state.model.config.hall;
  const phase = hallPhase(hall, now);
  const today = hoursOn(hall, state.day);
  const phaseText =
    today === null
      ? lt(lang, 'phase.closedToday')
      : phase === 'before-open'
        ? lt(lang, 'phase.before-open', { open: today.openText })
        : phase === 'open'
          ? lt(lang, 'phase.open', { open: today.openText, close: today.closeText })
          : phase === 'extended'
            ? lt(lang, 'phase.extended', { end: clockTime(today.serviceEnd, hall.timezone) })
            : lt(lang, 'phase.closed');
  const open = p.windows.filter((w) => w.open);
  const staffed = open.filter((w) => w.state === 'idle' || w.state === 'calling' || w.state === 'serving');
  const waiting = p.queues.reduce((n, q) => n + q.waiting, 0);
  const longest = p.queues.reduce((m, q) => (q.waiting > 0 ? Math.max(m, q.longestWaitS) : m), 0);

  return (
    <div className="m-page__head l-head">
      <h1 className="m-page__title">{lt(lang, 'page.title')}</h1>
      <span className={`l-phase l-phase--${phase}`} data-testid="hall-phase" data-phase={phase}>
        {phaseText}
      </span>
      <span className="l-sum m-num" data-testid="hall-summary">
        <span>{lt(lang, 'sum.staffed', { n: staffed.length, open: open.length })}</span>
        <span data-testid="hall-waiting">{lt(lang, 'sum.waiting', { n: waiting })}</span>
        {waiting > 0 && <span>{lt(lang, 'sum.longest', { d: duration(lang, longest) })}</span>}
      </span>
      <span className="m-gap" />
      <button type="button" className="m-btn" data-testid="open-notices" onClick={() => p.onAction('notices')}>
        {lt(lang, 'act.notices')}
      </button>
      <button type="button" className="m-btn" data-testid="open-carry-over" onClick={() => p.onAction('carry')}>
        {lt(lang, 'act.carryOver')}
      </button>
      <button type="button" className="m-btn" data-testid="open-reprint" onClick={() => p.onAction('reprint')}>
        {lt(lang, 'act.reprint')}
      </button>
    </div>
  );
}
