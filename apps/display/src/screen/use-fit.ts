import { useLayoutEffect, useState, type RefObject } from 'react';

/** The element's layout size (unaffected by the Stage's scale), followed as it changes. */
export function useBoxSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const read = (): void =>
      setSize((s) =>
        s !== null && s.width === el.clientWidth && s.height === el.clientHeight
          ? s
          : { width: el.clientWidth, height: el.clientHeight },
      );
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/**
 * Something in the tile sticks out: text wider than its box, or any box reaching outside the tile.
 * (Text boxes are not asked about their height: a line-height of 1 leaves a CJK font's ascent
 * outside the box without cutting anything.)
 */
export function overflows(tile: Element): boolean {
  const t = tile.getBoundingClientRect();
  if (tile.scrollWidth > tile.clientWidth + 1) return true;
  for (const el of tile.querySelectorAll('*')) {
    if (!(el instanceof HTMLElement)) continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) return true;
    const r = el.getBoundingClientRect();
    if (
      r.width > 0 &&
      (r.left < t.left - 0.5 || r.right > t.right + 0.5 || r.top < t.top - 0.5 || r.bottom > t.bottom + 0.5)
    )
      return true;
  }
  return false;
}

const STEP = 0.92;

/**
 * A last guard against fonts that run wider than the layout assumed (a hall PC with other fonts, a
 * long queue name, a three-digit window): after each render, while a tile in `ref` matching
 * `selector` overflows, text shrinks a step, down to `min`. Runs before paint; starts again at 1
 * when `key` (the layout and what the tiles say) changes, and only shrinks otherwise, so the pages
 * of one board keep one size.
 */
export function useShrinkToFit(ref: RefObject<HTMLElement | null>, selector: string, key: string, min = 0.7): number {
  const [fit, setFit] = useState({ key, scale: 1 });
  const scale = fit.key === key ? fit.scale : 1;
  useLayoutEffect(() => {
    if (fit.key !== key) {
      setFit({ key, scale: 1 });
      return;
    }
    const root = ref.current;
    if (root === null || scale <= min) return;
    if ([...root.querySelectorAll(selector)].some(overflows))
      setFit({ key, scale: Math.max(min, Math.round(scale * STEP * 1000) / 1000) });
  });
  return scale;
}
