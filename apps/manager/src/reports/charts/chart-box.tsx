import type { ReactElement } from 'react';
import type { ChartOption } from './chart-theme.ts';
import { useChart } from './use-chart.ts';

/** The element a chart draws in, with a quiet line over it when there is nothing to draw yet. */
export interface ChartBoxProps {
  option: ChartOption;
  testId: string;
  /** Said over the chart when there is nothing to draw, or null. */
  empty: string | null;
  tall?: boolean;
  onReady?: (() => void) | undefined;
}

export function ChartBox(p: ChartBoxProps): ReactElement {
  const box = useChart(p.option, p.onReady);
  return (
    <div className={`r-chart ${p.tall === true ? 'r-chart--tall' : ''}`}>
      <div ref={box} className="r-chart__canvas" data-testid={p.testId} />
      {p.empty !== null && <div className="r-chart__empty">{p.empty}</div>}
    </div>
  );
}
