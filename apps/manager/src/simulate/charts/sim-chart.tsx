import type { ReactElement } from 'react';
import type { ChartOption } from '../../reports/charts/chart-theme.ts';
import { useChart } from '../../reports/charts/use-chart.ts';

export interface SimChartProps {
  option: ChartOption;
  testId: string;
  /** Said over the chart when there is nothing to draw, or null. */
  empty: string | null;
  /** Pixels; the stylesheet's height when left out. */
  height?: number;
}

/** A chart of this page, drawn by the reports page's ECharts loader (the library arrives once, on demand). */
export function SimChart(p: SimChartProps): ReactElement {
  const box = useChart(p.option);
  return (
    <div className="s-chart" style={p.height === undefined ? undefined : { height: p.height }}>
      <div ref={box} className="s-chart__canvas" data-testid={p.testId} />
      {p.empty !== null && <div className="s-chart__empty">{p.empty}</div>}
    </div>
  );
}
