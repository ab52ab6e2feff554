import { useMemo, type ReactElement } from 'react';
import type { HourReport } from '@yichuang/protocol';
import type { Lang } from '../../shell/make-strings.ts';
import { hourSpan, type HourFrame } from '../report-figures.ts';
import { rt } from '../reports-strings.ts';
import { ChartBox } from './chart-box.tsx';
import { axisStyle, baseOption, chartTheme, type ChartOption } from './chart-theme.ts';

export function hourlyOption(lang: Lang, hours: HourReport[], frame: HourFrame | null): ChartOption {
  const t = chartTheme();
  const shown = hourSpan(hours, frame);
  const axis = axisStyle(t);
  return {
    ...baseOption(t),
    tooltip: { ...baseOption(t).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { color: t.text, fontFamily: t.font } },
    grid: { left: 8, right: 8, top: 40, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: shown.map((h) => rt(lang, 'chart.hour', { h: String(h.hour).padStart(2, '0') })),
      ...axis,
    },
    yAxis: [
      { type: 'value', name: rt(lang, 'chart.people'), minInterval: 1, ...axis },
      { type: 'value', name: rt(lang, 'chart.minutes'), minInterval: 1, ...axis, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: rt(lang, 'chart.issued'),
        data: shown.map((h) => h.issued),
        itemStyle: { color: t.primary, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 26,
      },
      {
        type: 'bar',
        name: rt(lang, 'chart.served'),
        data: shown.map((h) => h.served),
        itemStyle: { color: t.green, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 26,
      },
      {
        type: 'line',
        name: rt(lang, 'chart.meanWait'),
        yAxisIndex: 1,
        // An hour whose arrivals were not called (or who never came) has no wait: a gap in the line, not a
        // dip to zero. The hub gives 0 then; a true mean of 0 seconds does not happen in a hall.
        data: shown.map((h) => (h.issued === 0 || h.meanWaitS === 0 ? null : Math.round(h.meanWaitS / 6) / 10)),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        itemStyle: { color: t.warn },
        lineStyle: { width: 3, color: t.warn },
      },
    ],
  };
}

/** Arrivals (issued) and finishes per hour as bars, the mean wait of each hour's arrivals as a line. */
export function HourlyChart(p: {
  lang: Lang;
  hours: HourReport[];
  frame: HourFrame | null;
  tall?: boolean;
  testId?: string;
  onReady?: () => void;
}): ReactElement {
  const option = useMemo(() => hourlyOption(p.lang, p.hours, p.frame), [p.lang, p.hours, p.frame]);
  const empty = p.hours.every((h) => h.issued === 0 && h.served === 0) ? rt(p.lang, 'chart.noTickets') : null;
  return (
    <ChartBox
      option={option}
      testId={p.testId ?? 'chart-hours'}
      empty={empty}
      tall={p.tall ?? false}
      onReady={p.onReady}
    />
  );
}
