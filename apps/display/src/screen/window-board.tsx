import { useRef, type CSSProperties, type ReactElement } from 'react';
import type { PublicHallConfig, WindowView } from '@yichuang/protocol';
import { ds, type DisplayStringKey } from '../strings.ts';
import { Bi } from './bilingual.tsx';
import { boardLayout, pageItems, WINDOW_TILES, type BoardLayout } from './board-layout.ts';
import { PageMark } from './page-mark.tsx';
import { useBoxSize, useShrinkToFit } from './use-fit.ts';
import { usePager } from './use-pager.ts';

type PanelState = 'calling' | 'serving' | 'idle' | 'paused' | 'empty' | 'closed';

/**
 * A window as the hall sees it, as its LED screen says it: nobody at an open window during hours
 * is 暂停服务 (an empty post, not "self-service"); outside hours, or a window not in use, 未开放.
 */
export function panelState(w: WindowView, inHours: boolean): PanelState {
  if (!w.open) return 'closed';
  if (w.state === 'paused') return 'paused';
  if (w.state === 'empty') return inHours ? 'empty' : 'closed';
  if (w.state === 'calling' || w.state === 'serving') return w.ticket === null ? 'idle' : w.state;
  return 'idle';
}

const LABEL: Record<Exclude<PanelState, 'calling' | 'serving'>, DisplayStringKey> = {
  idle: 'window.idle',
  paused: 'window.paused',
  empty: 'window.unstaffed',
  closed: 'window.closed',
};

/** Font sizes (canvas px) for a tile of this size: the number, the state word, the ticket, its hint, the queues. */
export interface TileMetrics {
  /** Wide enough for a line of what the window serves between its number and its state. */
  wide: boolean;
  no: number;
  state: number;
  ticket: number;
  hint: number;
  name: number;
}

/** Padding, border and gaps of a tile (see panels.css `.win`). */
const TILE_CHROME = 44;
const WIDE_NUMBER_COLUMN = 84;

export function tileMetrics(width: number, height: number): TileMetrics {
  const wide = width >= 380;
  const no = Math.min(58, 0.6 * height, wide ? 58 : 0.24 * (width - TILE_CHROME));
  // What is left beside the number for 暂停服务 (4 characters) or a ticket number like A006.
  const room = width - TILE_CHROME - (wide ? WIDE_NUMBER_COLUMN + 140 : 1.3 * no);
  return {
    wide,
    no,
    state: Math.min(40, 0.44 * height, wide ? 40 : room / 4.3),
    ticket: Math.min(56, 0.6 * height, wide ? 56 : room / 3.2),
    hint: Math.min(22, 0.25 * height, wide ? 22 : room / 4.5),
    name: Math.min(22, 0.26 * height),
  };
}

/** Rough width of text in ems: a CJK character is 1, anything else about half. */
const ems = (s: string): number => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0);

export interface Served {
  /** Queue names (or 综合业务), or the queues' prefixes when the names would not fit in two lines. */
  kind: 'names' | 'prefixes';
  items: string[];
}

/**
 * What a window serves, for a wide tile: "综合业务", the queue names when they fit in two lines
 * (a line breaks between names, never inside one), else their prefixes, which the tickets carry
 * and the queue board explains.
 */
export function served(w: WindowView, config: PublicHallConfig, tileWidth: number, m: TileMetrics): Served {
  if (w.queues === 'all') return { kind: 'names', items: [ds('zh', 'window.all')] };
  const queues = w.queues.map((id) => config.queues.find((q) => q.id === id));
  const names = queues.map((q, i) => q?.name ?? w.queues[i]!);
  const room = (tileWidth - TILE_CHROME - WIDE_NUMBER_COLUMN - Math.max(4.2 * m.state, 3.2 * m.ticket)) / m.name;
  let lines = 1;
  let used = 0;
  for (const name of names) {
    const width = ems(name);
    if (width > room) lines = Infinity;
    else if (used === 0) used = width;
    else if (used + 1.6 + width <= room) used += 1.6 + width;
    else {
      lines++;
      used = width;
    }
  }
  if (lines <= 2) return { kind: 'names', items: names };
  return { kind: 'prefixes', items: queues.map((q, i) => q?.prefix ?? w.queues[i]!) };
}

function ServedLine(p: { served: Served }): ReactElement {
  return (
    <span className={`win__name win__name--${p.served.kind}`}>
      {p.served.items.map((item, i) => (
        <span key={i} className={p.served.kind === 'names' ? 'win__queue' : 'win__chip'}>
          {item}
        </span>
      ))}
    </span>
  );
}

function tileStyle(layout: BoardLayout, m: TileMetrics, scale: number): CSSProperties {
  const px = (n: number): string => `${Math.floor(n * scale)}px`;
  return {
    gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${layout.rows}, ${Math.floor(layout.tileHeight)}px)`,
    '--win-no': px(m.no),
    '--win-state': px(m.state),
    '--win-ticket': px(m.ticket),
    '--win-hint': px(m.hint),
    '--win-name': px(m.name),
  } as CSSProperties;
}

export function WindowBoard(p: {
  windows: WindowView[];
  config: PublicHallConfig;
  english: boolean;
  inHours: boolean;
  pageSeconds: number;
}): ReactElement {
  const area = useRef<HTMLDivElement>(null);
  const size = useBoxSize(area);
  const layout = size === null ? null : boardLayout(p.windows.length, size.width, size.height, WINDOW_TILES);
  const page = usePager(layout?.pages ?? 1, p.pageSeconds);
  const m = layout === null ? null : tileMetrics(layout.tileWidth, layout.tileHeight);
  // What the tiles say: when it changes the type starts from full size again (and shrinks only if it must).
  const says = p.windows.map((w) => `${w.number}|${panelState(w, p.inHours)}|${w.ticket?.number ?? ''}`).join('/');
  const key = layout === null ? '' : `${layout.columns}x${layout.rows}:${size?.width}x${size?.height}:${says}`;
  const scale = useShrinkToFit(area, '.win', key);
  const shown = layout === null ? [] : pageItems(p.windows, layout, page);
  return (
    <section
      className="panel windows"
      data-testid="windows"
      data-columns={layout?.columns}
      data-page={page + 1}
      data-pages={layout?.pages ?? 1}
    >
      <h2 className="panel__title panel__title--row">
        <Bi k="windows" en={p.english} />
        {layout !== null && <PageMark page={page} pages={layout.pages} />}
      </h2>
      <div className="windows__area" ref={area}>
        {layout !== null && m !== null && (
          <ul className={`windows__grid${m.wide ? ' windows__grid--wide' : ''}`} style={tileStyle(layout, m, scale)}>
            {shown.map((w) => {
              const s = panelState(w, p.inHours);
              return (
                <li key={w.id} className={`win win--${s}`} data-testid={`window-${w.id}`} data-state={s}>
                  <span className="win__no">{w.number}</span>
                  {m.wide && <ServedLine served={served(w, p.config, layout.tileWidth, m)} />}
                  {s === 'calling' || s === 'serving' ? (
                    <span className="win__ticket">
                      <span className="win__ticket-no" data-testid={`window-${w.id}-ticket`}>
                        {w.ticket?.number}
                      </span>
                      <span className="win__hint">
                        {ds('zh', s === 'calling' ? 'window.calling' : 'window.serving')}
                      </span>
                    </span>
                  ) : (
                    <Bi k={LABEL[s]} en={p.english && m.wide} className="win__state" />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
