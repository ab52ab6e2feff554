import { useEffect, useState, type ReactElement } from 'react';
import { Clock } from '@yichuang/ui';
import { useHub } from '../hub-context.tsx';
import { ds } from '../strings.ts';

/** Seconds without the hub before the screen admits it: a blip during a restart is not news. */
const LOST_AFTER_MS = 5000;

/** A small mark in the corner, not an alarm: the calls on screen stay readable. */
export function ConnectionMark(p: { english: boolean }): ReactElement | null {
  const link = useHub((s) => s.link);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    if (link === 'online') {
      setLost(false);
      return undefined;
    }
    const h = setTimeout(() => setLost(true), LOST_AFTER_MS);
    return () => clearTimeout(h);
  }, [link]);
  if (!lost) return null;
  return (
    <div className="link-lost" data-testid="link-lost" role="status">
      <span className="link-lost__dot" />
      {ds('zh', 'linkLost')}
      {p.english && <span className="bi-en"> {ds('en', 'linkLost')}</span>}
    </div>
  );
}

export function HeaderBar(p: { hallName: string; timeZone: string; english: boolean }): ReactElement {
  return (
    <header className="header">
      <div className="header__emblem" aria-hidden="true">
        <svg viewBox="0 0 64 64" width="64" height="64">
          <path d="M32 4 L56 12 V30 C56 46 45 56 32 60 C19 56 8 46 8 30 V12 Z" fill="#ffd24d" />
          <path d="M32 11 L50 17 V30 C50 42 42 50 32 53 C22 50 14 42 14 30 V17 Z" fill="#0b2a5c" />
          <path
            d="M32 20 L35.5 28.5 L44.5 29 L37.5 34.8 L39.8 43.5 L32 38.6 L24.2 43.5 L26.5 34.8 L19.5 29 L28.5 28.5 Z"
            fill="#ffd24d"
          />
        </svg>
      </div>
      <h1 className="header__name" data-testid="hall-name">
        {p.hallName}
      </h1>
      <ConnectionMark english={p.english} />
      <Clock lang="zh" timeZone={p.timeZone} />
    </header>
  );
}
