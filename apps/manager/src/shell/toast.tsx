import { useEffect, useState, type ReactElement } from 'react';
import { useManager } from './manager-store.ts';

/** The answer to the last action, bottom right, for a few seconds (errors stay longer). */
export function ToastView(): ReactElement | null {
  const toast = useManager((s) => s.toast);
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    if (toast === null) return;
    setShown(toast.n);
    const t = setTimeout(() => setShown(null), toast.tone === 'error' ? 8000 : 4000);
    return () => clearTimeout(t);
  }, [toast]);
  if (toast === null || shown !== toast.n) return null;
  return (
    <div
      className={`m-toast m-toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
    >
      {toast.text}
    </div>
  );
}
