import { describe, expect, it } from 'vitest';
import { boardLayout, pageItems, QUEUE_TILES, WINDOW_TILES } from './board-layout.ts';

/** The window board's grid on the 1920×1080 canvas: ≤ 8 windows (500 px column) and more (552 px). */
const NARROW = { width: 456, height: 764 };
const WIDE = { width: 504, height: 764 };

describe('window board layout', () => {
  it('one column of ordinary rows for a small hall', () => {
    expect(boardLayout(3, NARROW.width, NARROW.height, WINDOW_TILES)).toMatchObject({
      columns: 1,
      pages: 1,
      tileHeight: 112,
    });
    expect(boardLayout(8, NARROW.width, NARROW.height, WINDOW_TILES)).toMatchObject({ columns: 1, rows: 8, pages: 1 });
  });

  it('two columns up to 20 windows, every tile at least 64 px tall and 200 px wide', () => {
    for (const n of [9, 16, 20]) {
      const l = boardLayout(n, WIDE.width, WIDE.height, WINDOW_TILES);
      expect(l).toMatchObject({ columns: 2, pages: 1 });
      expect(l.tileHeight).toBeGreaterThanOrEqual(64);
      expect(l.tileWidth).toBeGreaterThanOrEqual(200);
      expect(l.rows * l.tileHeight + (l.rows - 1) * 10).toBeLessThanOrEqual(WIDE.height);
    }
  });

  it('more: pages of comfortable tiles, filled evenly, that together hold every window', () => {
    for (const [n, pages] of [
      [24, 2],
      [40, 3],
      [60, 4],
    ] as const) {
      const l = boardLayout(n, WIDE.width, WIDE.height, WINDOW_TILES);
      expect(l).toMatchObject({ columns: 2, pages });
      expect(l.tileHeight).toBeGreaterThanOrEqual(84);
      expect(l.rows * l.tileHeight + (l.rows - 1) * 10).toBeLessThanOrEqual(WIDE.height);
      const items = Array.from({ length: n }, (_, i) => i);
      const shown = Array.from({ length: l.pages }, (_, p) => pageItems(items, l, p));
      expect(shown.flat()).toEqual(items);
      expect(Math.max(...shown.map((s) => s.length)) - Math.min(...shown.map((s) => s.length))).toBeLessThanOrEqual(
        l.columns,
      );
    }
  });

  it('queues: one column of tall tiles, two columns or pages when there are many', () => {
    expect(boardLayout(7, 388, 764, QUEUE_TILES)).toMatchObject({ columns: 1, pages: 1 });
    expect(boardLayout(7, 388, 764, QUEUE_TILES).tileHeight).toBeGreaterThanOrEqual(100);
    expect(boardLayout(14, 388, 764, QUEUE_TILES)).toMatchObject({ columns: 1, pages: 2 });
    expect(boardLayout(14, 700, 764, QUEUE_TILES)).toMatchObject({ columns: 2, pages: 1 });
  });
});
