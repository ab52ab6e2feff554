import { useMemo, type ReactElement } from 'react';
import { axisStyle, baseOption, chartTheme, type ChartOption } from '../../reports/charts/chart-theme.ts';
import type { Lang } from '../../shell/make-strings.ts';
import type { HistoryView } from '../sim-api.ts';
import { st } from '../simulate-strings.ts';
import { SimChart } from './sim-chart.tsx';

/** Queue colours in the hall's order; a hall with more queues than this goes round again. */
const QUEUE_COLOURS = ['#1456b8', '#d4ad55', '#0b7148', '#e07b39', '#6a4fb0', '#3d9fb8', '#a8200d', '#56657c'];

export function arrivalsOption(lang: Lang, history: HistoryView, hours: readonly string[]): ChartOption {
  const t = chartTheme();
  const axis = axisStyle(t);
  const shown = [...new Set([...hours, ...history.queues.flatMap((q) => Object.keys(q.perHour))])].sort();
  return {
    ...baseOption(t),
    tooltip: { ...baseOption(t).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { color: t.text, fontFamily: t.font } },
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: shown.map((h) => st(lang, 'chart.hour', { h })), ...axis },
    yAxis: { type: 'value', name: st(lang, 'chart.people'), minInterval: 1, ...axis },
    series: history.queues
      .filter((q) => q.issued > 0)
      .map((q, i) => ({
        type: 'bar' as const,
        name: q.name,
        stack: 'arrivals',
        barMaxWidth: 34,
        itemStyle: { color: QUEUE_COLOURS[i % QUEUE_COLOURS.length] },
        data: shown.map((h) => q.perHour[h] ?? 0),
      })),
  };
}

/** A past day's tickets per hour, stacked by queue: what a replay will bring. */
export function ArrivalsChart(p: { lang: Lang; history: HistoryView; hours: readonly string[] }): ReactElement {
  const option = useMemo(() => arrivalsOption(p.lang, p.history, p.hours), [p.lang, p.history, p.hours]);
  return (
    <SimChart
      option={option}
      testId="chart-arrivals"
      empty={p.history.issued === 0 ? st(p.lang, 'chart.noArrivals') : null}
      height={220}
    />
  );
}
