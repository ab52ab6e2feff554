import { useEffect, useRef, type RefObject } from 'react';
import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './chart-theme.ts';

/** One download of the chart library for all charts of the page, started by the first one. */
let library: Promise<typeof import('./echarts-setup.ts')> | null = null;
const loadLibrary = (): Promise<typeof import('./echarts-setup.ts')> =>
  (library ??= import('./echarts-setup.ts').catch((e: unknown) => {
    // The chunk did not arrive (the hub restarting): the next chart to mount asks again.
    library = null;
    throw e;
  }));

/**
 * An ECharts instance living in the returned element: made once the library has arrived, given each
 * new option whole (notMerge, so a series that went away goes away), resized whenever its box changes
 * size (the window, the side bar, the print sheet) and disposed with the component. `onReady` is
 * called after each render that finished.
 */
export function useChart(option: ChartOption, onReady?: () => void): RefObject<HTMLDivElement | null> {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const ready = useRef(onReady);
  ready.current = onReady;

  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | null = null;
    loadLibrary().then(
      ({ init }) => {
        const el = box.current;
        if (gone || el === null) return;
        // Twice the pixels at least, so the print view's canvas is sharp on paper.
        const c = init(el, null, { renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio) });
        // 'finished' follows the first full render (animation is off): the print view waits for it.
        c.on('finished', () => ready.current?.());
        c.setOption(latest.current, { notMerge: true });
        chart.current = c;
        observer = new ResizeObserver(() => c.resize());
        observer.observe(el);
      },
      () => {
        // Left without a chart: the tables below carry the same figures.
      },
    );
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return box;
}
