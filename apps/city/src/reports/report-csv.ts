import { localStamp, type ReportSection } from '../../../hub/src/reports/report-sections.ts';
import type { CityReport } from './city-report.ts';

const HEAD = [
  '大厅 hall',
  '取号 issued',
  '办结 served',
  '过号 no-show',
  '转出 transferred',
  '顺延 carried over',
  '绿色通道 green',
  '平均等候(秒) mean wait s',
  '等候P50(秒) p50 wait s',
  '等候P90(秒) p90 wait s',
  '平均办理(秒) mean service s',
  '评价数 ratings',
  '非常满意 5',
  '满意 4',
  '基本满意 3',
  '不满意 2',
  '非常不满意 1',
  '暂停(分钟) pause min',
  '空岗(分钟) empty-post min',
];

const cell = (v: string | number): string => {
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : v;
  // Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The city report's tables: one row per hall and the city's sums; every low rating with its reason. */
export function cityReportSections(r: CityReport): ReportSection[] {
  const rows: (string | number)[][] = [];
  for (const h of r.halls) {
    const x = h.report;
    if (x === null) continue;
    const pause = x.windows.reduce(
      (n, w) => n + w.pauseMinutes.away + w.pauseMinutes.meeting + w.pauseMinutes.meal + w.pauseMinutes.other,
      0,
    );
    rows.push([
      x.hall.name,
      x.totals.issued,
      x.totals.served,
      x.totals.noShow,
      x.totals.transferred,
      x.totals.carriedOver,
      x.totals.green,
      x.totals.wait.meanS,
      x.totals.wait.p50S,
      x.totals.wait.p90S,
      x.totals.service.meanS,
      x.ratings.count,
      x.ratings.levels['5'],
      x.ratings.levels['4'],
      x.ratings.levels['3'],
      x.ratings.levels['2'],
      x.ratings.levels['1'],
      pause,
      x.windows.reduce((n, w) => n + w.emptyPostMinutes, 0),
    ]);
  }
  const t = r.totals;
  rows.push([
    `全市合计 city (${r.from}–${r.to})`,
    t.issued,
    t.served,
    t.noShow,
    t.transferred,
    t.carriedOver,
    t.green,
    t.wait.meanS,
    '',
    '',
    t.service.meanS,
    t.ratings.count,
    t.ratings.levels['5'],
    t.ratings.levels['4'],
    t.ratings.levels['3'],
    t.ratings.levels['2'],
    t.ratings.levels['1'],
    t.pauseMinutes,
    t.emptyPostMinutes,
  ]);
  const low = r.halls
    .flatMap((h) => (h.report === null ? [] : h.report.ratings.low.map((l) => ({ ...l, hall: h.report!.hall.name }))))
    .sort((a, b) => a.at - b.at)
    .map((l) => [
      localStamp(l.at, 'Asia/Shanghai'),
      l.hall,
      l.ticketNumber,
      l.windowId,
      l.officerId,
      l.level,
      l.reason ?? '',
    ]);
  return [
    { title: '各大厅 Halls', header: HEAD, rows },
    {
      title: '差评 Low ratings',
      header: ['时间 time', '大厅 hall', '号码 number', '窗口 window', '民警 officer', '评价 level', '原因 reason'],
      rows: low,
    },
  ];
}

/** The city report as CSV (UTF-8 with BOM for Excel): one row per hall, then the city's sums. */
export function cityReportCsv(r: CityReport): string {
  const [halls] = cityReportSections(r);
  const rows = [halls!.header, ...halls!.rows];
  return '\ufeff' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
