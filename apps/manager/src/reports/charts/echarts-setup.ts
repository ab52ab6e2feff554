import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Only what the three report charts draw: bars, a line, axes, tooltip, a plain legend (three entries
 * never need the scrolling one) and the mean line.
 * Loaded on demand (see use-chart.ts), so the console's first screen does not carry the chart library.
 */
use([BarChart, LineChart, GridComponent, LegendPlainComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { init };
