import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { AppointmentDay, Catalogue, ImportReport, StaffAppointment } from '@yichuang/protocol';
import { api } from '../shell/hub-api.ts';
import { useHall } from '../shell/hub-hooks.ts';
import { useManager } from '../shell/manager-store.ts';
import { mt } from '../shell/shell-strings.ts';
import { apt, type AppointmentKey } from './appointments-strings.ts';
import { PhoneBooking } from './phone-booking.tsx';
import './appointments.css';

const MAX_FILE = 60 * 1024;

function shiftDay(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 预约管理: the day's bookings per slot, arrivals, no-shows and fill rate; phone booking; import. */
export function AppointmentsPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  const say = useManager((s) => s.say);
  const { state } = useHall();
  const today = state?.day ?? null;
  const [day, setDay] = useState<string | null>(null);
  const [data, setData] = useState<AppointmentDay | null>(null);
  const [services, setServices] = useState<Catalogue['services']>([]);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  useEffect(() => {
    if (day === null && today !== null) setDay(today);
  }, [day, today]);
  useEffect(() => {
    void api<Catalogue>('GET', '/api/catalogue').then((res) => res.ok && setServices(res.data.services));
  }, []);
  const load = useCallback(async (d: string): Promise<void> => {
    const res = await api<AppointmentDay>('GET', `/api/appointments?day=${d}`);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setData(res.data);
  }, []);
  useEffect(() => {
    if (day === null) return;
    void load(day);
    const timer = setInterval(() => void load(day), 30_000);
    return () => clearInterval(timer);
  }, [day, load]);

  const cancel = async (a: StaffAppointment): Promise<void> => {
    if (!window.confirm(apt(lang, 'cancelConfirm', { code: a.code }))) return;
    const res = await api('POST', `/api/appointments/${encodeURIComponent(a.code)}/cancel`, {});
    if (!res.ok) return say('error', res.error.message);
    say('ok', apt(lang, 'cancelledToast', { code: a.code }));
    if (day !== null) void load(day);
  };

  const importFile = async (file: File): Promise<void> => {
    if (file.size > MAX_FILE) return say('error', apt(lang, 'fileTooBig'));
    const text = await file.text();
    let body: unknown = { csv: text };
    if (/\.json$/i.test(file.name) || text.trimStart().startsWith('[') || text.trimStart().startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(text);
        body = Array.isArray(parsed) ? { items: parsed } : parsed;
      } catch (e) {
        return say('error', (e as Error).message);
      }
    }
    const res = await api<{ report: ImportReport }>('POST', '/api/appointments/import', body);
    if (!res.ok) return say('error', res.error.message);
    setReport(res.data.report);
    const r = res.data.report;
    say('ok', apt(lang, 'importDone', { imported: r.imported, duplicates: r.duplicates, refused: r.refused.length }));
    if (day !== null) void load(day);
  };

  if (day === null)
    return (
      <section className="m-page" data-testid="page-appointments">
        <h1 className="m-page__title">{apt(lang, 'title')}</h1>
        <p className="m-muted">{mt(lang, 'common.loading')}</p>
      </section>
    );

  const t = data?.totals;
  const tiles: [AppointmentKey, string, string?][] =
    t === undefined
      ? []
      : [
          ['booked', String(t.booked)],
          ['arrived', String(t.arrived), 'good'],
          ['noShow', String(t.noShow), t.noShow > 0 ? 'warn' : undefined],
          ['cancelled', String(t.cancelled)],
          ['capacity', String(t.capacity)],
          ['fillRate', t.fillRate === null ? '—' : `${Math.round(t.fillRate * 100)}%`],
        ];
  const queueName = (id: string): string => {
    const q = state?.model.queues.get(id);
    return q === undefined ? id : lang === 'en' && q.nameEn !== undefined ? q.nameEn : q.name;
  };
  const byQueue = new Map<string, AppointmentDay['slots']>();
  for (const s of data?.slots ?? []) byQueue.set(s.queueId, [...(byQueue.get(s.queueId) ?? []), s]);

  return (
    <section className="m-page" data-testid="page-appointments">
      <div className="m-page__head">
        <h1 className="m-page__title">{apt(lang, 'title')}</h1>
        <span className="m-muted">{apt(lang, 'hint')}</span>
      </div>
      <div className="ap-daybar">
        <button type="button" className="m-btn m-btn--small" onClick={() => setDay(shiftDay(day, -1))}>
          ‹ {apt(lang, 'prev')}
        </button>
        <label className="m-field ap-daybar__day">
          <span>{apt(lang, 'day')}</span>
          <input
            className="m-input"
            type="date"
            value={day}
            onChange={(e) => e.target.value !== '' && setDay(e.target.value)}
            data-testid="ap-day"
          />
        </label>
        <button type="button" className="m-btn m-btn--small" onClick={() => setDay(shiftDay(day, 1))}>
          {apt(lang, 'next')} ›
        </button>
        {today !== null && day !== today && (
          <button type="button" className="m-btn m-btn--small m-btn--ghost" onClick={() => setDay(today)}>
            {apt(lang, 'today')}
          </button>
        )}
        <span className="m-gap" />
        <button type="button" className="m-btn m-btn--small" onClick={() => void load(day)}>
          {apt(lang, 'refresh')}
        </button>
      </div>
      {error !== null && <div className="m-note m-note--error">{error}</div>}
      <div className="ap-tiles" data-testid="ap-totals">
        {tiles.map(([key, value, tone]) => (
          <div key={key} className={`r-tile ${tone === undefined ? '' : `r-tile--${tone}`}`} data-tile={key}>
            <div className="r-tile__label">{apt(lang, key)}</div>
            <div className="r-tile__value">{value}</div>
          </div>
        ))}
      </div>
      <div className="ap-columns">
        <div className="m-card ap-slots" data-testid="ap-slots">
          <div className="m-card__head">
            <span className="m-card__title">{apt(lang, 'slots')}</span>
          </div>
          {byQueue.size === 0 && <p className="m-muted">{apt(lang, 'noSlots')}</p>}
          {[...byQueue].map(([queueId, slots]) => (
            <div key={queueId} className="ap-queue">
              <div className="ap-queue__name">{queueName(queueId)}</div>
              <div className="ap-slot-grid">
                {slots.map((s) => (
                  <div
                    key={s.start}
                    className={`ap-slot ${s.remaining === 0 ? 'ap-slot--full' : s.booked > 0 ? 'ap-slot--some' : ''}`}
                    title={`${s.start}–${s.end}`}
                  >
                    <div className="ap-slot__time">{s.start}</div>
                    <div className="ap-slot__bar">
                      <span style={{ width: `${Math.min(100, (s.booked / s.capacity) * 100)}%` }} />
                    </div>
                    <div className="ap-slot__n">{apt(lang, 'slotTaken', { b: s.booked, c: s.capacity })}</div>
                    {s.arrived > 0 && <div className="ap-slot__in">{apt(lang, 'slotArrived', { n: s.arrived })}</div>}
                  </div>
                ))}
              </div>
            </div>
          ))}
        </div>
        <div className="ap-side">
          <PhoneBooking
            lang={lang}
            day={day < (today ?? day) ? (today ?? day) : day}
            services={services}
            onBooked={() => void load(day)}
          />
          <div className="m-card" data-testid="ap-import">
            <div className="m-card__head">
              <span className="m-card__title">{apt(lang, 'import')}</span>
            </div>
            <p className="m-muted">{apt(lang, 'importHint')}</p>
            <label className="m-btn">
              {apt(lang, 'chooseFile')}
              <input
                type="file"
                accept=".csv,.json,text/csv,application/json"
                hidden
                data-testid="ap-import-file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f !== undefined) void importFile(f);
                }}
              />
            </label>
            {report !== null && (
              <div className="ap-report" data-testid="ap-import-report">
                <div>
                  {apt(lang, 'importDone', {
                    imported: report.imported,
                    duplicates: report.duplicates,
                    refused: report.refused.length,
                  })}
                </div>
                {report.refused.length > 0 && (
                  <table className="m-table">
                    <thead>
                      <tr>
                        <th>{apt(lang, 'row')}</th>
                        <th>{apt(lang, 'code')}</th>
                        <th>{apt(lang, 'reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.refused.map((r) => (
                        <tr key={r.row}>
                          <td className="m-num">{r.row}</td>
                          <td>{r.code ?? '—'}</td>
                          <td>{r.reason}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            )}
          </div>
        </div>
      </div>
      <div className="m-card">
        <div className="m-card__head">
          <span className="m-card__title">{apt(lang, 'list', { n: data?.appointments.length ?? 0 })}</span>
        </div>
        <table className="m-table ap-table" data-testid="ap-table">
          <thead>
            <tr>
              <th>{apt(lang, 'time')}</th>
              <th>{apt(lang, 'code')}</th>
              <th>{apt(lang, 'matter')}</th>
              <th>{apt(lang, 'name')}</th>
              <th>{apt(lang, 'phone')}</th>
              <th>{apt(lang, 'source')}</th>
              <th>{apt(lang, 'status')}</th>
              <th>{apt(lang, 'ticket')}</th>
              <th>{apt(lang, 'actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(data?.appointments ?? []).map((a) => (
              <tr key={a.code} data-code={a.code} data-status={a.status}>
                <td className="m-num">
                  {a.start}–{a.end}
                </td>
                <td className="ap-code">{a.code}</td>
                <td>{a.serviceName}</td>
                <td>{a.name === '' ? '—' : a.name}</td>
                <td className="m-num">{a.phone === '' ? '—' : a.phone}</td>
                <td>{apt(lang, `source.${a.source}`)}</td>
                <td>
                  <span className={`ap-status ap-status--${a.status}`}>{apt(lang, `status.${a.status}`)}</span>
                </td>
                <td className="m-num">{a.ticketNumber ?? '—'}</td>
                <td>
                  {a.status === 'booked' && (
                    <button type="button" className="m-btn m-btn--small m-btn--danger" onClick={() => void cancel(a)}>
                      {apt(lang, 'cancel')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data !== null && data.appointments.length === 0 && <p className="m-muted ap-empty">{apt(lang, 'empty')}</p>}
      </div>
    </section>
  );
}
