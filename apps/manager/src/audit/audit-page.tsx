import { Fragment, useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { AuditPage as Page, EventEnvelope } from '@yichuang/protocol';
import { api, saveBlob } from '../shell/hub-api.ts';
import { useHall, useHub } from '../shell/hub-hooks.ts';
import { dateTime } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import './audit.css';
import { AuditFilters, filterQuery, type AuditFilter } from './audit-filters.tsx';
import { at } from './audit-strings.ts';
import { actorName, eventLabel, eventSummary } from './event-summary.ts';

/** Today's filter: the hall's own business day (the hub's, whatever this PC's clock says). */
function today(day: string): AuditFilter {
  return { from: day, to: day, type: '', actor: '', windowId: '' };
}

/** The event log for audit (留底备查): filters, newest first, pages of 100, raw record on demand. */
export function AuditPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  const { state } = useHall();
  const config = useHub((s) => s.connection).mirror.config;
  const timeZone = config?.hall.timezone ?? 'Asia/Shanghai';
  const day = state?.day ?? null;
  const [filter, setFilter] = useState<AuditFilter | null>(null);
  const [events, setEvents] = useState<EventEnvelope[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const load = useCallback(async (f: AuditFilter, before: number | null): Promise<void> => {
    setBusy(true);
    const res = await api<Page>('GET', `/api/events?${filterQuery(f, before)}`);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setEvents((old) => (before === null ? res.data.events : [...old, ...res.data.events]));
    setNext(res.data.nextBefore);
  }, []);
  // The first page once the hall's day is known; later searches are the form's.
  useEffect(() => {
    if (day === null || filter !== null) return;
    const f = today(day);
    setFilter(f);
    void load(f, null);
  }, [day, filter, load]);

  // Ticket and notice numbers for the details column: from the events loaded and the live hall.
  const numbers = useMemo(() => {
    const m = new Map<string, string>();
    for (const t of state?.tickets.values() ?? []) m.set(t.id, t.number);
    for (const e of events) {
      if (e.type === 'ticket:issued') m.set(e.payload.ticket.id, e.payload.ticket.number);
      if (e.type === 'notice:issued') m.set(e.payload.notice.id, e.payload.notice.no);
      if (e.type === 'case:opened') m.set(e.payload.case.id, e.payload.case.no);
      if (e.type === 'refusal:issued') m.set(e.payload.refusal.id, e.payload.refusal.no);
    }
    return m;
  }, [events, state]);

  const exportCsv = (): void => {
    const rows = [[at(lang, 'seq'), at(lang, 'time'), at(lang, 'what'), at(lang, 'who'), at(lang, 'details')]];
    for (const e of events)
      rows.push([
        String(e.seq),
        dateTime(e.at, timeZone),
        eventLabel(lang, e.type),
        actorName(lang, e.actor, config),
        eventSummary(lang, e, config, numbers),
      ]);
    const csv = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n');
    saveBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), `audit-${filter?.from}-${filter?.to}.csv`);
  };

  if (filter === null || day === null)
    return (
      <section className="m-page" data-testid="page-audit">
        <h1 className="m-page__title">{at(lang, 'title')}</h1>
        <p className="m-muted">{mt(lang, 'common.loading')}</p>
      </section>
    );

  return (
    <section className="m-page" data-testid="page-audit">
      <div className="m-page__head">
        <h1 className="m-page__title">{at(lang, 'title')}</h1>
        <span className="m-muted">{at(lang, 'hint')}</span>
      </div>
      <AuditFilters
        lang={lang}
        value={filter}
        config={config}
        onChange={setFilter}
        onSearch={() => void load(filter, null)}
        onReset={() => {
          const f = today(day);
          setFilter(f);
          void load(f, null);
        }}
      />
      {error !== null && <div className="m-note m-note--error">{error}</div>}
      <div className="m-card">
        <div className="m-card__head">
          <span className="m-card__title">{at(lang, 'count', { n: events.length })}</span>
          <span className="m-gap" />
          <button type="button" className="m-btn m-btn--small" disabled={events.length === 0} onClick={exportCsv}>
            {at(lang, 'exportCsv')}
          </button>
        </div>
        <table className="m-table a-table" data-testid="audit-table">
          <thead>
            <tr>
              <th className="m-num a-col-seq">{at(lang, 'seq')}</th>
              <th className="a-col-time">{at(lang, 'time')}</th>
              <th className="a-col-what">{at(lang, 'what')}</th>
              <th className="a-col-who">{at(lang, 'who')}</th>
              <th>{at(lang, 'details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <Fragment key={e.seq}>
                <tr className="a-row" data-type={e.type} onClick={() => setOpen(open === e.seq ? null : e.seq)}>
                  <td className="m-num">{e.seq}</td>
                  <td className="a-time">{dateTime(e.at, timeZone)}</td>
                  <td>
                    <span className={`a-type a-type--${e.type.split(':')[0]}`}>{eventLabel(lang, e.type)}</span>
                  </td>
                  <td>{actorName(lang, e.actor, config)}</td>
                  <td>{eventSummary(lang, e, config, numbers)}</td>
                </tr>
                {open === e.seq && (
                  <tr className="a-raw">
                    <td colSpan={5}>
                      <div className="m-muted">{at(lang, 'raw')}</div>
                      <pre>{JSON.stringify({ type: e.type, actor: e.actor, payload: e.payload }, null, 2)}</pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {events.length === 0 && !busy && <p className="m-muted a-empty">{at(lang, 'empty')}</p>}
        <div className="a-more">
          {next !== null ? (
            <button
              type="button"
              className="m-btn"
              disabled={busy}
              onClick={() => void load(filter, next)}
              data-testid="audit-more"
            >
              {at(lang, 'more')}
            </button>
          ) : (
            events.length > 0 && <span className="m-muted">{at(lang, 'end')}</span>
          )}
        </div>
      </div>
    </section>
  );
}
