import { useMemo, type ReactElement } from 'react';
import type { RatingSummary } from '@yichuang/protocol';
import type { Lang } from '../../shell/make-strings.ts';
import { LEVELS, levelLabel, percent } from '../report-format.ts';
import { rt } from '../reports-strings.ts';
import { ChartBox } from './chart-box.tsx';
import { axisStyle, baseOption, chartTheme, levelColour, type ChartOption } from './chart-theme.ts';

export function ratingsOption(lang: Lang, r: RatingSummary): ChartOption {
  const t = chartTheme();
  const axis = axisStyle(t);
  const share = (n: number): string => percent(n / r.count, r.count > 0);
  return {
    ...baseOption(t),
    tooltip: { ...baseOption(t).tooltip, trigger: 'item' },
    grid: { left: 8, right: 8, top: 28, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: LEVELS.map((l) => levelLabel(lang, l)),
      ...axis,
      axisLabel: { ...axis.axisLabel, interval: 0, fontSize: lang === 'zh' ? 12 : 11 },
    },
    yAxis: { type: 'value', minInterval: 1, ...axis },
    series: [
      {
        type: 'bar',
        name: rt(lang, 'chart.ratings'),
        barMaxWidth: 44,
        data: LEVELS.map((l) => ({
          value: r.levels[l],
          itemStyle: { color: levelColour(t, l), borderRadius: [3, 3, 0, 0] },
        })),
        label: {
          show: true,
          position: 'top',
          color: t.text,
          fontFamily: t.numFont,
          formatter: (x: { dataIndex: number }) => {
            const n = r.levels[LEVELS[x.dataIndex]!];
            return n === 0 ? '' : `${n} (${share(n)})`;
          },
        },
      },
    ],
  };
}

/** How many ratings of each of the five levels, best on the left, green to red. */
export function RatingsChart(p: { lang: Lang; ratings: RatingSummary }): ReactElement {
  const option = useMemo(() => ratingsOption(p.lang, p.ratings), [p.lang, p.ratings]);
  const empty = p.ratings.count === 0 ? rt(p.lang, 'chart.noRatings') : null;
  return <ChartBox option={option} testId="chart-ratings" empty={empty} />;
}
