import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { hubNow } from '@yichuang/client';
import type { HallReport } from '@yichuang/protocol';
import { api, download } from '../shell/hub-api.ts';
import { useHall, useHub } from '../shell/hub-hooks.ts';
import { useManager } from '../shell/manager-store.ts';
import { exportName, isSingleDay, matchingPick, quickPeriod, reportPath, type Period } from './date-range.ts';
import { PeriodBar } from './period-bar.tsx';
import { PrintReport } from './print/print-report.tsx';
import { openingFrame, promisedSeconds } from './report-figures.ts';
import { ReportView } from './report-view.tsx';
import { rt } from './reports-strings.ts';
import './reports.css';

type Format = 'csv' | 'xlsx';

/**
 * 统计报表: the hall's figures for a day or a date range from the hub's event log, with charts, CSV and
 * XLSX export, and a printable daily report for superiors.
 */
export function ReportsPage(): ReactElement {
  const lang = useManager((s) => s.lang);
  // useHall re-renders the page when the snapshot arrives; the config itself is read from the mirror.
  useHall();
  const config = useHub((s) => s.connection).mirror.config;
  const timeZone = config?.hall.timezone ?? null;
  const [draft, setDraft] = useState<Period | null>(null);
  const [report, setReport] = useState<HallReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exporting, setExporting] = useState<Format | null>(null);
  const [printing, setPrinting] = useState(false);
  const asked = useRef(0);

  const load = useCallback(async (p: Period): Promise<void> => {
    // Only the latest request's answer is shown: a slow range must not overwrite the day picked after it.
    const n = ++asked.current;
    setDraft(p);
    setBusy(true);
    const res = await api<HallReport>('GET', reportPath(p));
    if (n !== asked.current) return;
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setReport(res.data);
  }, []);

  // Today is the hall's today by the hub's clock, known once the first snapshot has come.
  useEffect(() => {
    if (timeZone !== null && draft === null) void load(quickPeriod('today', hubNow(), timeZone));
  }, [timeZone, draft, load]);

  // What the hall's hours add to the report: the busy share's ground and the hourly chart's frame.
  const promisedS = useMemo(
    () => (report === null || config === null ? null : promisedSeconds(config.hall, report, report.until)),
    [report, config],
  );
  const frame = useMemo(
    () => (report === null || config === null ? null : openingFrame(config.hall, report)),
    [report, config],
  );

  const exportAs = async (format: Format): Promise<void> => {
    if (report === null) return;
    const p = { from: report.from, to: report.to };
    setExporting(format);
    const res = await download(reportPath(p, format), exportName(report.hall.id, p, format));
    setExporting(null);
    const say = useManager.getState().say;
    if (res.ok) say('ok', rt(lang, 'export.done', { name: res.data }));
    else say('error', res.error.message);
  };

  if (printing && report !== null && timeZone !== null)
    return (
      <section className="m-page r-page" data-testid="page-reports">
        <PrintReport
          lang={lang}
          report={report}
          timeZone={timeZone}
          promisedS={promisedS}
          frame={frame}
          onBack={() => setPrinting(false)}
        />
      </section>
    );

  const single = report === null || isSingleDay(report);
  return (
    <section className="m-page r-page" data-testid="page-reports">
      <div className="m-page__head">
        <h1 className="m-page__title">{rt(lang, 'title')}</h1>
        <span className="m-muted">{rt(lang, 'hint')}</span>
      </div>
      <div className="m-card r-toolbar">
        {draft !== null && timeZone !== null ? (
          <PeriodBar
            lang={lang}
            draft={draft}
            pick={matchingPick(draft, hubNow(), timeZone)}
            busy={busy}
            onDraft={setDraft}
            onLoad={(p) => void load(p)}
            onPick={(q) => void load(quickPeriod(q, hubNow(), timeZone))}
          />
        ) : (
          <span className="m-muted">{rt(lang, 'period.waiting')}</span>
        )}
        <span className="m-gap" />
        <div className="r-actions">
          <button
            type="button"
            className="m-btn"
            data-testid="export-csv"
            disabled={report === null || exporting !== null}
            onClick={() => void exportAs('csv')}
          >
            {exporting === 'csv' ? rt(lang, 'export.busy') : rt(lang, 'export.csv')}
          </button>
          <button
            type="button"
            className="m-btn"
            data-testid="export-xlsx"
            disabled={report === null || exporting !== null}
            onClick={() => void exportAs('xlsx')}
          >
            {exporting === 'xlsx' ? rt(lang, 'export.busy') : rt(lang, 'export.xlsx')}
          </button>
          <button
            type="button"
            className="m-btn m-btn--primary"
            data-testid="print-open"
            disabled={report === null}
            onClick={() => setPrinting(true)}
          >
            {rt(lang, single ? 'print.openDaily' : 'print.openRange')}
          </button>
        </div>
      </div>
      {error !== null && (
        <div className="m-note m-note--error" role="alert" data-testid="report-error">
          {error}
        </div>
      )}
      {report !== null && timeZone !== null ? (
        <ReportView lang={lang} report={report} timeZone={timeZone} promisedS={promisedS} frame={frame} />
      ) : (
        error === null && <p className="m-muted r-empty">{rt(lang, 'period.loading')}</p>
      )}
    </section>
  );
}
