import type { ReactElement } from 'react';
import type { Lang } from '../shell/make-strings.ts';
import { isSingleDay, quickPicks, shiftDay, type Period, type QuickPick } from './date-range.ts';
import { rt } from './reports-strings.ts';

export interface PeriodBarProps {
  lang: Lang;
  draft: Period;
  /** The quick pick the draft equals, lit. */
  pick: QuickPick | null;
  busy: boolean;
  onDraft: (p: Period) => void;
  onLoad: (p: Period) => void;
  onPick: (q: QuickPick) => void;
}

/**
 * The period: a quick pick loads at once; dates typed by hand load with 查询. The same day in both
 * fields is a daily report, anything else a range; the hub judges the dates and says what is wrong.
 */
export function PeriodBar(p: PeriodBarProps): ReactElement {
  const { lang, draft } = p;
  const single = isSingleDay(draft);
  return (
    <form
      className="r-period"
      onSubmit={(e) => {
        e.preventDefault();
        p.onLoad(draft);
      }}
    >
      <div className="r-picks" role="group" aria-label={rt(lang, 'period.quick')}>
        {quickPicks.map((q) => (
          <button
            key={q}
            type="button"
            className={`r-pick ${p.pick === q ? 'r-pick--on' : ''}`}
            data-testid={`pick-${q}`}
            aria-pressed={p.pick === q}
            disabled={p.busy}
            onClick={() => p.onPick(q)}
          >
            {rt(lang, `pick.${q}`)}
          </button>
        ))}
      </div>
      <div className="r-dates">
        <button
          type="button"
          className="m-btn r-step"
          title={rt(lang, 'period.prev')}
          aria-label={rt(lang, 'period.prev')}
          disabled={!single || p.busy}
          onClick={() => p.onLoad(shiftDay(draft, -1))}
        >
          ‹
        </button>
        <label className="m-field r-date">
          <span>{rt(lang, 'period.from')}</span>
          <input
            type="date"
            data-testid="report-from"
            value={draft.from}
            required
            onChange={(e) => p.onDraft({ ...draft, from: e.target.value })}
          />
        </label>
        <span className="r-dates__dash">—</span>
        <label className="m-field r-date">
          <span>{rt(lang, 'period.to')}</span>
          <input
            type="date"
            data-testid="report-to"
            value={draft.to}
            required
            onChange={(e) => p.onDraft({ ...draft, to: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="m-btn r-step"
          title={rt(lang, 'period.next')}
          aria-label={rt(lang, 'period.next')}
          disabled={!single || p.busy}
          onClick={() => p.onLoad(shiftDay(draft, 1))}
        >
          ›
        </button>
        <button type="submit" className="m-btn m-btn--primary" data-testid="report-load" disabled={p.busy}>
          {p.busy ? rt(lang, 'period.loading') : rt(lang, 'period.load')}
        </button>
      </div>
    </form>
  );
}
