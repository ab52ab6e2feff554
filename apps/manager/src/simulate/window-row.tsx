import type { ReactElement } from 'react';
import type { Lang } from '../shell/make-strings.ts';
import { DEFAULT_LUNCH_FROM, setAllQueues, toggleQueue, type WindowDraft } from './plan-model.ts';
import { dayClock } from './day-clock.ts';
import type { DayHoursText } from './sim-api.ts';
import { st } from './simulate-strings.ts';

export interface WindowRowProps {
  lang: Lang;
  window: WindowDraft;
  queues: { id: string; name: string }[];
  hours: DayHoursText | null;
  /** The hub's refusal pointing at this window, or null. */
  error: string | null;
  testId: string;
  onChange: (change: Partial<WindowDraft>) => void;
  onRemove: () => void;
}

/** "HH:MM" an input can show; the end of the day ("24:00") cannot. */
const showable = (t: string | undefined): string => (t !== undefined && t < '24:00' ? t : '');

/**
 * One window of a plan: when it is staffed and pauses for lunch, green channel, what it serves.
 * Empty times show the day's hours, which is what an empty time means to the simulator.
 */
export function WindowRow(p: WindowRowProps): ReactElement {
  const { lang, window: w } = p;
  const ids = p.queues.map((q) => q.id);
  const none = w.queues !== 'all' && w.queues.length === 0;
  const serves = (id: string): boolean => w.queues === 'all' || w.queues.includes(id);
  return (
    <li className={`s-window ${p.error !== null || none ? 's-window--error' : ''}`} data-testid={p.testId}>
      <div className="s-window__name">
        <b>{w.name}</b>
        {!w.inHall && <span className="m-chip m-chip--warn">{st(lang, 'win.temporary')}</span>}
      </div>
      <div className="s-window__times">
        <label className="s-time">
          <span>{st(lang, 'win.from')}</span>
          <input
            type="time"
            className="m-input"
            data-testid={`${p.testId}-from`}
            value={w.from || showable(p.hours?.open)}
            onChange={(e) => p.onChange({ from: e.target.value })}
          />
        </label>
        <label className="s-time">
          <span>{st(lang, 'win.to')}</span>
          <input
            type="time"
            className="m-input"
            data-testid={`${p.testId}-to`}
            value={w.to || showable(p.hours?.serviceEnd)}
            onChange={(e) => p.onChange({ to: e.target.value })}
          />
          {w.to === '' && p.hours !== null && showable(p.hours.serviceEnd) === '' && (
            <span className="m-muted" data-testid={`${p.testId}-to-default`}>
              {st(lang, 'win.toDefault', { end: dayClock(lang, p.hours.serviceEnd) })}
            </span>
          )}
        </label>
        <span className="s-lunch">
          <label className="s-check">
            <input
              type="checkbox"
              checked={w.lunchFrom !== ''}
              data-testid={`${p.testId}-lunch`}
              onChange={(e) => p.onChange({ lunchFrom: e.target.checked ? DEFAULT_LUNCH_FROM : '' })}
            />
            {st(lang, 'win.lunch')}
          </label>
          {w.lunchFrom !== '' && (
            <>
              <input
                type="time"
                className="m-input"
                aria-label={st(lang, 'win.lunch')}
                data-testid={`${p.testId}-lunch-from`}
                value={w.lunchFrom}
                onChange={(e) => p.onChange({ lunchFrom: e.target.value || DEFAULT_LUNCH_FROM })}
              />
              <input
                type="number"
                className="m-input m-num s-lunch__minutes"
                min={1}
                max={600}
                aria-label={`${st(lang, 'win.lunch')} ${st(lang, 'win.minutes')}`}
                data-testid={`${p.testId}-lunch-minutes`}
                value={w.lunchMinutes}
                onChange={(e) => p.onChange({ lunchMinutes: Math.max(1, Math.round(Number(e.target.value) || 0)) })}
              />
              <span className="m-muted">{st(lang, 'win.minutes')}</span>
            </>
          )}
        </span>
      </div>
      <div className="s-window__flags">
        <label className="s-check">
          <input
            type="checkbox"
            checked={w.green}
            data-testid={`${p.testId}-green`}
            onChange={(e) => p.onChange({ green: e.target.checked })}
          />
          {st(lang, 'win.green')}
        </label>
        <button
          type="button"
          className="m-btn m-btn--small"
          data-testid={`${p.testId}-remove`}
          title={st(lang, 'win.remove')}
          onClick={p.onRemove}
        >
          {st(lang, 'win.remove')}
        </button>
      </div>
      <div className="s-queues" role="group">
        <button
          type="button"
          className={`s-queue ${w.queues === 'all' ? 's-queue--on' : ''}`}
          aria-pressed={w.queues === 'all'}
          data-testid={`${p.testId}-all`}
          onClick={() => p.onChange(setAllQueues(w, w.queues !== 'all', ids))}
        >
          {st(lang, 'win.all')}
        </button>
        {p.queues.map((q) => (
          <button
            key={q.id}
            type="button"
            className={`s-queue ${serves(q.id) ? 's-queue--on' : ''} ${w.queues === 'all' ? 's-queue--implied' : ''}`}
            aria-pressed={serves(q.id)}
            data-testid={`${p.testId}-queue-${q.id}`}
            onClick={() => p.onChange(toggleQueue(w, q.id, ids))}
          >
            {q.name}
          </button>
        ))}
      </div>
      {(p.error !== null || none) && (
        <div className="s-window__error" role="alert">
          {p.error ?? st(lang, 'win.noQueue')}
        </div>
      )}
    </li>
  );
}
