import { useRef, type CSSProperties, type ReactElement } from 'react';
import type { QueueView } from '@yichuang/protocol';
import { formatWait } from '@yichuang/ui';
import { ds } from '../strings.ts';
import { Bi } from './bilingual.tsx';
import { boardLayout, pageItems, QUEUE_TILES, type BoardLayout } from './board-layout.ts';
import { PageMark } from './page-mark.tsx';
import { useBoxSize, useShrinkToFit } from './use-fit.ts';
import { usePager } from './use-pager.ts';

/**
 * "预计 9 分钟", "无需等候", or "暂无窗口办理" while no staffed window serves the queue; outside
 * hours, with nobody waiting, just 未开放 (the big area shows the hours).
 */
export function waitText(q: QueueView, lang: 'zh' | 'en', inHours = true): string {
  if (!inHours && q.waiting === 0) return ds(lang, 'window.closed');
  if (q.unstaffed) return ds(lang, 'noWindow');
  if (q.waiting === 0 || q.estimatedWaitS <= 0) return ds(lang, 'noWait');
  const text = formatWait(q.estimatedWaitS, lang);
  return lang === 'zh' ? `预计 ${text.replace(/^约\s*/, '')}` : text;
}

/** Font sizes (canvas px) of a queue tile this tall. */
export function queueFonts(height: number): { prefix: number; name: number; wait: number; count: number } {
  return {
    prefix: Math.min(42, 0.36 * height),
    name: Math.min(36, 0.31 * height),
    wait: Math.min(34, 0.3 * height),
    count: Math.min(54, 0.44 * height),
  };
}

/** Rough width of text in ems: a CJK character is 1, anything else about half. */
const ems = (s: string): number => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0);

/**
 * The size a queue's name is set at in its tile: the tile's name size when it fits on a line; a
 * long name smaller, over as many lines as the tile has room for beside the estimate. Never cut.
 */
export function queueNameSize(name: string, width: number, height: number, english: boolean): number {
  const f = queueFonts(height);
  const room = width - 26 - 1.45 * f.prefix - (1.7 * f.count + 6) - 28;
  // The name shares its line with the count; the estimate has the line under both.
  const tall = height - 16 - 1.15 * f.wait * (english ? 1.62 : 1);
  let size = f.name;
  const lines = (px: number): number => Math.ceil((ems(name) * px) / Math.max(room, px));
  while (size > f.name * 0.5 && lines(size) * size * 1.15 > tall) size *= 0.92;
  return size;
}

function tileStyle(layout: BoardLayout, scale: number): CSSProperties {
  const f = queueFonts(layout.tileHeight);
  const px = (n: number): string => `${Math.floor(n * scale)}px`;
  return {
    gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${layout.rows}, ${Math.floor(layout.tileHeight)}px)`,
    '--q-prefix': px(f.prefix),
    '--q-wait': px(f.wait),
    '--q-count': px(f.count),
  } as CSSProperties;
}

export function QueueBoard(p: {
  queues: QueueView[];
  english: boolean;
  inHours: boolean;
  pageSeconds: number;
}): ReactElement {
  const area = useRef<HTMLDivElement>(null);
  const size = useBoxSize(area);
  const layout = size === null ? null : boardLayout(p.queues.length, size.width, size.height, QUEUE_TILES);
  const page = usePager(layout?.pages ?? 1, p.pageSeconds);
  // What the tiles say: when it changes the type starts from full size again (and shrinks only if it must).
  const says = p.queues.map((q) => `${q.name}|${q.waiting}|${waitText(q, 'zh', p.inHours)}`).join('/');
  const key = layout === null ? '' : `${layout.columns}x${layout.rows}:${size?.width}x${size?.height}:${says}`;
  const scale = useShrinkToFit(area, '.q', key);
  const shown = layout === null ? [] : pageItems(p.queues, layout, page);
  return (
    <section className="panel queues" data-testid="queues" data-page={page + 1} data-pages={layout?.pages ?? 1}>
      <h2 className="panel__title panel__title--row">
        <Bi k="queues" en={p.english} />
        {layout !== null && <PageMark page={page} pages={layout.pages} />}
      </h2>
      <div className="queues__area" ref={area}>
        {p.queues.length === 0 ? (
          <div className="queues__empty">
            <Bi k="noQueues" en={p.english} />
          </div>
        ) : (
          layout !== null && (
            <ul className="queues__list" style={tileStyle(layout, scale)}>
              {shown.map((q) => (
                <li
                  key={q.id}
                  className={`q${!p.inHours && q.waiting === 0 ? ' q--closed' : q.unstaffed ? ' q--unstaffed' : ''}`}
                  data-testid={`queue-${q.id}`}
                  data-waiting={q.waiting}
                  data-unstaffed={q.unstaffed}
                >
                  <span className="q__prefix">{q.prefix}</span>
                  <span
                    className="q__name"
                    style={{
                      fontSize: `${Math.floor(queueNameSize(q.name, layout.tileWidth, layout.tileHeight, p.english) * scale)}px`,
                    }}
                  >
                    {q.name}
                  </span>
                  <span className="q__count">
                    <span className="q__n">{q.waiting}</span>
                    <span className="q__unit">人</span>
                  </span>
                  <span className="q__wait" data-testid={`queue-${q.id}-wait`}>
                    {waitText(q, 'zh', p.inHours)}
                    {p.english && <span className="bi-en">{waitText(q, 'en', p.inHours)}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )
        )}
      </div>
    </section>
  );
}
