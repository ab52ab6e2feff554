import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { nextOpenDay, type HallState } from '@yichuang/engine';
import type { Catalogue, TicketView } from '@yichuang/protocol';
import { Dialog } from '../shell/dialog.tsx';
import { api } from '../shell/hub-api.ts';
import { duration, type Lang } from '../shell/make-strings.ts';
import { mt } from '../shell/shell-strings.ts';
import { serviceName, windowName } from './hall-lookup.ts';
import { act, newRequestId } from './live-actions.ts';
import { carryOverAllowed, dayLabel } from './live-format.ts';
import { lt } from './live-strings.ts';

type Hours = Catalogue['hall'];

/**
 * 延时服务 at closing: the tickets that cannot be served today keep their number and are called first
 * on the next open day at a named window. Only after closing time: while the hall is open the
 * citizens can still be served, so the hub's own phase is asked each time, not this PC's clock.
 */
export function CarryOverDialog(p: { state: HallState; now: number; lang: Lang; onClose: () => void }): ReactElement {
  const { state, lang } = p;
  const config = state.model.config;
  const [hall, setHall] = useState<Hours | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = [...state.tickets.values()]
    .filter((t) => t.status === 'waiting')
    .sort((a, b) => a.issuedAt - b.issuedAt || (a.number < b.number ? -1 : 1));
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const openWindows = config.windows.filter((w) => w.open);
  const [toWindowId, setToWindowId] = useState(openWindows[0]?.id ?? '');
  const [busy, setBusy] = useState(false);

  const loadPhase = useCallback(async (): Promise<Hours | null> => {
    const res = await api<Catalogue>('GET', '/api/catalogue');
    if (!res.ok) {
      setProblem(lt(lang, 'co.phaseFailed', { reason: res.error.message }));
      return null;
    }
    setHall(res.data.hall);
    return res.data.hall;
  }, [lang]);
  useEffect(() => {
    void loadPhase();
  }, [loadPhase]);

  const chosen = waiting.filter((t) => !skipped.has(t.id));
  const day = dayLabel(lang, nextOpenDay(config.hall, state.day));
  const allowed = hall !== null && carryOverAllowed(hall.phase);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    const now = await loadPhase();
    if (now === null || !carryOverAllowed(now.phase)) {
      setBusy(false);
      return;
    }
    const res = await act<{ tickets: TicketView[] }>(
      'POST',
      '/api/hall/carry-over',
      { requestId: newRequestId('carry'), toWindowId, ticketIds: chosen.map((t) => t.id) },
      {
        done: (d) => lt(lang, 'co.done', { n: d.tickets.length, day, window: windowName(state, toWindowId) }),
        failed: (e) => lt(lang, 'co.failed', { reason: e.message }),
      },
    );
    setBusy(false);
    if (res.ok) p.onClose();
  };

  const toggle = (id: string): void =>
    setSkipped((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <Dialog
      title={lt(lang, 'co.title')}
      onClose={p.onClose}
      wide
      testId="carry-over-dialog"
      actions={
        <>
          <button type="button" className="m-btn" onClick={p.onClose}>
            {mt(lang, allowed && waiting.length > 0 ? 'common.cancel' : 'common.close')}
          </button>
          {allowed && waiting.length > 0 && (
            <button
              type="button"
              className="m-btn m-btn--primary"
              disabled={busy || chosen.length === 0 || toWindowId === ''}
              data-testid="carry-over-confirm"
              onClick={() => void confirm()}
            >
              {lt(lang, 'co.confirm', { n: chosen.length })}
            </button>
          )}
        </>
      }
    >
      {problem !== null && <p className="m-note m-note--error">{problem}</p>}
      {hall === null && problem === null && <p className="m-muted">{lt(lang, 'co.checking')}</p>}
      {hall !== null && !allowed && (
        <p className="m-note m-note--warn" data-testid="carry-over-refused">
          {hall.phase === 'before-open'
            ? lt(lang, 'co.notYet')
            : lt(lang, 'co.notNow', {
                hours: hall.today === null ? '' : `${hall.today.open}–${hall.today.close}`,
                close: hall.today?.close ?? '',
              })}
        </p>
      )}
      {allowed && waiting.length === 0 && <p className="m-note">{lt(lang, 'co.none')}</p>}
      {allowed && waiting.length > 0 && (
        <>
          <p>{lt(lang, 'co.help', { day })}</p>
          <label className="m-field l-field-inline">
            {lt(lang, 'co.window')}
            <select value={toWindowId} data-testid="carry-over-window" onChange={(e) => setToWindowId(e.target.value)}>
              {openWindows.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
          <div className="l-scroll">
            <table className="m-table">
              <thead>
                <tr>
                  <th className="l-pick">
                    <label>
                      <input
                        type="checkbox"
                        checked={skipped.size === 0}
                        ref={(el) => {
                          // Some ticked, some not: the box says so rather than looking unticked.
                          if (el !== null) el.indeterminate = skipped.size > 0 && chosen.length > 0;
                        }}
                        data-testid="carry-over-all"
                        onChange={() => setSkipped(skipped.size === 0 ? new Set(waiting.map((t) => t.id)) : new Set())}
                      />
                      {lt(lang, 'co.all')}
                    </label>
                  </th>
                  <th>{lt(lang, 'co.number')}</th>
                  <th>{lt(lang, 'co.service')}</th>
                  <th className="m-num">{lt(lang, 'co.waited')}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((t) => (
                  <tr key={t.id}>
                    <td className="l-pick">
                      <input
                        type="checkbox"
                        checked={!skipped.has(t.id)}
                        data-testid={`carry-over-pick-${t.number}`}
                        aria-label={t.number}
                        onChange={() => toggle(t.id)}
                      />
                    </td>
                    <td className="l-mono l-strong">{t.number}</td>
                    <td>{serviceName(state, t.serviceId)}</td>
                    <td className="m-num">{duration(lang, (p.now - t.issuedAt) / 1000)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  );
}
