import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Level } from '../report-format.ts';

/** The options the charts may use: exactly the pieces registered in echarts-setup.ts. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export interface ChartTheme {
  font: string;
  numFont: string;
  text: string;
  muted: string;
  line: string;
  primary: string;
  navy: string;
  green: string;
  warn: string;
  danger: string;
  gold: string;
  soft: string;
}

const FALLBACK: ChartTheme = {
  font: "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', sans-serif",
  numFont: "'DejaVu Sans', 'Segoe UI', Arial, sans-serif",
  text: '#10203a',
  muted: '#56657c',
  line: '#d5deeb',
  primary: '#1456b8',
  navy: '#0b3270',
  green: '#0b7148',
  warn: '#e8a33a',
  danger: '#a8200d',
  gold: '#d4ad55',
  soft: '#a9c1e6',
};

/**
 * The console's palette and CJK font, read from manager.css's custom properties so a canvas chart
 * matches the HTML around it; the literals are there only if a property is missing.
 */
export function chartTheme(): ChartTheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    font: v('--m-font', FALLBACK.font),
    numFont: v('--m-font-num', FALLBACK.numFont),
    text: v('--m-text', FALLBACK.text),
    muted: v('--m-muted', FALLBACK.muted),
    line: v('--m-line', FALLBACK.line),
    primary: v('--m-primary', FALLBACK.primary),
    navy: v('--m-navy', FALLBACK.navy),
    green: v('--m-green', FALLBACK.green),
    warn: v('--m-warn-line', FALLBACK.warn),
    danger: v('--m-danger', FALLBACK.danger),
    gold: v('--m-gold', FALLBACK.gold),
    soft: FALLBACK.soft,
  };
}

/** 好差评 from green to red, as the counter's rating pad colours them. */
export function levelColour(t: ChartTheme, level: Level): string {
  return { 5: t.green, 4: '#4f9d69', 3: t.gold, 2: '#e07b39', 1: t.danger }[level];
}

/** What every chart shares: the font, quiet axes, a tooltip in the console's colours. */
export function baseOption(t: ChartTheme): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: t.font, color: t.text, fontSize: 12 },
    tooltip: {
      backgroundColor: '#fff',
      borderColor: t.line,
      textStyle: { color: t.text, fontFamily: t.font, fontSize: 13 },
    },
  };
}

export const axisStyle = (t: ChartTheme) => ({
  axisLine: { lineStyle: { color: t.line } },
  axisTick: { show: false },
  axisLabel: { color: t.muted, fontFamily: t.font },
  splitLine: { lineStyle: { color: '#eef2f7' } },
  nameTextStyle: { color: t.muted, fontFamily: t.font },
});
