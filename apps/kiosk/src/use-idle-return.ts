import { useEffect } from 'react';
import { useKiosk } from './kiosk-store.ts';

/**
 * After `idleSeconds` without a touch, every screen goes back home for the next citizen
 * (Chinese, normal size); nothing happens while a ticket is being taken.
 */
export function useIdleReturn(idleSeconds: number): void {
  useEffect(() => {
    const touch = (): void => useKiosk.getState().touch();
    window.addEventListener('pointerdown', touch, { capture: true });
    window.addEventListener('keydown', touch, { capture: true });
    const timer = setInterval(() => {
      const s = useKiosk.getState();
      const away = s.stack.length > 1 || s.lang !== 'zh' || s.elderly || s.failure !== null;
      if (away && !s.taking && Date.now() - s.lastTouchAt >= idleSeconds * 1000) s.reset();
    }, 250);
    return () => {
      window.removeEventListener('pointerdown', touch, { capture: true });
      window.removeEventListener('keydown', touch, { capture: true });
      clearInterval(timer);
    };
  }, [idleSeconds]);
}

/** Whole seconds left before the idle return (for the confirmation's countdown). */
export function secondsLeft(lastTouchAt: number, idleSeconds: number, now: number): number {
  return Math.max(0, Math.ceil((lastTouchAt + idleSeconds * 1000 - now) / 1000));
}
