import { useCallback, useEffect, useState, type ReactElement } from 'react';
import {
  complaintChannelNames,
  complaintListSchema,
  followUpListSchema,
  type ComplaintRecord,
  type FollowUpRecord,
} from '@yichuang/protocol';
import { levelLabel, reasonLabel } from '../reports/report-format.ts';
import { api } from '../shell/hub-api.ts';
import { useHub } from '../shell/hub-hooks.ts';
import { officerLabel, windowLabel, type NamedConfig } from '../shell/hall-names.ts';
import { dateTime, type Lang } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { AssignDialog, CloseDialog, RecordDialog } from './complaint-dialogs.tsx';
import { ct } from './complaints-strings.ts';
import './complaints.css';

type Tab = 'complaints' | 'followUps';
type StatusFilter = 'open' | 'closed' | '';
type Open =
  | { kind: 'record' }
  | { kind: 'assign'; complaint: ComplaintRecord }
  | { kind: 'close'; complaint: ComplaintRecord }
  | { kind: 'followup'; followUp: FollowUpRecord }
  | null;

/** New follow-ups come from ratings at the counters: the list looks again while the page is open. */
const REFRESH_MS = 10_000;

function query(status: StatusFilter, from: string, to: string): string {
  const q = new URLSearchParams({ limit: '200' });
  if (status !== '') q.set('status', status);
  if (from !== '') q.set('from', from);
  if (to !== '') q.set('to', to);
  return q.toString();
}

/** 投诉与回访: complaints recorded here, and the follow-ups every rating of 2 or less opens. */
export function ComplaintsPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  const config = useHub((s) => s.connection).mirror.config;
  const timeZone = config?.hall.timezone ?? 'Asia/Shanghai';
  const [tab, setTab] = useState<Tab>('complaints');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [complaints, setComplaints] = useState<ComplaintRecord[] | null>(null);
  const [followUps, setFollowUps] = useState<FollowUpRecord[] | null>(null);
  const [openCounts, setOpenCounts] = useState({ complaints: 0, followUps: 0 });
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Open>(null);

  const load = useCallback(async (): Promise<void> => {
    const q = query(status, from, to);
    const [c, f, co, fo] = await Promise.all([
      api<unknown>('GET', `/api/complaints?${q}`),
      api<unknown>('GET', `/api/followups?${q}`),
      api<unknown>('GET', '/api/complaints?status=open'),
      api<unknown>('GET', '/api/followups?status=open'),
    ]);
    const failed = [c, f, co, fo].find((r) => !r.ok);
    if (failed !== undefined && !failed.ok) return setError(failed.error.message);
    const pc = complaintListSchema.safeParse(c.ok ? c.data : null);
    const pf = followUpListSchema.safeParse(f.ok ? f.data : null);
    const pco = complaintListSchema.safeParse(co.ok ? co.data : null);
    const pfo = followUpListSchema.safeParse(fo.ok ? fo.data : null);
    if (!pc.success || !pf.success || !pco.success || !pfo.success) return setError(mt(lang, 'net.unreachable'));
    setError(null);
    setComplaints(pc.data.complaints);
    setFollowUps(pf.data.followUps);
    setOpenCounts({ complaints: pco.data.complaints.length, followUps: pfo.data.followUps.length });
  }, [status, from, to, lang]);

  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(t);
  }, [load]);

  const done = (): void => {
    setDialog(null);
    void load();
  };

  return (
    <section className="m-page" data-testid="page-complaints">
      <div className="m-page__head">
        <h1 className="m-page__title">{ct(lang, 'title')}</h1>
        <span className="m-muted">{ct(lang, 'hint')}</span>
        <span className="m-gap" />
        <button
          type="button"
          className="m-btn m-btn--primary"
          data-testid="complaint-new"
          onClick={() => setDialog({ kind: 'record' })}
        >
          {ct(lang, 'record')}
        </button>
      </div>
      <div className="m-tabs">
        {(['complaints', 'followUps'] as const).map((t) => (
          <button
            key={t}
            type="button"
            className={`m-tab ${tab === t ? 'm-tab--on' : ''}`}
            data-testid={`tab-${t}`}
            onClick={() => setTab(t)}
          >
            {ct(lang, `tab.${t}`)}
            {openCounts[t] > 0 && <span className="cp-count">{ct(lang, 'openCount', { n: openCounts[t] })}</span>}
          </button>
        ))}
      </div>
      <div className="cp-filters">
        <label className="m-field">
          <span>{ct(lang, 'filter.status')}</span>
          <select
            data-testid="complaint-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as StatusFilter)}
          >
            <option value="open">{ct(lang, 'filter.open')}</option>
            <option value="closed">{ct(lang, 'filter.closed')}</option>
            <option value="">{ct(lang, 'filter.all')}</option>
          </select>
        </label>
        <label className="m-field">
          <span>{ct(lang, 'filter.from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'filter.to')}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="m-btn" onClick={() => void load()}>
          {ct(lang, 'refresh')}
        </button>
      </div>
      {error !== null && <div className="m-note m-note--error">{error}</div>}
      <div className="m-card cp-card">
        {tab === 'complaints' ? (
          <ComplaintTable
            lang={lang}
            rows={complaints}
            config={config}
            timeZone={timeZone}
            onAssign={(c) => setDialog({ kind: 'assign', complaint: c })}
            onClose={(c) => setDialog({ kind: 'close', complaint: c })}
          />
        ) : (
          <FollowUpTable
            lang={lang}
            rows={followUps}
            config={config}
            timeZone={timeZone}
            onClose={(f) => setDialog({ kind: 'followup', followUp: f })}
          />
        )}
      </div>
      {dialog?.kind === 'record' && (
        <RecordDialog lang={lang} config={config} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'assign' && (
        <AssignDialog
          lang={lang}
          config={config}
          complaintId={dialog.complaint.id}
          current={dialog.complaint.assignedTo}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'close' && (
        <CloseDialog
          lang={lang}
          kind="complaint"
          id={dialog.complaint.id}
          summary={dialog.complaint.text}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'followup' && (
        <CloseDialog
          lang={lang}
          kind="followup"
          id={dialog.followUp.id}
          summary={`${dialog.followUp.ticketNumber} · ${windowLabel(lang, config, dialog.followUp.windowId)} · ${officerLabel(lang, config, dialog.followUp.officerId)} · ${levelLabel(lang, dialog.followUp.level)} · ${reasonLabel(lang, dialog.followUp.reason)}`}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
    </section>
  );
}

interface TableProps<T> {
  lang: Lang;
  rows: T[] | null;
  config: NamedConfig | null;
  timeZone: string;
}

function ComplaintTable(
  p: TableProps<ComplaintRecord> & { onAssign: (c: ComplaintRecord) => void; onClose: (c: ComplaintRecord) => void },
): ReactElement {
  const { lang, config } = p;
  return (
    <>
      <table className="m-table cp-table" data-testid="complaint-table">
        <thead>
          <tr>
            <th className="cp-col-time">{ct(lang, 'col.received')}</th>
            <th className="cp-col-channel">{ct(lang, 'col.channel')}</th>
            <th className="cp-col-person">{ct(lang, 'col.person')}</th>
            <th>{ct(lang, 'col.text')}</th>
            <th className="cp-col-about">{ct(lang, 'col.about')}</th>
            <th className="cp-col-who">{ct(lang, 'col.assignee')}</th>
            <th className="cp-col-actions">{ct(lang, 'col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows?.map((c) => (
            <tr key={c.id} data-testid={`complaint-row-${c.id}`} data-status={c.status}>
              <td>{dateTime(c.receivedAt, p.timeZone)}</td>
              <td>{complaintChannelNames[c.channel][lang]}</td>
              <td>
                <div>{c.name === '' ? <span className="m-muted">{ct(lang, 'anonymous')}</span> : c.name}</div>
                <div className="m-muted cp-phone">{c.phone === '' ? ct(lang, 'noPhone') : c.phone}</div>
              </td>
              <td>
                <div className="cp-text">{c.text}</div>
                {c.result !== null && (
                  <div className="cp-result">
                    <b>{ct(lang, 'result')}：</b>
                    {c.result}
                  </div>
                )}
              </td>
              <td>
                {[
                  c.windowId === null ? null : windowLabel(lang, config, c.windowId),
                  c.officerId === null ? null : officerLabel(lang, config, c.officerId),
                  c.ticketNumber,
                ]
                  .filter((x) => x !== null)
                  .join(' · ') || ct(lang, 'noResult')}
              </td>
              <td>
                {c.assignedTo === null ? (
                  <span className="m-muted">{ct(lang, 'unassigned')}</span>
                ) : (
                  officerLabel(lang, config, c.assignedTo)
                )}
              </td>
              <td>
                {c.status === 'closed' ? (
                  <span className="m-chip m-chip--ok">{ct(lang, 'status.closed')}</span>
                ) : (
                  <div className="cp-actions">
                    <span className={`m-chip ${c.assignedTo === null ? 'm-chip--danger' : 'm-chip--warn'}`}>
                      {ct(lang, c.assignedTo === null ? 'status.open' : 'status.assigned')}
                    </span>
                    <button
                      type="button"
                      className="m-btn m-btn--small"
                      data-testid={`complaint-assign-${c.id}`}
                      onClick={() => p.onAssign(c)}
                    >
                      {ct(lang, 'assign')}
                    </button>
                    <button
                      type="button"
                      className="m-btn m-btn--small m-btn--primary"
                      data-testid={`complaint-close-${c.id}`}
                      onClick={() => p.onClose(c)}
                    >
                      {ct(lang, 'close')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.rows?.length === 0 && <p className="m-muted cp-empty">{ct(lang, 'emptyComplaints')}</p>}
    </>
  );
}

function FollowUpTable(p: TableProps<FollowUpRecord> & { onClose: (f: FollowUpRecord) => void }): ReactElement {
  const { lang, config } = p;
  return (
    <>
      <table className="m-table cp-table" data-testid="followup-table">
        <thead>
          <tr>
            <th className="cp-col-time">{ct(lang, 'col.opened')}</th>
            <th className="cp-col-ticket">{ct(lang, 'col.ticket')}</th>
            <th className="cp-col-window">{ct(lang, 'col.window')}</th>
            <th className="cp-col-who">{ct(lang, 'col.officer')}</th>
            <th className="cp-col-level">{ct(lang, 'col.level')}</th>
            <th className="cp-col-reason">{ct(lang, 'col.reason')}</th>
            <th>{ct(lang, 'col.action')}</th>
            <th className="cp-col-actions">{ct(lang, 'col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows?.map((f) => (
            <tr key={f.id} data-testid={`followup-row-${f.ticketNumber}`} data-status={f.status}>
              <td>{dateTime(f.openedAt, p.timeZone)}</td>
              <td className="cp-ticket">{f.ticketNumber}</td>
              <td>{windowLabel(lang, config, f.windowId)}</td>
              <td>{officerLabel(lang, config, f.officerId)}</td>
              <td>
                <span className={`cp-level cp-level--${f.level}`}>{levelLabel(lang, f.level)}</span>
              </td>
              <td>{reasonLabel(lang, f.reason)}</td>
              <td>{f.action ?? <span className="m-muted">{ct(lang, 'noResult')}</span>}</td>
              <td>
                {f.status === 'closed' ? (
                  <span className="m-chip m-chip--ok">{ct(lang, 'status.closed')}</span>
                ) : (
                  <div className="cp-actions">
                    <span className="m-chip m-chip--danger">{ct(lang, 'status.open')}</span>
                    <button
                      type="button"
                      className="m-btn m-btn--small m-btn--primary"
                      data-testid={`followup-close-${f.ticketNumber}`}
                      onClick={() => p.onClose(f)}
                    >
                      {ct(lang, 'closeFollowUp')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.rows?.length === 0 && <p className="m-muted cp-empty">{ct(lang, 'emptyFollowUps')}</p>}
    </>
  );
}
