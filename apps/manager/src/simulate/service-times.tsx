import type { ReactElement } from 'react';
import type { Lang } from '../shell/make-strings.ts';
import { serviceRows, type QueueService } from './service-model.ts';
import { st } from './simulate-strings.ts';
import { useSimulate, type ServiceMode } from './simulate-store.ts';

/** extractHistory's threshold for a fit of a queue's own. */
const FIT_SAMPLES = 5;

const tenth = (v: string): number => {
  const n = Math.round(Number(v) * 10) / 10;
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** How long each citizen takes at the counter: the picked day's real times, or set per queue. */
export function ServiceTimes({ lang }: { lang: Lang }): ReactElement | null {
  const mode = useSimulate((s) => s.serviceMode);
  const rows = useSimulate((s) => s.service);
  const history = useSimulate((s) => s.history);
  const base = useSimulate((s) => s.base);
  const defaultMinutes = useSimulate((s) => s.defaultServiceMinutes);
  const set = useSimulate((s) => s.set);
  if (base === null) return null;
  const known = history !== null && history.day !== null && history.issued > 0;
  const editing = mode === 'custom';
  const pick = (m: ServiceMode): void =>
    set({
      serviceMode: m,
      error: null,
      // Back to the day's times: the table shows them again, dropping the edits.
      ...(m === 'history' ? { service: serviceRows(base.queues, history, defaultMinutes) } : {}),
    });
  const edit = (queueId: string, change: Partial<QueueService>): void =>
    set({ service: rows.map((r) => (r.queueId === queueId ? { ...r, ...change } : r)), error: null });
  // The hub fits a queue with 5 finished tickets or more; the others take the whole day's fit.
  const basis = (queueId: string): string => {
    if (!known || history.serviceTimes.default === undefined) return st(lang, 'service.basisDefault');
    const n = history.queues.find((h) => h.queueId === queueId)?.finished ?? 0;
    if (n === 0) return st(lang, 'service.basisDay');
    return st(lang, n < FIT_SAMPLES ? 'service.basisFew' : 'service.basisN', { n });
  };
  return (
    <div className="s-service" data-testid="service-times">
      <div className="m-card__head">
        <h3 className="m-card__title">{st(lang, 'service.title')}</h3>
      </div>
      <div className="s-radio" role="radiogroup">
        <label>
          <input type="radio" checked={!editing} onChange={() => pick('history')} data-testid="service-history" />
          {known
            ? st(lang, 'service.history', { day: history.day ?? '' })
            : st(lang, 'service.default', { m: defaultMinutes })}
        </label>
        <label>
          <input type="radio" checked={editing} onChange={() => pick('custom')} data-testid="service-custom" />
          {st(lang, 'service.custom')}
        </label>
      </div>
      <table className="m-table s-service__table">
        <thead>
          <tr>
            <th>{st(lang, 'curve.queue')}</th>
            <th className="m-num">{st(lang, 'service.mean')}</th>
            <th className="m-num">{st(lang, 'service.spread')}</th>
            {!editing && <th>{st(lang, 'service.basis')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.queueId} data-testid={`service-row-${r.queueId}`}>
              <td>{r.name}</td>
              <td className="m-num">
                {editing ? (
                  <input
                    className="m-input s-service__input m-num"
                    type="number"
                    min={0.1}
                    step={0.5}
                    aria-label={`${r.name} ${st(lang, 'service.mean')}`}
                    data-testid={`service-mean-${r.queueId}`}
                    value={r.meanMin}
                    onChange={(e) => edit(r.queueId, { meanMin: tenth(e.target.value) })}
                  />
                ) : (
                  r.meanMin
                )}
              </td>
              <td className="m-num">
                {editing ? (
                  <input
                    className="m-input s-service__input m-num"
                    type="number"
                    min={0}
                    step={0.5}
                    aria-label={`${r.name} ${st(lang, 'service.spread')}`}
                    value={r.spreadMin}
                    onChange={(e) => edit(r.queueId, { spreadMin: tenth(e.target.value) })}
                  />
                ) : (
                  r.spreadMin
                )}
              </td>
              {!editing && <td className="m-muted">{basis(r.queueId)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <p className="m-muted s-small">{st(lang, 'service.noteCustom')}</p>}
    </div>
  );
}
