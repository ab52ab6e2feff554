import type { PlanComparison } from './simulate.ts';
import type { SimulationOutput } from './simulation-output.ts';
import type { WaitStats } from './statistics.ts';
import { dayClockText } from './service-day.ts';
import { renderTable } from './text-table.ts';

const minutes = (s: number): string => (s / 60).toFixed(1);
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
const hours = (s: number): string => (s / 3600).toFixed(2);
const lastFinish = (t: string | null): string => (t === null ? '—' : dayClockText(t));
const waitCells = (w: WaitStats): string[] => [minutes(w.meanS), minutes(w.p50S), minutes(w.p90S), minutes(w.maxS)];

/** The readable report of one simulated day: waits per queue and hour, windows, the queue, carried over. */
export function formatReport(out: SimulationOutput): string {
  const t = out.totals;
  const h = out.openingHours;
  const head = [
    `排班模拟 Staffing simulation · ${out.day} · 方案 plan: ${out.plan} · 种子 seed ${out.seed}`,
    h === null
      ? '当日不对外办公 / the hall is closed that day'
      : `办公时间 Hours ${h.open}–${h.close}，延时服务至 extended service to ${h.serviceEnd}` +
        (h.configuredServiceEnd === undefined
          ? ''
          : `（原定 ${dayClockText(h.configuredServiceEnd)}，零点换日 / set to ${dayClockText(h.configuredServiceEnd, 'en')}, the day turns at midnight）`),
    `到达 Arrivals ${t.arrivals} · 取号 Issued ${t.issued} · 拒绝 Refused ${t.refused} · 办结 Served ${t.served} · ` +
      `过号 No-show ${t.noShow} · 顺延 Carried over ${t.carriedOver}` +
      (t.carriedIn > 0 ? ` · 昨日顺延 Carried in ${t.carriedIn}` : ''),
    `平均等候 Mean wait ${minutes(t.wait.meanS)} 分 min · p90 ${minutes(t.wait.p90S)} · 最长 max ${minutes(t.wait.maxS)} · ` +
      `平均办理 Mean service ${minutes(t.meanServiceS)} 分 min · 最后办结 Last finish ${lastFinish(t.lastFinish)}`,
  ];
  const waitHead = ['平均 Mean', '中位 p50', 'p90', '最长 Max'];
  const queues = renderTable(
    ['队列 Queue', '取号 Issued', '办结 Served', '过号 No-show', '顺延 Carried', ...waitHead],
    out.queues
      .filter((q) => q.issued > 0)
      .map((q) => [q.name, q.issued, q.served, q.noShow, q.carriedOver, ...waitCells(q.wait)]),
  );
  const active = out.queues.filter((q) => q.issued > 0);
  const byHour = renderTable(
    ['时段 Hour', '取号 Issued', '全部 All', ...active.map((q) => q.name)],
    out.byHour.map((row) => [
      row.hour,
      row.issued,
      `${minutes(row.all.meanS)}/${minutes(row.all.p90S)}`,
      ...active.map((q) => {
        const w = row.byQueue[q.queueId];
        return w === undefined ? '' : `${minutes(w.meanS)}/${minutes(w.p90S)}`;
      }),
    ]),
  );
  const windows = renderTable(
    ['窗口 Window', '队列 Queues', '在岗 Staffed h', '暂停 Paused h', '忙 Busy h', '利用率 Utilisation', '叫号 Called'],
    out.windows.map((w) => [
      w.name + (w.greenChannel ? ' 绿' : ''),
      w.queues === 'all' ? '全部 all' : w.queues.join(','),
      hours(w.staffedS),
      hours(w.pausedS),
      hours(w.busyS),
      percent(w.utilisation),
      w.called,
    ]),
  );
  // The report shows the queue every half hour; the JSON output keeps every sample.
  const every = out.queueLength.filter((s) => s.at.endsWith(':00') || s.at.endsWith(':30'));
  const length = renderTable(
    ['时间 Time', '合计 Total', ...active.map((q) => q.name)],
    every.map((s) => [s.at, s.total, ...active.map((q) => s.byQueue[q.queueId] ?? 0)]),
  );
  return [
    head.join('\n'),
    `各队列等候（分钟）Waits per queue (minutes)\n${queues}`,
    `分时段等候（分钟，平均/p90，按取号时间）Waits per hour of issue (minutes, mean/p90)\n${byHour}`,
    `窗口利用率 Window utilisation（忙 / (在岗 − 暂停) busy / (staffed − paused)，绿 = 绿色通道 green channel）\n${windows}`,
    `排队人数 Queue length (waiting tickets)\n${length}`,
    `延时服务结束时仍在等候、顺延至下一工作日 Carried over at the end of extended service: ${t.carriedOver}`,
  ].join('\n\n');
}

/** Two plans on the same citizens, side by side, then each in full. */
export function formatComparison(cmp: PlanComparison): string {
  const row = (label: string, f: (o: SimulationOutput) => string | number): (string | number)[] => [
    label,
    f(cmp.a),
    f(cmp.b),
  ];
  const table = renderTable(
    ['指标 Measure', `A: ${cmp.a.plan}`, `B: ${cmp.b.plan}`],
    [
      row('窗口数 Windows', (o) => o.windows.length),
      row('在岗时数 Staffed hours', (o) => hours(o.windows.reduce((s, w) => s + w.staffedS, 0))),
      row('平均等候 Mean wait (min)', (o) => minutes(o.totals.wait.meanS)),
      row('p90 等候 p90 wait (min)', (o) => minutes(o.totals.wait.p90S)),
      row('最长等候 Max wait (min)', (o) => minutes(o.totals.wait.maxS)),
      row('办结 Served', (o) => o.totals.served),
      row('顺延 Carried over', (o) => o.totals.carriedOver),
      row('最后办结 Last finish', (o) => lastFinish(o.totals.lastFinish)),
    ],
  );
  return [
    `方案对比 Plan comparison（同一批群众、同样的办理时长 / same citizens, same service times）\n${table}`,
    formatReport(cmp.a),
    formatReport(cmp.b),
  ].join('\n\n════════\n\n');
}
