import { useState, type ReactElement } from 'react';
import { count } from '../reports/report-format.ts';
import type { Lang } from '../shell/make-strings.ts';
import { CurveJsonDialog } from './curve-json-dialog.tsx';
import { curveFromHistory, curveTotal, scaleCurve, setCell, typicalWeekday, type CurveDraft } from './curve-model.ts';
import { levelFrom } from './simulate-actions.ts';
import { st } from './simulate-strings.ts';
import { useSimulate } from './simulate-store.ts';

const whole = (v: string): number => {
  const n = Math.round(Number(v));
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** The rate curve as a table a manager fills in: citizens per hour, per queue, plus two shares. */
export function CurvePanel({ lang, hours }: { lang: Lang; hours: string[] }): ReactElement | null {
  const curve = useSimulate((s) => s.curve);
  const history = useSimulate((s) => s.history);
  const base = useSimulate((s) => s.base);
  const set = useSimulate((s) => s.set);
  const [json, setJson] = useState(false);
  if (curve === null || base === null) return null;
  const change = (c: CurveDraft): void => set({ curve: c, error: null });
  const day = history?.day ?? null;
  return (
    <div className="s-curve">
      <div className="s-curve__tools">
        <span className="m-muted">{st(lang, 'curve.fill')}</span>
        {day !== null && history !== null && history.issued > 0 && (
          <button
            type="button"
            className="m-btn m-btn--small"
            data-testid="curve-from-day"
            onClick={() => change(curveFromHistory(history, hours))}
          >
            {st(lang, 'curve.fromDay', { day })}
          </button>
        )}
        <button
          type="button"
          className="m-btn m-btn--small"
          data-testid="curve-typical"
          onClick={() => change(typicalWeekday(base.queues, hours, levelFrom(history, hours)))}
        >
          {st(lang, 'curve.typical')}
        </button>
        <span className="s-curve__sep" />
        <span className="m-muted">{st(lang, 'curve.scale')}</span>
        <button type="button" className="m-btn m-btn--small" onClick={() => change(scaleCurve(curve, 0.9))}>
          −10%
        </button>
        <button type="button" className="m-btn m-btn--small" onClick={() => change(scaleCurve(curve, 1.1))}>
          +10%
        </button>
        <span className="m-gap" />
        <button type="button" className="m-btn m-btn--small" data-testid="curve-json" onClick={() => setJson(true)}>
          {st(lang, 'curve.json')}
        </button>
      </div>
      <div className="s-curve__scroll">
        <table className="m-table s-curve__table" data-testid="curve-table">
          <thead>
            <tr>
              <th>{st(lang, 'curve.queue')}</th>
              {curve.hours.map((h) => (
                <th key={h} className="m-num">
                  {st(lang, 'chart.hour', { h })}
                </th>
              ))}
              <th className="m-num">{st(lang, 'curve.total')}</th>
            </tr>
          </thead>
          <tbody>
            {curve.rows.map((r) => (
              <tr key={r.queueId} data-testid={`curve-row-${r.queueId}`}>
                <td className="s-curve__queue">{r.name}</td>
                {curve.hours.map((h) => (
                  <td key={h} className="s-curve__cell">
                    <input
                      className="m-input s-curve__input m-num"
                      type="number"
                      min={0}
                      step={1}
                      aria-label={`${r.name} ${st(lang, 'chart.hour', { h })}`}
                      data-testid={`curve-${r.queueId}-${h}`}
                      value={r.perHour[h] ?? 0}
                      onChange={(e) => change(setCell(curve, r.queueId, h, whole(e.target.value)))}
                    />
                  </td>
                ))}
                <td className="m-num s-curve__sum">{count(Object.values(r.perHour).reduce((a, b) => a + b, 0))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="s-curve__foot">
        <label className="m-field s-field--inline">
          <span>{st(lang, 'curve.green')}</span>
          <input
            type="number"
            min={0}
            max={100}
            data-testid="curve-green"
            value={curve.greenPct}
            onChange={(e) => change({ ...curve, greenPct: Math.min(100, whole(e.target.value)) })}
          />
        </label>
        <label className="m-field s-field--inline">
          <span>{st(lang, 'curve.appointment')}</span>
          <input
            type="number"
            min={0}
            max={100}
            data-testid="curve-appointment"
            value={curve.appointmentPct}
            onChange={(e) => change({ ...curve, appointmentPct: Math.min(100, whole(e.target.value)) })}
          />
        </label>
        <span className="m-gap" />
        <span className="s-curve__total" data-testid="curve-total">
          {st(lang, 'curve.dayTotal', { n: count(curveTotal(curve)) })}
        </span>
      </div>
      <p className="m-muted s-small">{st(lang, 'curve.note')}</p>
      {json && <CurveJsonDialog lang={lang} curve={curve} hours={hours} onClose={() => setJson(false)} />}
    </div>
  );
}
