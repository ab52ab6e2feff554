import {
  refusalReasonLabels,
  type HallReport,
  type PauseMinutes,
  type RatingSummary,
  type RefusalReason,
  type Stat,
} from '@yichuang/protocol';
import { complaintChannelNames, complaintChannels, type ComplaintTotals } from '@yichuang/protocol';
import { localTime } from '@yichuang/engine';
import { round } from './sample-stats.ts';

export type Cell = string | number;

/** One table of the report, as both the CSV and the XLSX lay it out. */
export interface ReportSection {
  /** Section title in the CSV, sheet name in the XLSX (at most 31 characters). */
  title: string;
  header: string[];
  rows: Cell[][];
}

const LEVELS: Record<number, string> = { 1: '非常不满意', 2: '不满意', 3: '基本满意', 4: '满意', 5: '非常满意' };
/** The counter's reason codes in words; the hub does not depend on the apps' string tables. */
const REASONS: Record<string, string> = {
  'waited-long': '等候时间太长',
  attitude: '服务态度不好',
  slow: '办理效率低',
  unclear: '告知不清楚',
  'not-done': '事情没有办成',
  'repeated-trips': '让我多跑了路',
};

const statHeader = (what: string): string[] => [
  `${what}人次`,
  `平均${what}(秒)`,
  `${what}中位数(秒)`,
  `${what}P90(秒)`,
];
const statCells = (s: Stat): Cell[] => [s.count, s.meanS, s.p50S, s.p90S];
const pauseHeader = ['暂停-离岗(分钟)', '暂停-会议(分钟)', '暂停-用餐(分钟)', '暂停-其他(分钟)'];
const pauseCells = (p: PauseMinutes): Cell[] => [p.away, p.meeting, p.meal, p.other];
const ratingHeader = ['评价数', '平均评分', '满意率(%)', '差评数'];
const ratingCells = (r: RatingSummary): Cell[] => [
  r.count,
  r.mean,
  round(r.satisfiedRate * 100, 2),
  r.levels['1'] + r.levels['2'],
];
const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD HH:MM in the hall's time zone. */
export function localStamp(at: number, timezone: string): string {
  const t = localTime(at, timezone);
  return `${t.day} ${pad(Math.floor(t.minutes / 60))}:${pad(t.minutes % 60)}`;
}

/** The report as tables with Chinese headers: totals, queues, windows, officers, hours, days, sign-ins, low ratings. */
export function reportSections(r: HallReport, timezone: string): ReportSection[] {
  const windowName = new Map(r.windows.map((w) => [w.id, w.name]));
  const officerName = new Map(r.officers.map((o) => [o.id, o.name]));
  const t = r.totals;
  return [
    {
      title: '总体',
      header: ['指标', '数值'],
      rows: [
        ['大厅', r.hall.name],
        ['统计期间', r.from === r.to ? r.from : `${r.from} 至 ${r.to}`],
        ['生成时间', localStamp(r.generatedAt, timezone)],
        ['取号数', t.issued],
        ['办结数', t.served],
        ['过号数', t.noShow],
        ['转办数', t.transferred],
        ['延时服务顺延数', t.carriedOver],
        ['绿色通道', t.green],
        ['预约', t.appointments],
        ['导办代取', t.guided],
        ['导办绿色通道', t.greenGranted],
        ...(r.bookings === undefined
          ? []
          : ([
              ['预约登记', r.bookings.booked],
              ['预约签到', r.bookings.arrived],
              ['预约爽约', r.bookings.noShow],
              ['预约取消', r.bookings.cancelled],
              ['网上预约', r.bookings.bySource.online],
              ['电话预约', r.bookings.bySource.phone],
              ['平台导入', r.bookings.bySource.import],
            ] as [string, number][])),
        ...(r.outcomes === undefined
          ? []
          : ([
              ['办理事项数', r.outcomes.matters],
              ['事项-办结', r.outcomes.done],
              ['事项-受理', r.outcomes.accepted],
              ['事项-容缺受理', r.outcomes.acceptedPending],
              ['事项-不予受理', r.outcomes.refused],
              ['事项-一次性告知', r.outcomes.notice],
            ] as [string, number][])),
        ...(r.cases === undefined
          ? []
          : ([
              ['受理件-新受理', r.cases.opened],
              ['受理件-办结', r.cases.finished],
              ['受理件-超期办结', r.cases.finishedLate],
              ['受理件-在办', r.cases.openNow],
              ['受理件-已逾期', r.cases.overdueNow],
              ...Object.entries(r.cases.refusalsByReason).map(
                ([k, n]) => [`不予受理-${refusalReasonLabels[k as RefusalReason]?.zh ?? k}`, n] as [string, number],
              ),
            ] as [string, number][])),
        ...zip(statHeader('等候'), statCells(t.wait)),
        ...zip(statHeader('办理'), statCells(t.service)),
        ...zip(ratingHeader, ratingCells(r.ratings)),
      ],
    },
    {
      title: '队列',
      header: [
        '队列',
        '字头',
        '名称',
        '取号',
        '办结',
        '过号',
        '转出',
        '顺延',
        ...statHeader('等候'),
        ...statHeader('办理'),
      ],
      rows: r.queues.map((q) => [
        q.id,
        q.prefix,
        q.name,
        q.issued,
        q.served,
        q.noShow,
        q.transferred,
        q.carriedOver,
        ...statCells(q.wait),
        ...statCells(q.service),
      ]),
    },
    ...(r.matters === undefined
      ? []
      : [
          {
            title: '事项与结果',
            header: ['事项编号', '事项', '办理事项数', '办结', '受理', '容缺受理', '不予受理', '一次性告知'],
            rows: r.matters
              .filter((m) => m.matters > 0)
              .map((m) => [m.id, m.name, m.matters, m.done, m.accepted, m.acceptedPending, m.refused, m.notice]),
          },
        ]),
    {
      title: '窗口',
      header: [
        '窗口',
        '名称',
        '办结',
        '办理事项',
        '过号',
        ...statHeader('办理'),
        '在办时长(分钟)',
        ...pauseHeader,
        '空岗次数',
        '空岗(分钟)',
        ...ratingHeader,
      ],
      rows: r.windows.map((w) => [
        w.id,
        w.name,
        w.served,
        w.matters,
        w.noShow,
        ...statCells(w.service),
        round(w.busyS / 60, 1),
        ...pauseCells(w.pauseMinutes),
        w.emptyPosts,
        w.emptyPostMinutes,
        ...ratingCells(w.ratings),
      ]),
    },
    {
      title: '民警',
      header: [
        '民警编号',
        '姓名',
        '办结',
        '办理事项',
        '过号',
        ...statHeader('办理'),
        ...pauseHeader,
        '签到天数',
        '提前10分钟上岗天数',
        ...ratingHeader,
      ],
      rows: r.officers.map((o) => [
        o.id,
        o.name,
        o.served,
        o.matters,
        o.noShow,
        ...statCells(o.service),
        ...pauseCells(o.pauseMinutes),
        o.signIns.length,
        o.signIns.filter((s) => s.early).length,
        ...ratingCells(o.ratings),
      ]),
    },
    {
      title: '分时段',
      header: ['时段', '取号', '办结', '平均等候(秒)'],
      rows: r.hours.map((h) => [`${pad(h.hour)}:00-${pad(h.hour + 1)}:00`, h.issued, h.served, h.meanWaitS]),
    },
    {
      title: '每日',
      header: ['日期', '取号', '办结', '过号'],
      rows: r.days.map((d) => [d.day, d.issued, d.served, d.noShow]),
    },
    {
      title: '签到',
      header: ['日期', '民警编号', '姓名', '窗口', '提前分钟(负数为迟到)', '提前10分钟上岗'],
      rows: r.officers.flatMap((o) =>
        o.signIns.map((s) => [
          s.day,
          o.id,
          o.name,
          windowName.get(s.windowId) ?? s.windowId,
          s.earlyMinutes,
          s.early ? '是' : '否',
        ]),
      ),
    },
    {
      title: '差评明细',
      header: ['时间', '号票', '窗口', '民警', '评价', '原因'],
      rows: r.ratings.low.map((l) => [
        localStamp(l.at, timezone),
        l.ticketNumber,
        windowName.get(l.windowId) ?? l.windowId,
        officerName.get(l.officerId) ?? l.officerId,
        LEVELS[l.level] ?? String(l.level),
        l.reason === null ? '' : (REASONS[l.reason] ?? l.reason),
      ]),
    },
    ...(r.complaints === undefined ? [] : complaintSections(r.complaints, windowName, officerName)),
  ];
}

/** 投诉与回访 (issue 17): the counts, then complaints by channel, window and officer. Never a name. */
function complaintSections(
  c: ComplaintTotals,
  windowName: ReadonlyMap<string, string>,
  officerName: ReadonlyMap<string, string>,
): ReportSection[] {
  return [
    {
      title: '投诉与回访',
      header: ['指标', '数值'],
      rows: [
        ['收到投诉', c.received],
        ['已办结投诉', c.closed],
        ['未办结投诉', c.open],
        ['差评回访', c.followUps.opened],
        ['回访已整改', c.followUps.closed],
        ['回访未整改', c.followUps.open],
      ],
    },
    {
      title: '投诉分布',
      header: ['类别', '名称', '件数'],
      rows: [
        ...complaintChannels.map((ch): Cell[] => ['渠道', complaintChannelNames[ch].zh, c.byChannel[ch]]),
        ...c.byWindow.map((w): Cell[] => ['窗口', windowName.get(w.id) ?? w.id, w.count]),
        ...c.byOfficer.map((o): Cell[] => ['民警', officerName.get(o.id) ?? o.id, o.count]),
      ],
    },
  ];
}

function zip(names: string[], cells: Cell[]): Cell[][] {
  return names.map((n, i) => [n, cells[i] ?? '']);
}
