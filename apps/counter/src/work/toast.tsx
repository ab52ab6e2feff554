import { useEffect, useLayoutEffect, useState, type CSSProperties, type ReactElement } from 'react';
import { Icon } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';

type Place = { mode: 'card'; style: CSSProperties } | { mode: 'top' } | { mode: 'corner' };

/**
 * Where the toast goes: over the bottom strip of the ticket card (`data-toast-anchor`, kept free for
 * it), so it never covers the waiting list, the A/B panel, my day or the action buttons; at the top
 * while a dialog is open (the screen under it is dimmed); bottom right elsewhere (login, window pick).
 */
function useToastPlace(shown: number | null, dialogOpen: boolean, screen: string | null): Place {
  const [place, setPlace] = useState<Place>({ mode: 'corner' });
  useLayoutEffect(() => {
    if (shown === null) return;
    const anchor = dialogOpen ? null : document.querySelector('[data-toast-anchor]');
    const measure = (): void => {
      if (dialogOpen) return setPlace({ mode: 'top' });
      if (anchor === null) return setPlace({ mode: 'corner' });
      const r = anchor.getBoundingClientRect();
      setPlace({
        mode: 'card',
        style: { left: r.left + 24, width: r.width - 36, right: 'auto', bottom: window.innerHeight - r.bottom + 12 },
      });
    };
    measure();
    const watch = new ResizeObserver(measure);
    if (anchor !== null) watch.observe(anchor);
    window.addEventListener('resize', measure);
    return () => {
      watch.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [shown, dialogOpen, screen]);
  return place;
}

/** The answer to the last action: errors stay longer and are announced. Click to dismiss. */
export function Toast(): ReactElement | null {
  const toast = useCounter((s) => s.toast);
  const dialogOpen = useCounter((s) => s.dialog !== null);
  const screen = useCounter((s) => s.windowId); // the work screen (with its card) comes and goes with it
  const [hidden, setHidden] = useState<number | null>(null);
  const shown = toast !== null && hidden !== toast.n;
  const place = useToastPlace(shown ? toast.n : null, dialogOpen, screen);
  useEffect(() => {
    if (toast === null) return;
    const id = setTimeout(() => setHidden(toast.n), toast.tone === 'error' ? 10_000 : 5_000);
    return () => clearTimeout(id);
  }, [toast]);
  if (!shown) return null;
  return (
    <div
      className={`c-toast c-toast--${toast.tone} c-toast--${place.mode}`}
      style={place.mode === 'card' ? place.style : undefined}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
      data-tone={toast.tone}
      data-place={place.mode}
      onClick={() => setHidden(toast.n)}
    >
      <Icon name={toast.tone === 'error' ? 'alert' : toast.tone === 'ok' ? 'check' : 'info'} size={30} />
      <span>{toast.text}</span>
    </div>
  );
}
