import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { CaseView, EventEnvelope } from '@yichuang/protocol';
import { api } from '../shell/hub-api.ts';
import { officerLabel, serviceLabel, windowLabel } from '../shell/hall-names.ts';
import { useHall, useHub } from '../shell/hub-hooks.ts';
import { dateTime } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { CaseDialog, type CaseAction } from './case-dialog.tsx';
import {
  caseListSchema,
  casesOf,
  caseTabs,
  dueText,
  statusKey,
  urgencyOf,
  type CaseList,
  type CaseTab,
} from './case-format.ts';
import { ct } from './cases-strings.ts';
import './cases.css';

interface Filter {
  windowId: string;
  from: string;
  to: string;
}

const NO_FILTER: Filter = { windowId: '', from: '', to: '' };

function query(status: 'open' | 'done', f: Filter): string {
  const q = new URLSearchParams({ status });
  if (f.windowId !== '') q.set('windowId', f.windowId);
  if (f.from !== '') q.set('from', f.from);
  if (f.to !== '') q.set('to', f.to);
  return `/api/cases?${q.toString()}`;
}

async function fetchList(path: string): Promise<{ ok: true; list: CaseList } | { ok: false; message: string }> {
  const res = await api<unknown>('GET', path);
  if (!res.ok) return { ok: false, message: res.error.message };
  const parsed = caseListSchema.safeParse(res.data);
  return parsed.success ? { ok: true, list: parsed.data } : { ok: false, message: '' };
}

/**
 * 受理件: the matters accepted at the windows and their due days in working days: due soon, overdue,
 * all open, done; 材料已补齐 and 办结 with a confirm. Follows case events live.
 */
export function CasesPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  const { state } = useHall();
  const connection = useHub((s) => s.connection);
  const config = connection.mirror.config;
  const timeZone = config?.hall.timezone ?? 'Asia/Shanghai';
  const day = state?.day ?? null;
  const [tab, setTab] = useState<CaseTab>('open');
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [open, setOpen] = useState<CaseList | null>(null);
  const [done, setDone] = useState<CaseList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ c: CaseView; action: CaseAction } | null>(null);
  const asked = useRef(0);

  const load = useCallback(
    async (f: Filter): Promise<void> => {
      const n = ++asked.current;
      const [o, d] = await Promise.all([fetchList(query('open', f)), fetchList(query('done', f))]);
      // An older answer arriving after a newer one is dropped.
      if (n !== asked.current) return;
      const bad = [o, d].find((r) => !r.ok);
      if (bad !== undefined && !bad.ok)
        setError(bad.message === '' ? ct(lang, 'badAnswer') : ct(lang, 'loadFailed', { reason: bad.message }));
      else setError(null);
      if (o.ok) setOpen(o.list);
      if (d.ok) setDone(d.list);
    },
    [lang],
  );

  useEffect(() => {
    void load(filter);
    // day: the working days left change at the day's turn
  }, [filter, load, day]);

  // case:opened / case:updated from any window: read the lists again (once for a burst of events).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = (): void => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void load(filter);
      }, 250);
    };
    const onEvents = (events: EventEnvelope[]): void => {
      if (events.some((e) => e.type === 'case:opened' || e.type === 'case:updated')) later();
    };
    connection.socket.on('hub:events', onEvents);
    connection.socket.on('hub:snapshot', later);
    return () => {
      connection.socket.off('hub:events', onEvents);
      connection.socket.off('hub:snapshot', later);
      if (timer !== null) clearTimeout(timer);
    };
  }, [connection, filter, load]);

  const openCases = useMemo(() => open?.cases ?? [], [open]);
  const doneCases = useMemo(() => done?.cases ?? [], [done]);
  const rows = useMemo(() => casesOf(tab, openCases, doneCases), [tab, openCases, doneCases]);
  const counts: Record<CaseTab, number> = {
    'due-soon': openCases.filter((c) => c.dueSoon).length,
    overdue: openCases.filter((c) => c.overdue).length,
    open: openCases.length,
    done: doneCases.length,
  };
  const truncated = tab === 'done' ? done?.truncated === true : open?.truncated === true;
  const filtered = filter.windowId !== '' || filter.from !== '' || filter.to !== '';
  const matter = (id: string): string => {
    const s = config?.services.find((x) => x.id === id);
    return lang === 'en' && s?.nameEn !== undefined ? s.nameEn : serviceLabel(lang, config, id);
  };
  const today = open?.today ?? day;

  return (
    <section className="m-page" data-testid="page-cases">
      <div className="m-page__head">
        <h1 className="m-page__title">{ct(lang, 'title')}</h1>
        <span className="m-muted">{ct(lang, 'hint')}</span>
      </div>
      <div className="cs-bar">
        <label className="m-field cs-bar__window">
          <span>{ct(lang, 'window')}</span>
          <select
            className="m-input"
            value={filter.windowId}
            data-testid="cs-window"
            onChange={(e) => setFilter({ ...filter, windowId: e.target.value })}
          >
            <option value="">{ct(lang, 'allWindows')}</option>
            {(config?.windows ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label className="m-field">
          <span>{ct(lang, 'from')}</span>
          <input
            className="m-input"
            type="date"
            value={filter.from}
            max={filter.to === '' ? undefined : filter.to}
            data-testid="cs-from"
            onChange={(e) => setFilter({ ...filter, from: e.target.value })}
          />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'to')}</span>
          <input
            className="m-input"
            type="date"
            value={filter.to}
            min={filter.from === '' ? undefined : filter.from}
            data-testid="cs-to"
            onChange={(e) => setFilter({ ...filter, to: e.target.value })}
          />
        </label>
        {filtered && (
          <button type="button" className="m-btn m-btn--small m-btn--ghost" onClick={() => setFilter(NO_FILTER)}>
            {ct(lang, 'clear')}
          </button>
        )}
        <span className="m-gap" />
        {today !== null && <span className="m-muted cs-today">{ct(lang, 'today', { day: today })}</span>}
        <button type="button" className="m-btn m-btn--small" onClick={() => void load(filter)}>
          {ct(lang, 'refresh')}
        </button>
      </div>
      {error !== null && <div className="m-note m-note--error">{error}</div>}
      <div className="m-card cs-card">
        <div className="m-tabs cs-tabs" role="tablist">
          {caseTabs.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={`m-tab cs-tab cs-tab--${k}${tab === k ? ' m-tab--on' : ''}`}
              data-testid={`cs-tab-${k}`}
              onClick={() => setTab(k)}
            >
              {ct(lang, `tab.${k}`)}
              <span
                className={`cs-count${counts[k] > 0 && (k === 'overdue' || k === 'due-soon') ? ` cs-count--${k}` : ''}`}
                data-testid={`cs-count-${k}`}
              >
                {counts[k]}
                {(k === 'done' ? done?.truncated : open?.truncated) === true ? '+' : ''}
              </span>
            </button>
          ))}
        </div>
        {open === null && error === null ? (
          <p className="m-muted cs-empty">{mt(lang, 'common.loading')}</p>
        ) : rows.length === 0 ? (
          <p className="m-muted cs-empty" data-testid="cs-empty">
            {ct(lang, `empty.${tab}`)}
            {filtered ? ` ${ct(lang, 'emptyFiltered')}` : ''}
          </p>
        ) : (
          <table className="m-table cs-table" data-testid="cs-table">
            <thead>
              <tr>
                <th>{ct(lang, 'no')}</th>
                <th>{ct(lang, 'matter')}</th>
                <th>{ct(lang, 'acceptedAt')}</th>
                <th>{ct(lang, 'officer')}</th>
                <th>{ct(lang, 'window')}</th>
                <th>{ct(lang, 'kind')}</th>
                <th>{ct(lang, 'due')}</th>
                <th>{ct(lang, 'status')}</th>
                <th>{ct(lang, 'actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const urgency = urgencyOf(c);
                const due = dueText(lang, c);
                const status = statusKey(c);
                return (
                  <tr key={c.id} className={`cs-row cs-row--${urgency}`} data-no={c.no} data-urgency={urgency}>
                    <td>
                      <div className="cs-no">{c.no}</div>
                      {c.contactName !== '' && (
                        <div className="cs-sub">{ct(lang, 'applicant', { name: c.contactName })}</div>
                      )}
                    </td>
                    <td>
                      <div className="cs-matter">{matter(c.serviceId)}</div>
                    </td>
                    <td className="cs-nowrap" title={dateTime(c.acceptedAt, timeZone)}>
                      {/* the year is in the 受理编号 and the due day */}
                      {dateTime(c.acceptedAt, timeZone).slice(5, 16)}
                    </td>
                    <td className="cs-officer">{officerLabel(lang, config, c.officerId)}</td>
                    <td className="cs-nowrap">{windowLabel(lang, config, c.windowId)}</td>
                    <td>
                      <span className={`m-chip ${c.kind === 'accepted-pending' ? 'm-chip--warn' : 'm-chip--idle'}`}>
                        {ct(lang, `kind.${c.kind}`)}
                      </span>
                      {c.kind === 'accepted-pending' && c.materialsReceivedAt === null && (
                        <div className="cs-sub cs-follow" data-testid="cs-follow">
                          {ct(lang, 'toFollow')}
                          {c.pendingMaterials.join(lang === 'zh' ? '、' : ', ')}
                        </div>
                      )}
                      {c.materialsReceivedAt !== null && (
                        <div className="cs-sub">
                          {ct(lang, 'receivedAt', { time: dateTime(c.materialsReceivedAt, timeZone).slice(5, 16) })}
                        </div>
                      )}
                    </td>
                    <td className="cs-due">
                      <div className="cs-due__day">{c.dueDay}</div>
                      {due !== null && (
                        <div className={`cs-due__left cs-due__left--${urgency}`} data-testid="cs-left">
                          {due}
                        </div>
                      )}
                      {c.doneAt !== null && (
                        <div className="cs-sub">
                          {ct(lang, 'doneAt', { time: dateTime(c.doneAt, timeZone).slice(0, 16) })}
                        </div>
                      )}
                    </td>
                    <td>
                      <span className={`cs-status cs-status--${status.slice(7)}`} data-testid="cs-status">
                        {ct(lang, status)}
                      </span>
                    </td>
                    <td className="cs-actions">
                      {c.kind === 'accepted-pending' && c.status === 'open' && (
                        <button
                          type="button"
                          className="m-btn m-btn--small"
                          data-testid="cs-materials"
                          onClick={() => setAsking({ c, action: 'materials-received' })}
                        >
                          {ct(lang, 'materialsReceived')}
                        </button>
                      )}
                      {c.status !== 'done' && (
                        <button
                          type="button"
                          className="m-btn m-btn--small m-btn--primary"
                          data-testid="cs-done"
                          onClick={() => setAsking({ c, action: 'done' })}
                        >
                          {ct(lang, 'finish')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {truncated && <div className="m-note m-note--warn">{ct(lang, 'truncated', { n: rows.length })}</div>}
      </div>
      {asking !== null && (
        <CaseDialog
          c={asking.c}
          action={asking.action}
          matter={matter(asking.c.serviceId)}
          onClose={() => setAsking(null)}
          onSaved={() => {
            setAsking(null);
            void load(filter);
          }}
        />
      )}
    </section>
  );
}
