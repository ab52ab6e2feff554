import type { ReactElement } from 'react';
import type { PublicHallConfig } from '@yichuang/protocol';
import { ds } from '../strings.ts';

/** The 警务公开 line: the hall's phones first, then the manager's notices, in order. */
export function noticeItems(config: PublicHallConfig): string[] {
  const phones = config.hall.phones;
  const items: string[] = [];
  if (phones.consult !== undefined && phones.consult !== '') items.push(ds('zh', 'consult', { p: phones.consult }));
  if (phones.complaint !== undefined && phones.complaint !== '')
    items.push(ds('zh', 'complaint', { p: phones.complaint }));
  return [...items, ...config.display.notices];
}

/** Pixels per second the line moves: slow enough to read from across the hall. */
const SPEED = 110;
/** A rough width of the text at the ticker's font size, for the duration (CJK counts double). */
const approxWidth = (s: string): number => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 40 : 22), 0);

/**
 * A CSS marquee: the line is drawn twice and moved by half its width, so it loops without a seam
 * and without a JavaScript timer.
 */
export function NoticeTicker(p: { config: PublicHallConfig; english: boolean }): ReactElement {
  const items = noticeItems(p.config);
  const text = items.join('　　◆　　');
  const seconds = Math.max(20, Math.round((approxWidth(text) + 400) / SPEED));
  return (
    <footer className="ticker" data-testid="notice-line">
      <div className="ticker__head">
        {ds('zh', 'noticeHead')}
        {p.english && <span className="bi-en">{ds('en', 'noticeHead')}</span>}
      </div>
      <div className="ticker__track">
        <div key={text} className="ticker__move" style={{ animationDuration: `${seconds}s` }} data-testid="notice-text">
          <span className="ticker__text">{text}</span>
          <span className="ticker__text" aria-hidden="true">
            {text}
          </span>
        </div>
      </div>
    </footer>
  );
}
