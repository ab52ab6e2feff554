import { useEffect, useState, type ReactElement } from 'react';
import type { HallReport } from '@yichuang/protocol';
import type { CityReport } from '../../../city/src/reports/city-report.ts';
import {
  LEVELS,
  count,
  levelLabel,
  minutes,
  pauseTotal,
  reasonLabel,
  satisfaction,
  shortDuration,
} from '../../../manager/src/reports/report-format.ts';
import { MatterTable } from '../../../manager/src/reports/tables/matter-table.tsx';
import { CityError, cityFetch } from '../api/city-fetch.ts';
import { useCity } from '../city-store.ts';
import { ct } from '../city-strings.ts';
import { when } from '../format.ts';
import type { Overview } from '../overview/overview-page.tsx';
import { cityMatters } from './city-matters.ts';
import { BarChart } from './wait-chart.tsx';

const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
const daysBefore = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Downloads the CSV or XLSX with the session's token (a plain link could not send it). */
async function download(query: string, format: 'csv' | 'xlsx'): Promise<void> {
  const { session } = useCity.getState();
  const res = await fetch(`/city/api/reports?${query}&format=${format}`, {
    headers: { authorization: `Bearer ${session?.token ?? ''}` },
  });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `city-report.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function HallRow({ r }: { r: HallReport }): ReactElement {
  const lang = useCity((s) => s.lang);
  const stat = (n: number, s: number): string => (n === 0 ? '—' : shortDuration(lang, s));
  return (
    <tr data-testid={`rep-${r.hall.id}`}>
      <td>{r.hall.name}</td>
      <td className="m-num" data-col="issued">
        {count(r.totals.issued)}
      </td>
      <td className="m-num" data-col="served">
        {count(r.totals.served)}
      </td>
      <td className="m-num">{count(r.totals.noShow)}</td>
      <td className="m-num">{count(r.totals.transferred)}</td>
      <td className="m-num">{stat(r.totals.wait.count, r.totals.wait.meanS)}</td>
      <td className="m-num">{stat(r.totals.wait.count, r.totals.wait.p50S)}</td>
      <td className="m-num">{stat(r.totals.wait.count, r.totals.wait.p90S)}</td>
      <td className="m-num">{stat(r.totals.service.count, r.totals.service.meanS)}</td>
      <td className="m-num">{satisfaction(r.ratings)}</td>
      <td className="m-num">{count(r.ratings.low.length)}</td>
      <td className="m-num">{minutes(r.windows.reduce((n, w) => n + pauseTotal(w.pauseMinutes), 0))}</td>
      <td className="m-num">{minutes(r.windows.reduce((n, w) => n + w.emptyPostMinutes, 0))}</td>
    </tr>
  );
}

/** 统计报表: every hall's numbers over the chosen days, the city's sums, charts, low ratings; CSV. */
export function ReportsPage(): ReactElement {
  const lang = useCity((s) => s.lang);
  const [from, setFrom] = useState(daysBefore(today(), 6));
  const [to, setTo] = useState(today());
  const [hallId, setHallId] = useState('');
  const [halls, setHalls] = useState<{ hallId: string; name: string }[]>([]);
  const [query, setQuery] = useState(`from=${daysBefore(today(), 6)}&to=${today()}`);
  const [report, setReport] = useState<CityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void cityFetch<Overview>('/city/api/overview')
      .then((o) => setHalls(o.halls.map((h) => ({ hallId: h.hallId, name: h.name }))))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    let stale = false;
    setBusy(true);
    cityFetch<CityReport>(`/city/api/reports?${query}`)
      .then((r) => !stale && (setReport(r), setError(null)))
      .catch((e: unknown) => !stale && setError(e instanceof CityError ? e.message : String(e)))
      .finally(() => !stale && setBusy(false));
    return () => {
      stale = true;
    };
  }, [query]);

  const reports = report?.halls.flatMap((h) => (h.report === null ? [] : [h.report])) ?? [];
  const t = report?.totals;
  const low = reports
    .flatMap((r) => r.ratings.low.map((l) => ({ ...l, hall: r.hall.name })))
    .sort((a, b) => b.at - a.at);
  return (
    <div className="m-page" data-testid="page-reports">
      <div className="cc-head">
        <div>
          <h1 className="cc-title">{ct(lang, 'rep.title')}</h1>
          <p className="m-muted">{ct(lang, 'rep.note')}</p>
        </div>
      </div>
      <form
        className="m-card cc-rep__bar"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(`from=${from}&to=${to}${hallId === '' ? '' : `&hallId=${hallId}`}`);
        }}
      >
        <label className="m-field">
          <span>{ct(lang, 'rep.from')}</span>
          <input
            type="date"
            className="m-input"
            data-testid="rep-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'rep.to')}</span>
          <input
            type="date"
            className="m-input"
            data-testid="rep-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <label className="m-field">
          <span>{ct(lang, 'rep.hall')}</span>
          <select className="m-input" data-testid="rep-hall" value={hallId} onChange={(e) => setHallId(e.target.value)}>
            <option value="">{ct(lang, 'rep.allHalls')}</option>
            {halls.map((h) => (
              <option key={h.hallId} value={h.hallId}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="m-btn m-btn--primary" data-testid="rep-run" disabled={busy}>
          {busy ? ct(lang, 'rep.loading') : ct(lang, 'rep.run')}
        </button>
        <button type="button" className="m-btn" data-testid="rep-csv" onClick={() => void download(query, 'csv')}>
          {ct(lang, 'rep.csv')}
        </button>
        <button type="button" className="m-btn" data-testid="rep-xlsx" onClick={() => void download(query, 'xlsx')}>
          {ct(lang, 'rep.xlsx')}
        </button>
      </form>
      {error !== null && (
        <p className="m-note m-note--error" data-testid="rep-error">
          {error}
        </p>
      )}
      {report !== null && t !== undefined && (
        <>
          <section className="m-card">
            <table className="m-table cc-rep__table" data-testid="rep-table">
              <thead>
                <tr>
                  {(
                    [
                      'hall',
                      'issued',
                      'served',
                      'noShow',
                      'transferred',
                      'meanWait',
                      'p50Wait',
                      'p90Wait',
                      'meanService',
                      'satisfied',
                      'low',
                      'pause',
                      'empty',
                    ] as const
                  ).map((c) => (
                    <th key={c}>{ct(lang, `rep.col.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <HallRow key={r.hall.id} r={r} />
                ))}
                {report.halls
                  .filter((h) => h.report === null)
                  .map((h) => (
                    <tr key={h.hallId} className="m-muted">
                      <td>{h.name}</td>
                      <td colSpan={12}>{ct(lang, 'rep.noProfile')}</td>
                    </tr>
                  ))}
              </tbody>
              <tfoot>
                <tr data-testid="rep-total">
                  <th>{ct(lang, 'rep.total')}</th>
                  <td className="m-num" data-col="issued">
                    {count(t.issued)}
                  </td>
                  <td className="m-num" data-col="served">
                    {count(t.served)}
                  </td>
                  <td className="m-num">{count(t.noShow)}</td>
                  <td className="m-num">{count(t.transferred)}</td>
                  <td className="m-num">{t.wait.count === 0 ? '—' : shortDuration(lang, t.wait.meanS)}</td>
                  <td className="m-num">—</td>
                  <td className="m-num">—</td>
                  <td className="m-num">{t.service.count === 0 ? '—' : shortDuration(lang, t.service.meanS)}</td>
                  <td className="m-num">
                    {t.ratings.count === 0
                      ? '—'
                      : `${(((t.ratings.levels['4'] + t.ratings.levels['5']) / t.ratings.count) * 100).toFixed(1)}%`}
                  </td>
                  <td className="m-num">{count(t.ratings.low)}</td>
                  <td className="m-num">{minutes(t.pauseMinutes)}</td>
                  <td className="m-num">{minutes(t.emptyPostMinutes)}</td>
                </tr>
              </tfoot>
            </table>
          </section>
          <div className="cc-rep__charts">
            <section className="m-card">
              <h2 className="m-card__title">{ct(lang, 'rep.chartWait')}</h2>
              <BarChart
                testId="chart-wait"
                unit="min"
                rows={reports.map((r) => ({ label: r.hall.name, value: r.totals.wait.meanS / 60 }))}
              />
            </section>
            <section className="m-card">
              <h2 className="m-card__title">{ct(lang, 'rep.chartRatings')}</h2>
              <BarChart
                testId="chart-ratings"
                unit=""
                rows={LEVELS.map((l) => ({ label: levelLabel(lang, l), value: t.ratings.levels[String(l) as '1'] }))}
              />
            </section>
          </div>
          <section className="m-card" data-testid="rep-matters">
            <h2 className="m-card__title">{ct(lang, 'rep.matters')}</h2>
            <MatterTable lang={lang} {...cityMatters(reports)} />
          </section>
          <section className="m-card">
            <h2 className="m-card__title">{ct(lang, 'rep.low')}</h2>
            {low.length === 0 ? (
              <p className="m-muted">{ct(lang, 'rep.noLow')}</p>
            ) : (
              <table className="m-table" data-testid="rep-low">
                <thead>
                  <tr>
                    {(['time', 'hall', 'number', 'window', 'officer', 'level', 'reason'] as const).map((c) => (
                      <th key={c}>{ct(lang, `rep.col.${c}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {low.slice(0, 200).map((l) => (
                    <tr key={`${l.hall}-${l.ticketNumber}-${l.at}`}>
                      <td className="m-num">{when(l.at, 'Asia/Shanghai', Date.now())}</td>
                      <td>{l.hall}</td>
                      <td className="m-num">{l.ticketNumber}</td>
                      <td>{l.windowId}</td>
                      <td>{l.officerId}</td>
                      <td>{levelLabel(lang, l.level)}</td>
                      <td>{reasonLabel(lang, l.reason)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
