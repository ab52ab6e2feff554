/**
 * How a list of tiles (windows, queues) fills a panel: as many columns as stay readable, tiles as
 * tall as fit, and, when even the smallest readable tiles do not fit, pages of comfortable tiles
 * that the board turns through. Pure: sizes are the panel's layout pixels on the 1920×1080 canvas.
 */

export interface TileRules {
  gap: number;
  /** Narrower tiles cannot hold a two-digit number and 暂停服务 at a size read from the hall. */
  minWidth: number;
  maxColumns: number;
  /** Tiles never grow beyond this (a hall of 3 windows keeps ordinary rows). */
  maxHeight: number;
  /** One page is kept while tiles are at least this tall. */
  minHeight: number;
  /** Tiles this tall read well from across the hall: used when paging, and preferred with fewer columns. */
  comfortHeight: number;
}

export interface BoardLayout {
  columns: number;
  rows: number;
  /** Tiles per page (all of them when `pages` is 1). */
  perPage: number;
  pages: number;
  tileWidth: number;
  tileHeight: number;
}

export const WINDOW_TILES: TileRules = {
  gap: 10,
  minWidth: 200,
  maxColumns: 4,
  maxHeight: 112,
  minHeight: 64,
  comfortHeight: 84,
};

export const QUEUE_TILES: TileRules = {
  gap: 10,
  minWidth: 330,
  maxColumns: 2,
  maxHeight: 124,
  minHeight: 84,
  comfortHeight: 100,
};

export function boardLayout(n: number, width: number, height: number, r: TileRules): BoardLayout {
  const maxColumns = Math.max(1, Math.min(r.maxColumns, Math.floor((width + r.gap) / (r.minWidth + r.gap))));
  const tileWidth = (c: number): number => (width - r.gap * (c - 1)) / c;
  const tileHeight = (rows: number): number => Math.min(r.maxHeight, (height - r.gap * (rows - 1)) / rows);
  const make = (columns: number, perPage: number, pages: number): BoardLayout => {
    const rows = Math.max(1, Math.ceil(perPage / columns));
    return { columns, rows, perPage, pages, tileWidth: tileWidth(columns), tileHeight: tileHeight(rows) };
  };
  if (n <= 0) return make(1, 0, 1);

  // One page: the fewest columns with comfortable tiles, else the tallest tiles that are still readable.
  let best: BoardLayout | null = null;
  for (let c = 1; c <= maxColumns; c++) {
    const layout = make(c, n, 1);
    if (layout.tileHeight >= r.comfortHeight) return layout;
    if (layout.tileHeight >= r.minHeight && (best === null || layout.tileHeight > best.tileHeight)) best = layout;
  }
  if (best !== null) return best;

  // Pages of comfortable tiles, as few as possible, filled evenly.
  const rowsPerPage = Math.max(1, Math.floor((height + r.gap) / (r.comfortHeight + r.gap)));
  const pages = Math.ceil(n / (maxColumns * rowsPerPage));
  return make(maxColumns, Math.ceil(n / pages), pages);
}

/** The items on page `page` (0-based) of a layout. */
export function pageItems<T>(items: readonly T[], layout: BoardLayout, page: number): T[] {
  if (layout.pages <= 1) return [...items];
  const p = Math.min(page, layout.pages - 1);
  return items.slice(p * layout.perPage, (p + 1) * layout.perPage);
}
