/**
 * The counter's and manager's window comes back where the officer left it, but never off screen:
 * a saved position from a monitor that has since been unplugged is moved onto one that exists.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState extends Rect {
  maximized: boolean;
}

export const MIN_SIZE = { width: 800, height: 600 };
export const DEFAULT_SIZE = { width: 1280, height: 800 };
/** At least this much of the title bar's width must be on a display for the window to count as visible. */
const MIN_VISIBLE_WIDTH = 120;

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

export function centeredIn(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

function isFiniteRect(r: unknown): r is Rect {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof o[k] === 'number' && Number.isFinite(o[k]));
}

/**
 * Where to open the window. `workAreas[0]` is the primary display. The display that shows most of
 * the saved window keeps it; its size is cut to that display and its position pushed inside it.
 */
export function clampBounds(saved: Rect | null, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved === null || !isFiniteRect(saved) || saved.width <= 0 || saved.height <= 0)
    return centeredIn(DEFAULT_SIZE, primary);

  // The top strip is what the officer grabs to move the window: it must be reachable.
  const titleStrip = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, 40) };
  let best: { area: Rect; visible: number } | null = null;
  for (const area of workAreas) {
    const o = overlap(titleStrip, area);
    if (o === null) continue;
    const visible = o.width * o.height;
    if (o.width >= Math.min(MIN_VISIBLE_WIDTH, saved.width) && (best === null || visible > best.visible))
      best = { area, visible };
  }
  if (best === null) return centeredIn({ width: saved.width, height: saved.height }, primary);

  const { area } = best;
  const width = Math.min(Math.max(saved.width, Math.min(MIN_SIZE.width, area.width)), area.width);
  const height = Math.min(Math.max(saved.height, Math.min(MIN_SIZE.height, area.height)), area.height);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

export function parseWindowState(text: string | null): SavedWindowState | null {
  if (text === null) return null;
  try {
    const json: unknown = JSON.parse(text);
    if (!isFiniteRect(json)) return null;
    const maximized = (json as { maximized?: unknown }).maximized === true;
    const { x, y, width, height } = json;
    return { x, y, width, height, maximized };
  } catch {
    return null;
  }
}

export function serializeWindowState(state: SavedWindowState): string {
  return `${JSON.stringify(state)}\n`;
}
