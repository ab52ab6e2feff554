import { useMemo, type ReactElement } from 'react';
import {
  axisStyle,
  baseOption,
  chartTheme,
  type ChartOption,
  type ChartTheme,
} from '../../reports/charts/chart-theme.ts';
import type { Lang } from '../../shell/make-strings.ts';
import type { SimulationResult } from '../sim-api.ts';
import { st } from '../simulate-strings.ts';
import { SimChart } from './sim-chart.tsx';

const toMinutes = (s: number): number => Math.round(s / 6) / 10;

/** Plan A in the console's blue, plan B in its green, in every chart of the result. */
const planColour = (t: ChartTheme, plan: 'a' | 'b'): string => (plan === 'a' ? t.primary : t.green);

function legend(t: ChartTheme): ChartOption['legend'] {
  return { top: 0, left: 'center', itemWidth: 16, itemHeight: 10, textStyle: { color: t.text, fontFamily: t.font } };
}

export function waitByHourOption(lang: Lang, r: SimulationResult): ChartOption {
  const t = chartTheme();
  const axis = axisStyle(t);
  const hours = [...new Set([...r.a.byHour, ...(r.b?.byHour ?? [])].map((h) => h.hour))].sort();
  const plans = [['a', r.a], ...(r.b === null ? [] : [['b', r.b] as const])] as const;
  const series = plans.flatMap(([key, o]) => {
    const by = new Map(o.byHour.map((h) => [h.hour, h.all]));
    const name = st(lang, key === 'a' ? 'plan.a' : 'plan.b');
    const colour = planColour(t, key);
    const at = (pick: 'meanS' | 'p90S'): (number | null)[] =>
      hours.map((h) => {
        const w = by.get(h);
        return w === undefined || w.n === 0 ? null : toMinutes(w[pick]);
      });
    return [
      {
        type: 'line' as const,
        name: st(lang, 'chart.mean', { plan: name }),
        data: at('meanS'),
        symbol: 'circle',
        symbolSize: 6,
        itemStyle: { color: colour },
        lineStyle: { width: 3, color: colour },
      },
      {
        type: 'line' as const,
        name: st(lang, 'chart.p90', { plan: name }),
        data: at('p90S'),
        symbol: 'none',
        itemStyle: { color: colour },
        lineStyle: { width: 2, type: 'dashed' as const, color: colour },
      },
    ];
  });
  return {
    ...baseOption(t),
    tooltip: { ...baseOption(t).tooltip, trigger: 'axis' },
    legend: legend(t),
    grid: { left: 8, right: 12, top: 40, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: hours.map((h) => st(lang, 'chart.hour', { h: h.slice(0, 2) })), ...axis },
    yAxis: { type: 'value', name: st(lang, 'chart.minutes'), minInterval: 1, ...axis },
    series,
  };
}

export function queueLengthOption(lang: Lang, r: SimulationResult): ChartOption {
  const t = chartTheme();
  const axis = axisStyle(t);
  const times = r.a.queueLength.map((s) => s.at);
  const line = (key: 'a' | 'b', values: number[]) => ({
    type: 'line' as const,
    name: st(lang, 'chart.waiting', { plan: st(lang, key === 'a' ? 'plan.a' : 'plan.b') }),
    data: values,
    symbol: 'none',
    itemStyle: { color: planColour(t, key) },
    lineStyle: { width: 2.5, color: planColour(t, key) },
    areaStyle: { color: planColour(t, key), opacity: 0.08 },
  });
  const bAt = new Map((r.b?.queueLength ?? []).map((s) => [s.at, s.total]));
  return {
    ...baseOption(t),
    tooltip: { ...baseOption(t).tooltip, trigger: 'axis' },
    legend: legend(t),
    grid: { left: 8, right: 12, top: 40, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: times, boundaryGap: false, ...axis },
    yAxis: { type: 'value', name: st(lang, 'chart.people'), minInterval: 1, ...axis },
    series: [
      line(
        'a',
        r.a.queueLength.map((s) => s.total),
      ),
      ...(r.b === null
        ? []
        : [
            line(
              'b',
              times.map((at) => bAt.get(at) ?? 0),
            ),
          ]),
    ],
  };
}

/** Every window of either plan, in number order by name; a window one plan leaves closed has no bar there. */
export function utilisationOption(lang: Lang, r: SimulationResult): ChartOption {
  const t = chartTheme();
  const axis = axisStyle(t);
  const names = new Map<string, string>();
  for (const w of [...r.a.windows, ...(r.b?.windows ?? [])]) names.set(w.windowId, w.name);
  const ids = [...names.keys()];
  const bar = (key: 'a' | 'b', windows: SimulationResult['a']['windows']) => {
    const by = new Map(windows.map((w) => [w.windowId, w]));
    return {
      type: 'bar' as const,
      name: st(lang, key === 'a' ? 'plan.a' : 'plan.b'),
      barMaxWidth: 16,
      itemStyle: { color: planColour(t, key), borderRadius: [0, 3, 3, 0] },
      label: {
        show: true,
        position: 'right' as const,
        color: t.muted,
        fontFamily: t.numFont,
        formatter: (x: { value: unknown }) => (typeof x.value === 'number' ? `${x.value}%` : st(lang, 'chart.notOpen')),
      },
      data: ids.map((id) => {
        const w = by.get(id);
        return w === undefined ? '-' : Math.round(w.utilisation * 100);
      }),
    };
  };
  return {
    ...baseOption(t),
    tooltip: { ...baseOption(t).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: legend(t),
    grid: { left: 8, right: 48, top: 34, bottom: 4, containLabel: true },
    xAxis: {
      type: 'value',
      max: 100,
      axisLabel: { formatter: '{value}%', color: t.muted },
      ...{ splitLine: axis.splitLine },
    },
    yAxis: { type: 'category', inverse: true, data: ids.map((id) => names.get(id) ?? id), ...axis },
    series: [bar('a', r.a.windows), ...(r.b === null ? [] : [bar('b', r.b.windows)])],
  };
}

/** Room for each window's bars, so a big hall's chart does not squeeze them into a line. */
function utilisationHeight(r: SimulationResult): number {
  const ids = new Set([...r.a.windows, ...(r.b?.windows ?? [])].map((w) => w.windowId));
  return Math.max(260, 60 + ids.size * (r.b === null ? 26 : 40));
}

export function ResultCharts({ lang, result }: { lang: Lang; result: SimulationResult }): ReactElement {
  const wait = useMemo(() => waitByHourOption(lang, result), [lang, result]);
  const queue = useMemo(() => queueLengthOption(lang, result), [lang, result]);
  const util = useMemo(() => utilisationOption(lang, result), [lang, result]);
  return (
    <div className="s-charts">
      <section className="m-card s-charts__wide">
        <div className="m-card__head">
          <h3 className="m-card__title">{st(lang, 'chart.waitByHour')}</h3>
        </div>
        <SimChart option={wait} testId="chart-wait-by-hour" empty={null} />
      </section>
      <section className="m-card">
        <div className="m-card__head">
          <h3 className="m-card__title">{st(lang, 'chart.queueLength')}</h3>
        </div>
        <SimChart option={queue} testId="chart-queue-length" empty={null} />
      </section>
      <section className="m-card">
        <div className="m-card__head">
          <h3 className="m-card__title">{st(lang, 'chart.util')}</h3>
        </div>
        <SimChart option={util} testId="chart-utilisation" empty={null} height={utilisationHeight(result)} />
      </section>
    </div>
  );
}
