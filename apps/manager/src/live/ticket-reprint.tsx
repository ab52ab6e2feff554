import { useState, type ReactElement } from 'react';
import type { HallState } from '@yichuang/engine';
import { ticketStatuses, type TicketRow } from '@yichuang/protocol';
import { ticketStatusLabel } from '@yichuang/ui';
import { printerLabel } from '../shell/hall-names.ts';
import { api } from '../shell/hub-api.ts';
import { clockTime, type Lang } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { useOversight } from '../shell/oversight-store.ts';
import { serviceName, windowName } from './hall-lookup.ts';
import { act } from './live-actions.ts';
import { lt } from './live-strings.ts';

const statusText = (lang: Lang, s: string): string => {
  const known = ticketStatuses.find((x) => x === s);
  return known === undefined ? s : ticketStatusLabel(lang, known);
};

/**
 * Find a ticket of any day by its number (or the start of it) and print it again: on its kiosk's
 * printer, or on one picked here when that kiosk has none or its printer is out of paper.
 */
export function TicketReprint({ state, lang }: { state: HallState; lang: Lang }): ReactElement {
  const printers = useOversight((s) => s.devices?.printers ?? []);
  const [date, setDate] = useState(state.day);
  const [number, setNumber] = useState('');
  const [printerId, setPrinterId] = useState('');
  const [rows, setRows] = useState<TicketRow[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const tz = state.model.config.hall.timezone;

  const find = async (): Promise<void> => {
    setBusy('find');
    const q = new URLSearchParams({ date, number: number.trim() });
    const res = await api<{ date: string; tickets: TicketRow[] }>('GET', `/api/tickets?${q.toString()}`);
    setBusy(null);
    if (res.ok) setRows(res.data.tickets);
    else useManager.getState().say('error', lt(lang, 'rp.findFailed', { reason: res.error.message }));
  };

  const reprint = async (t: TicketRow): Promise<void> => {
    setBusy(t.id);
    await act<{ ticketId: string; printerId: string }>(
      'POST',
      `/api/tickets/${encodeURIComponent(t.id)}/reprint`,
      printerId === '' ? {} : { printerId },
      {
        done: (d) =>
          lt(lang, 'rp.ticketDone', { number: t.number, printer: printerLabel(lang, state.model.config, d.printerId) }),
        failed: (e) => lt(lang, 'rp.failed', { reason: e.message }),
      },
    );
    setBusy(null);
  };

  return (
    <div className="l-reprint" data-testid="ticket-reprint">
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
            data-testid="rp-ticket-date"
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <label className="m-field l-grow">
          {lt(lang, 'rp.number')}
          <input
            value={number}
            maxLength={8}
            data-testid="rp-ticket-number"
            onChange={(e) => setNumber(e.target.value.toUpperCase())}
          />
        </label>
        <button type="submit" className="m-btn m-btn--primary" disabled={busy === 'find'} data-testid="rp-ticket-find">
          {lt(lang, busy === 'find' ? 'rp.finding' : 'rp.find')}
        </button>
      </form>
      <label className="m-field l-field-inline">
        {lt(lang, 'rp.printer')}
        <select value={printerId} data-testid="rp-ticket-printer" onChange={(e) => setPrinterId(e.target.value)}>
          <option value="">{lt(lang, 'rp.kioskPrinter')}</option>
          {printers.map((p) => (
            <option key={p.id} value={p.id}>
              {printerLabel(lang, state.model.config, p.id)}
            </option>
          ))}
        </select>
      </label>
      {rows !== null && rows.length === 0 && <p className="m-note">{lt(lang, 'rp.noTickets')}</p>}
      {rows?.some((t) => t.printUnknown) === true && (
        <p className="m-note m-note--warn" data-testid="rp-print-unknown-note">
          {lt(lang, 'rp.printUnknownHint')}
        </p>
      )}
      {rows !== null && rows.length > 0 && (
        <div className="l-scroll">
          <table className="m-table" data-testid="rp-ticket-rows">
            <thead>
              <tr>
                <th>{lt(lang, 'co.number')}</th>
                <th>{lt(lang, 'co.service')}</th>
                <th>{lt(lang, 'rp.status')}</th>
                <th>{lt(lang, 'rp.window')}</th>
                <th>{lt(lang, 'rp.issuedAt')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.id} data-testid={`rp-ticket-${t.number}`}>
                  <td className="l-mono l-strong">{t.number}</td>
                  <td>{serviceName(state, t.serviceId)}</td>
                  <td>
                    {statusText(lang, t.status)}
                    {t.printUnknown ? (
                      <>
                        {' '}
                        <span className="m-chip m-chip--warn" data-testid={`rp-ticket-${t.number}-print-unknown`}>
                          {lt(lang, 'rp.printUnknown')}
                        </span>
                      </>
                    ) : (
                      <span className="m-muted"> · {lt(lang, t.printed ? 'rp.printed' : 'rp.notPrinted')}</span>
                    )}
                  </td>
                  <td>{t.windowId === null ? '—' : windowName(state, t.windowId)}</td>
                  <td className="l-mono">{clockTime(t.issuedAt, tz)}</td>
                  <td className="l-right">
                    <button
                      type="button"
                      className="m-btn m-btn--small"
                      disabled={busy !== null}
                      data-testid={`rp-ticket-${t.number}-reprint`}
                      onClick={() => void reprint(t)}
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
