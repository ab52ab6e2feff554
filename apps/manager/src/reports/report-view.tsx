import { useMemo, type ReactElement } from 'react';
import type { HallReport } from '@yichuang/protocol';
import { addDays, localToEpoch } from '@yichuang/engine';
import { clockTime, dateTime, type Lang } from '../shell/make-strings.ts';
import { HourlyChart } from './charts/hourly-chart.tsx';
import { RatingsChart } from './charts/ratings-chart.tsx';
import { WindowLoadChart } from './charts/window-load-chart.tsx';
import { periodDays } from './date-range.ts';
import { loadBalance, type HourFrame } from './report-figures.ts';
import { count, lowCount, satisfaction, weekday } from './report-format.ts';
import { rt } from './reports-strings.ts';
import { DayTable } from './tables/day-table.tsx';
import { LowRatingsTable } from './tables/low-ratings-table.tsx';
import { MatterTable } from './tables/matter-table.tsx';
import { OfficerTable } from './tables/officer-table.tsx';
import { QueueTable } from './tables/queue-table.tsx';
import { WindowTable } from './tables/window-table.tsx';
import { ComplaintsTable, ct as complaintText } from './tables/complaints-table.tsx';
import { TotalTiles } from './total-tiles.tsx';

export interface ReportViewProps {
  lang: Lang;
  report: HallReport;
  timeZone: string;
  /** Promised opening seconds of the period, for the busy share; null while the hall's hours are unknown. */
  promisedS: number | null;
  /** The hours the hall is open in the period, for the hourly chart; null while unknown. */
  frame: HourFrame | null;
}

/** What period the figures are of, when they were made, and whether the day is still running. */
function ReportHead(p: ReportViewProps): ReactElement {
  const { lang, report, timeZone } = p;
  const single = report.from === report.to;
  const end = localToEpoch(addDays(report.to, 1), '00:00', timeZone);
  return (
    <div className="r-head" data-testid="report-head">
      <span className="r-head__period" data-testid="report-period">
        {single
          ? rt(lang, 'head.day', { day: report.from, weekday: weekday(lang, report.from) })
          : rt(lang, 'head.range', { from: report.from, to: report.to, n: periodDays(report) })}
      </span>
      <span className="m-muted">{rt(lang, 'head.generated', { at: dateTime(report.generatedAt, timeZone) })}</span>
      {report.until < end && (
        <span className="m-chip m-chip--warn">
          {rt(lang, 'head.running', { at: clockTime(report.until, timeZone) })}
        </span>
      )}
    </div>
  );
}

function Card(p: { title: string; note?: ReactElement | string | null; children: ReactElement; testId: string }) {
  return (
    <div className="m-card r-card" data-testid={p.testId}>
      <div className="m-card__head">
        <span className="m-card__title">{p.title}</span>
        <span className="m-gap" />
        {p.note !== undefined && p.note !== null && <span className="r-card__note">{p.note}</span>}
      </div>
      {p.children}
    </div>
  );
}

/** The loaded report on screen: tiles, the three charts, then the tables a superior reads through. */
export function ReportView(p: ReportViewProps): ReactElement {
  const { lang, report, timeZone } = p;
  const load = useMemo(() => loadBalance(report.windows), [report.windows]);
  const single = report.from === report.to;
  const r = report.ratings;
  const loadNote =
    load.busiest === null || load.idlest === null ? null : load.uneven ? (
      <span className="m-chip m-chip--warn" data-testid="load-uneven">
        {rt(lang, 'load.uneven', { busy: load.busiest.name, idle: load.idlest.name, ratio: load.ratio ?? 0 })}
      </span>
    ) : (
      <span className="m-chip m-chip--ok" data-testid="load-even">
        {rt(lang, 'load.even')}
      </span>
    );
  return (
    <>
      <ReportHead {...p} />
      <TotalTiles lang={lang} report={report} />
      <div className="r-charts">
        <Card title={rt(lang, 'chart.hours')} testId="card-hours" note={rt(lang, 'chart.hoursNote')}>
          <HourlyChart lang={lang} hours={report.hours} frame={p.frame} />
        </Card>
        <Card title={rt(lang, 'chart.load')} testId="card-load" note={loadNote}>
          <WindowLoadChart lang={lang} load={load} />
        </Card>
        <Card
          title={rt(lang, 'chart.ratings')}
          testId="card-ratings"
          note={
            r.count === 0
              ? null
              : rt(lang, 'chart.ratingsNote', { n: count(r.count), mean: r.mean.toFixed(2), p: satisfaction(r) })
          }
        >
          <RatingsChart lang={lang} ratings={r} />
        </Card>
      </div>
      <Card title={rt(lang, 'card.queues')} testId="card-queues">
        <QueueTable lang={lang} queues={report.queues} />
      </Card>
      {report.outcomes !== undefined && report.matters !== undefined && (
        <Card
          title={rt(lang, 'card.matters')}
          testId="card-matters"
          note={
            report.cases === undefined
              ? null
              : rt(lang, 'card.mattersNote', {
                  opened: report.cases.opened,
                  finished: report.cases.finished,
                  late: report.cases.finishedLate,
                  open: report.cases.openNow,
                  overdue: report.cases.overdueNow,
                })
          }
        >
          <MatterTable lang={lang} matters={report.matters} totals={report.outcomes} />
        </Card>
      )}
      <Card title={rt(lang, 'card.windows')} testId="card-windows" note={rt(lang, 'card.windowsNote')}>
        <WindowTable lang={lang} report={report} promisedS={p.promisedS} />
      </Card>
      <Card title={rt(lang, 'card.officers')} testId="card-officers" note={rt(lang, 'card.officersNote')}>
        <OfficerTable lang={lang} report={report} />
      </Card>
      <Card
        title={rt(lang, 'card.low')}
        testId="card-low"
        note={rt(lang, 'card.lowNote', { n: lowCount(r), total: count(r.count) })}
      >
        <LowRatingsTable lang={lang} report={report} timeZone={timeZone} />
      </Card>
      {report.complaints !== undefined && (
        <Card title={complaintText(lang, 'title')} testId="card-complaints" note={complaintText(lang, 'note')}>
          <ComplaintsTable lang={lang} report={report} totals={report.complaints} />
        </Card>
      )}
      {!single && (
        <Card title={rt(lang, 'card.days')} testId="card-days">
          <DayTable lang={lang} days={report.days} />
        </Card>
      )}
    </>
  );
}
