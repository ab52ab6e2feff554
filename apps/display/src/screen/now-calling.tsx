import { useEffect, useRef, useState, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import type { CallEntry } from '../call-feed.ts';
import { Bi } from './bilingual.tsx';
import { useBoxSize, useShrinkToFit } from './use-fit.ts';

/** How many standing calls the big area shows; the rest go to the recent list. */
export const HERO_CALLS = 3;

/** True for `seconds` after the newest call arrived; one timer, replaced with every new call. */
function useHighlight(key: string | undefined, seenAt: number | undefined, seconds: number): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (key === undefined || seenAt === undefined) return undefined;
    const left = seenAt + seconds * 1000 - Date.now();
    if (left <= 0) {
      setOn(false);
      return undefined;
    }
    setOn(true);
    const h = setTimeout(() => setOn(false), left);
    return () => clearTimeout(h);
  }, [key, seenAt, seconds]);
  return on;
}

/**
 * "请以下号码到窗口办理": only calls that still stand (the ticket is still called at its window),
 * newest first. With none, `empty` (no calls yet, or the hall's hours when it is closed).
 */
export function NowCalling(p: {
  calls: readonly CallEntry[];
  windowNumber: (id: string) => number | null;
  highlightSeconds: number;
  english: boolean;
  speaking: string | null;
  empty?: ReactNode;
}): ReactElement {
  const top = p.calls.slice(0, HERO_CALLS);
  const newest = top[0];
  const lit = useHighlight(newest?.key, newest?.seenAt, p.highlightSeconds);
  // A two- or three-digit window in a narrower column (a hall of many windows): the row's type shrinks to fit.
  const panel = useRef<HTMLElement>(null);
  const size = useBoxSize(panel);
  const widths = top.map((c) => `${c.number.length}.${String(p.windowNumber(c.windowId) ?? 0).length}`).join();
  const fit = useShrinkToFit(panel, '.hero__row', `${size?.width ?? 0}x${size?.height ?? 0}:${widths}`);
  return (
    <section
      className="panel hero"
      data-testid="now-calling"
      ref={panel}
      style={{ '--hero-fit': fit } as CSSProperties}
    >
      <h2 className="panel__title">
        <Bi k="nowCalling" en={p.english} />
      </h2>
      {top.length === 0 ? (
        (p.empty ?? (
          <div className="hero__empty">
            <Bi k="noCalls" en={p.english} />
          </div>
        ))
      ) : (
        <ol className="hero__rows">
          {top.map((c, i) => {
            const n = p.windowNumber(c.windowId);
            return (
              <li
                key={c.key}
                className={`hero__row${i === 0 && lit ? ' hero__row--new' : ''}${p.speaking === c.key ? ' hero__row--speaking' : ''}`}
                data-testid="hero-call"
                data-number={c.number}
                data-window={c.windowId}
                data-highlight={i === 0 && lit ? 'true' : 'false'}
              >
                <span className={`hero__number${c.number.length > 4 ? ' hero__number--long' : ''}`}>{c.number}</span>
                <span className="hero__arrow" aria-hidden="true">
                  <svg viewBox="0 0 48 48" width="72" height="72">
                    <path d="M6 20h24V9l16 15-16 15V28H6z" fill="currentColor" />
                  </svg>
                </span>
                <span className="hero__window">
                  <span className="hero__window-no">{n ?? '?'}</span>
                  <span className="hero__window-word">
                    号窗口
                    {p.english && <span className="bi-en">Window</span>}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** 最近呼叫: calls no longer standing, newest first; standing calls the big area has no room for lead, in gold. */
export function RecentCalls(p: {
  calls: readonly { call: CallEntry; calling: boolean }[];
  windowNumber: (id: string) => number | null;
  english: boolean;
  max: number;
}): ReactElement {
  const rest = p.calls.slice(0, p.max);
  const list = useRef<HTMLUListElement>(null);
  const size = useBoxSize(list);
  const says = rest.map(({ call: c }) => `${c.number}@${p.windowNumber(c.windowId) ?? ''}`).join();
  const scale = useShrinkToFit(list, '.recent__item', `${size?.width ?? 0}:${says}`);
  return (
    <section className="panel recent" data-testid="recent-calls">
      <h2 className="panel__title">
        <Bi k="recent" en={p.english} />
      </h2>
      <ul className="recent__list" ref={list} style={{ '--recent-fit': scale } as CSSProperties}>
        {rest.map(({ call: c, calling }) => (
          <li
            key={c.key}
            className={`recent__item${calling ? ' recent__item--calling' : ''}`}
            data-testid="recent-call"
            data-number={c.number}
            data-calling={calling}
          >
            <span className="recent__number">{c.number}</span>
            <span className="recent__window">{p.windowNumber(c.windowId) ?? '?'}号窗口</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
