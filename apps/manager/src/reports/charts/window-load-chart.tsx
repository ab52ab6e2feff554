import { useMemo, type ReactElement } from 'react';
import type { Lang } from '../../shell/make-strings.ts';
import type { LoadBalance, LoadLevel } from '../report-figures.ts';
import { rt } from '../reports-strings.ts';
import { ChartBox } from './chart-box.tsx';
import { axisStyle, baseOption, chartTheme, type ChartOption, type ChartTheme } from './chart-theme.ts';

/** The tooltip is HTML; a window's name comes from the config and is shown as text. */
const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const levelColour = (t: ChartTheme, level: LoadLevel): string =>
  level === 'busy' ? t.warn : level === 'idle' ? t.soft : t.primary;

export function windowLoadOption(lang: Lang, load: LoadBalance): ChartOption {
  const t = chartTheme();
  const axis = axisStyle(t);
  return {
    ...baseOption(t),
    tooltip: {
      ...baseOption(t).tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const r = load.rows[first.dataIndex]!;
        return rt(lang, 'load.tooltip', { name: escapeHtml(r.name), m: r.busyMinutes, n: r.served });
      },
    },
    grid: { left: 8, right: 64, top: 30, bottom: 4, containLabel: true },
    xAxis: { type: 'value', name: rt(lang, 'chart.minutes'), ...axis },
    yAxis: { type: 'category', inverse: true, data: load.rows.map((r) => r.name), ...axis },
    series: [
      {
        type: 'bar',
        name: rt(lang, 'load.busy'),
        barMaxWidth: 22,
        data: load.rows.map((r) => ({
          value: r.busyMinutes,
          itemStyle: { color: levelColour(t, r.level), borderRadius: [0, 3, 3, 0] },
        })),
        label: {
          show: true,
          position: 'right',
          color: t.muted,
          fontFamily: t.numFont,
          formatter: (x: { dataIndex: number }) => {
            const r = load.rows[x.dataIndex]!;
            return r.busyMinutes === 0 ? rt(lang, 'load.none') : String(r.busyMinutes);
          },
        },
        markLine:
          load.meanMinutes > 0
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: t.navy, type: 'dashed', width: 2 },
                label: {
                  formatter: rt(lang, 'load.mean', { m: load.meanMinutes }),
                  color: t.navy,
                  fontFamily: t.font,
                  // The bars run top to bottom (inverse axis): the line's start is its top end.
                  position: 'start',
                },
                data: [{ xAxis: load.meanMinutes }],
              }
            : undefined,
      },
    ],
  };
}

/**
 * Busy minutes per window as horizontal bars with the mean as a dashed line: a window a quarter above
 * the mean is orange, a quarter below pale, so 忙闲不均 shows at a glance.
 */
export function WindowLoadChart(p: { lang: Lang; load: LoadBalance }): ReactElement {
  const option = useMemo(() => windowLoadOption(p.lang, p.load), [p.lang, p.load]);
  const empty = p.load.meanMinutes === 0 ? rt(p.lang, 'chart.noLoad') : null;
  return <ChartBox option={option} testId="chart-load" empty={empty} />;
}
