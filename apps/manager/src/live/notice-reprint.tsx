import { useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import type { NoticeRecord } from '@yichuang/protocol';
import { api } from '../shell/hub-api.ts';
import { clockTime, type Lang } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { officerName, serviceName, windowName } from './hall-lookup.ts';
import { act } from './live-actions.ts';
import { lt } from './live-strings.ts';

/**
 * The one-time notice slips (一次性告知单) of a day, kept for audit (留底备查): a citizen who lost
 * theirs gets it again, printed on the printer of the window that issued it.
 */
export function NoticeReprint({ state, lang }: { state: HallState; lang: Lang }): ReactElement {
  const [date, setDate] = useState(state.day);
  const [rows, setRows] = useState<NoticeRecord[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const tz = state.model.config.hall.timezone;

  const find = async (): Promise<void> => {
    setBusy('find');
    const res = await api<{ date: string; notices: NoticeRecord[] }>(
      'GET',
      `/api/notices?${new URLSearchParams({ date }).toString()}`,
    );
    setBusy(null);
    if (res.ok) setRows(res.data.notices);
    else useManager.getState().say('error', lt(lang, 'rp.findFailed', { reason: res.error.message }));
  };

  const reprint = async (n: NoticeRecord): Promise<void> => {
    setBusy(n.id);
    const res = await act<{ notice: NoticeRecord; printed: boolean }>(
      'POST',
      `/api/notices/${encodeURIComponent(n.id)}/reprint`,
      {},
      {
        done: () => lt(lang, 'rp.noticeDone', { no: n.no }),
        failed: (e) => lt(lang, 'rp.failed', { reason: e.message }),
      },
    );
    setBusy(null);
    // The print history comes back with the answer: the row shows the new count at once.
    if (res.ok) setRows((list) => list?.map((x) => (x.id === n.id ? res.data.notice : x)) ?? null);
  };

  return (
    <div className="l-reprint" data-testid="notice-reprint">
      <form
        className="l-reprint__form"
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <label className="m-field">
          {lt(lang, 'rp.date')}
          <input
            type="date"
            value={date}
            required
            data-testid="rp-notice-date"
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <button type="submit" className="m-btn m-btn--primary" disabled={busy === 'find'} data-testid="rp-notice-find">
          {lt(lang, busy === 'find' ? 'rp.finding' : 'rp.find')}
        </button>
      </form>
      {rows !== null && rows.length === 0 && <p className="m-note">{lt(lang, 'rp.noNotices')}</p>}
      {rows !== null && rows.length > 0 && (
        <div className="l-scroll">
          <table className="m-table" data-testid="rp-notice-rows">
            <thead>
              <tr>
                <th>{lt(lang, 'rp.noticeNo')}</th>
                <th>{lt(lang, 'rp.citizen')}</th>
                <th>{lt(lang, 'co.service')}</th>
                <th>{lt(lang, 'rp.missing')}</th>
                <th>{lt(lang, 'rp.window')}</th>
                <th>{lt(lang, 'rp.createdAt')}</th>
                <th className="m-num">{lt(lang, 'rp.prints')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <tr key={n.id} data-testid={`rp-notice-${n.no}`}>
                  <td className="l-mono l-strong">{n.no}</td>
                  <td>{n.citizenName}</td>
                  <td>{serviceName(state, n.serviceId)}</td>
                  <td className="l-missing">{n.missing.join(lang === 'zh' ? '、' : ', ')}</td>
                  <td>
                    {windowName(state, n.windowId)}
                    <span className="m-muted"> · {officerName(state, n.officerId)}</span>
                  </td>
                  <td className="l-mono">{clockTime(n.createdAt, tz)}</td>
                  <td className="m-num" data-testid={`rp-notice-${n.no}-prints`}>
                    {n.prints.filter((x) => x.ok).length}
                  </td>
                  <td className="l-right">
                    <button
                      type="button"
                      className="m-btn m-btn--small"
                      disabled={busy !== null}
                      data-testid={`rp-notice-${n.no}-reprint`}
                      onClick={() => void reprint(n)}
                    >
                      {lt(lang, 'rp.reprint')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
