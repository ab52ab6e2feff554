import { useEffect, type ReactElement } from 'react';
import { useDisplay } from '../hub-context.tsx';
import { ds } from '../strings.ts';

/**
 * Shown only where the browser blocks autoplay (an ordinary browser tab; the Electron shell allows
 * it): one click anywhere turns voice calls on, and it never comes back on that page.
 */
export function SoundOverlay(): ReactElement | null {
  const blocked = useDisplay((s) => s.soundBlocked);
  const unlock = useDisplay((s) => s.unlockSound);
  useEffect(() => {
    if (!blocked) return undefined;
    document.addEventListener('click', unlock);
    return () => document.removeEventListener('click', unlock);
  }, [blocked, unlock]);
  if (!blocked) return null;
  return (
    <button type="button" className="sound-overlay" data-testid="enable-sound">
      <svg viewBox="0 0 48 48" width="64" height="64" aria-hidden="true">
        <path d="M8 18h8l11-9v30l-11-9H8z" fill="currentColor" />
        <path
          d="M33 16c3 2 5 5 5 8s-2 6-5 8M37 10c5 3.5 8 8.5 8 14s-3 10.5-8 14"
          stroke="currentColor"
          strokeWidth="3"
          fill="none"
          strokeLinecap="round"
        />
      </svg>
      <span>{ds('zh', 'soundOff')}</span>
    </button>
  );
}
