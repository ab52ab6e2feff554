import type { ReactElement } from 'react';
import { weekday } from '../reports/report-format.ts';
import type { Lang } from '../shell/make-strings.ts';
import { ArrivalsChart } from './charts/arrivals-chart.tsx';
import { loadHistory } from './simulate-actions.ts';
import { st } from './simulate-strings.ts';
import { useSimulate } from './simulate-store.ts';

/** The past day replayed: picked by date or from the recent days with tickets, its arrivals drawn. */
export function ReplayPanel({ lang, hours, today }: { lang: Lang; hours: string[]; today: string }): ReactElement {
  const history = useSimulate((s) => s.history);
  const loading = useSimulate((s) => s.historyLoading);
  if (history === null) return <p className="m-muted">{st(lang, 'replay.loading')}</p>;
  const day = history.day;
  const recent = history.recentDays.slice(0, 7);
  return (
    <div className="s-replay">
      <div className="s-replay__pick">
        <label className="m-field">
          <span>{st(lang, 'replay.day')}</span>
          <input
            type="date"
            data-testid="replay-day"
            value={day ?? ''}
            max={today}
            required
            onChange={(e) => {
              if (e.target.value !== '') void loadHistory(e.target.value);
            }}
          />
        </label>
        {recent.length > 0 && (
          <div className="s-recent" role="group" aria-label={st(lang, 'replay.recent')}>
            <span className="m-muted">{st(lang, 'replay.recent')}</span>
            {recent.map((d) => (
              <button
                key={d.day}
                type="button"
                className={`s-recent__day ${d.day === day ? 's-recent__day--on' : ''}`}
                aria-pressed={d.day === day}
                disabled={loading}
                onClick={() => void loadHistory(d.day)}
              >
                {d.day.slice(5)} <span className="m-muted">{weekday(lang, d.day)}</span>{' '}
                <b className="m-num">{d.tickets}</b>
              </button>
            ))}
          </div>
        )}
      </div>
      {day === null ? (
        <p className="m-note m-note--warn">{st(lang, 'replay.none')}</p>
      ) : history.issued === 0 ? (
        <p className="m-note m-note--warn" data-testid="replay-summary">
          {st(lang, 'replay.empty', { day })}
        </p>
      ) : (
        <p className="s-replay__summary" data-testid="replay-summary">
          {st(lang, 'replay.summary', {
            day,
            weekday: weekday(lang, day),
            n: history.issued,
            green: history.green,
            appt: history.appointments,
          })}
        </p>
      )}
      {day !== null && history.issued > 0 && (
        <figure className="s-figure">
          <figcaption className="s-figure__title">{st(lang, 'chart.arrivals')}</figcaption>
          <ArrivalsChart lang={lang} history={history} hours={hours} />
        </figure>
      )}
    </div>
  );
}
