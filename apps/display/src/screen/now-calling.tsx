import { useEffect, useState, type ReactElement } from 'react';
import type { CallEntry } from '../call-feed.ts';
import { Bi } from './bilingual.tsx';

/** How many calls the big area shows; the rest go to the recent list. */
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

export function NowCalling(p: {
  calls: readonly CallEntry[];
  windowNumber: (id: string) => number | null;
  highlightSeconds: number;
  english: boolean;
  speaking: string | null;
}): ReactElement {
  const top = p.calls.slice(0, HERO_CALLS);
  const newest = top[0];
  const lit = useHighlight(newest?.key, newest?.seenAt, p.highlightSeconds);
  return (
    <section className="panel hero" data-testid="now-calling">
      <h2 className="panel__title">
        <Bi k="nowCalling" en={p.english} />
      </h2>
      {top.length === 0 ? (
        <div className="hero__empty">
          <Bi k="noCalls" en={p.english} />
        </div>
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

export function RecentCalls(p: {
  calls: readonly CallEntry[];
  windowNumber: (id: string) => number | null;
  english: boolean;
  max: number;
}): ReactElement {
  const rest = p.calls.slice(HERO_CALLS, HERO_CALLS + p.max);
  return (
    <section className="panel recent" data-testid="recent-calls">
      <h2 className="panel__title">
        <Bi k="recent" en={p.english} />
      </h2>
      <ul className="recent__list">
        {rest.map((c) => (
          <li key={c.key} className="recent__item" data-testid="recent-call" data-number={c.number}>
            <span className="recent__number">{c.number}</span>
            <span className="recent__window">{p.windowNumber(c.windowId) ?? '?'}号窗口</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
