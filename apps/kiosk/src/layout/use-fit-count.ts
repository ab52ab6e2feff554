import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How many cards a grid can show whole: the rows of the card's least height that fit the grid's own
 * height, times its columns. Pages hold that many, so a portrait totem shows 8 matters, a 1280×1024
 * kiosk 6 and 适老模式 fewer, without a fixed table per screen. Cards taller than their least height
 * (a very long name) may still overflow; the screen's "下面还有内容" tab says so.
 */
/** `mode` changes the cards' size (适老模式): measure again when it changes. */
export function useFitCount(grid: RefObject<HTMLElement | null>, fallback: number, mode: string): number {
  const [count, setCount] = useState(fallback);
  useLayoutEffect(() => {
    const el = grid.current;
    if (el === null) return;
    const measure = (): void => {
      const style = getComputedStyle(el);
      const columns = style.gridTemplateColumns.split(' ').filter((c) => c !== '').length || 1;
      const rowGap = parseFloat(style.rowGap) || 0;
      const first = el.firstElementChild;
      const cardHeight = first === null ? 0 : parseFloat(getComputedStyle(first).minHeight) || 0;
      if (cardHeight <= 0 || el.clientHeight <= 0) return;
      const rows = Math.max(1, Math.floor((el.clientHeight + rowGap) / (cardHeight + rowGap)));
      setCount(rows * columns);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [grid, mode]);
  return count;
}
