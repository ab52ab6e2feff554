import { useCallback, useRef, type ReactElement, type ReactNode } from 'react';
import type { HallReport } from '@yichuang/protocol';
import { dateTime, type Lang } from '../../shell/make-strings.ts';
import { HourlyChart } from '../charts/hourly-chart.tsx';
import type { HourFrame } from '../report-figures.ts';
import { periodDays } from '../date-range.ts';
import { weekday } from '../report-format.ts';
import { rt } from '../reports-strings.ts';
import { tilesOf } from '../total-tiles.tsx';
import { DayTable } from '../tables/day-table.tsx';
import { ct as complaintText } from '../tables/complaints-table.tsx';
import { LowRatingsTable } from '../tables/low-ratings-table.tsx';
import { MatterTable } from '../tables/matter-table.tsx';
import './print-sheet.css';
import { PrintComplaints, PrintOfficers, PrintQueues, PrintWindows } from './print-tables.tsx';

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function Section(p: { n: number; lang: Lang; title: string; children: ReactNode }): ReactElement {
  const mark = p.lang === 'zh' ? `${ZH_NUMERALS[p.n - 1] ?? p.n}、` : `${p.n}. `;
  return (
    <section className="r-sheet__section">
      <h2>
        {mark}
        {p.title}
      </h2>
      {p.children}
    </section>
  );
}

export interface PrintReportProps {
  lang: Lang;
  report: HallReport;
  timeZone: string;
  promisedS: number | null;
  frame: HourFrame | null;
  onBack: () => void;
}

/**
 * The daily report as it goes to superiors on A4: a header (hall, date, when generated), the figures in
 * sections, and the lines 带班领导 and 大厅负责人 sign on. The print dialog opens by itself once the chart
 * has drawn, so the paper never shows an empty chart frame.
 */
export function PrintReport(p: PrintReportProps): ReactElement {
  const { lang, report, timeZone } = p;
  const single = report.from === report.to;
  const printed = useRef(false);
  const printOnce = useCallback(() => {
    if (printed.current) return;
    printed.current = true;
    window.print();
  }, []);

  const totals = tilesOf(lang, report);
  const period = single
    ? `${report.from} ${weekday(lang, report.from)}`
    : rt(lang, 'head.range', { from: report.from, to: report.to, n: periodDays(report) });
  const sections: [string, ReactNode][] = [
    [
      rt(lang, 'print.totals'),
      <table className="r-ptable r-ptable--totals" data-testid="print-totals">
        <tbody>
          <tr>
            {totals.map((t) => (
              <th key={t.id}>{rt(lang, t.label)}</th>
            ))}
          </tr>
          <tr>
            {totals.map((t) => (
              <td key={t.id} data-col={t.id}>
                {t.value}
              </td>
            ))}
          </tr>
        </tbody>
      </table>,
    ],
    [
      rt(lang, 'chart.hours'),
      <div className="r-sheet__chart">
        <HourlyChart lang={lang} hours={report.hours} frame={p.frame} testId="print-chart-hours" onReady={printOnce} />
      </div>,
    ],
    [rt(lang, 'card.queues'), <PrintQueues lang={lang} report={report} />],
    [rt(lang, 'card.windows'), <PrintWindows lang={lang} report={report} promisedS={p.promisedS} />],
    [rt(lang, 'card.officers'), <PrintOfficers lang={lang} report={report} />],
  ];
  // 事项与结果 (matters and outcomes at finish) and 投诉与回访, as on the screen, when the report has them.
  if (report.outcomes !== undefined && report.matters !== undefined)
    sections.push([
      rt(lang, 'card.matters'),
      <MatterTable lang={lang} matters={report.matters} totals={report.outcomes} />,
    ]);
  sections.push([rt(lang, 'card.low'), <LowRatingsTable lang={lang} report={report} timeZone={timeZone} />]);
  if (report.complaints !== undefined)
    sections.push([complaintText(lang, 'title'), <PrintComplaints lang={lang} totals={report.complaints} />]);
  if (!single) sections.push([rt(lang, 'card.days'), <DayTable lang={lang} days={report.days} />]);
  return (
    <div className="r-print-wrap">
      <div className="r-print-bar m-noprint">
        <button type="button" className="m-btn m-btn--primary" data-testid="print-again" onClick={() => window.print()}>
          {rt(lang, 'print.go')}
        </button>
        <button type="button" className="m-btn" data-testid="print-back" onClick={p.onBack}>
          {rt(lang, 'print.back')}
        </button>
        <span className="m-muted">{rt(lang, 'print.hint')}</span>
      </div>
      <article className="r-sheet" data-testid="print-view">
        <header className="r-sheet__head">
          <div className="r-sheet__hall" data-testid="print-hall">
            {report.hall.name}
          </div>
          <h1>{rt(lang, single ? 'print.titleDaily' : 'print.titleRange')}</h1>
          <div className="r-sheet__meta">
            <span data-testid="print-period">
              {rt(lang, 'print.period')}
              {period}
            </span>
            <span data-testid="print-generated">
              {rt(lang, 'print.generated')}
              {dateTime(report.generatedAt, timeZone)}
            </span>
          </div>
        </header>

        {sections.map(([title, body], i) => (
          <Section key={title} n={i + 1} lang={lang} title={title}>
            {body}
          </Section>
        ))}

        <footer className="r-sheet__sign" data-testid="print-signatures">
          <span>{rt(lang, 'print.signLead')}</span>
          <span>{rt(lang, 'print.signManager')}</span>
          <span>{rt(lang, 'print.signDate')}</span>
        </footer>
      </article>
    </div>
  );
}
