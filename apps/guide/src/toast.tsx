import { useEffect, useState, type ReactElement } from 'react';
import { Icon } from '@yichuang/ui';
import { useGuide } from './guide-store.ts';

/** The answer to the last action, at the bottom: errors stay longer and are announced. Tap to dismiss. */
export function Toast(): ReactElement | null {
  const toast = useGuide((s) => s.toast);
  const [hidden, setHidden] = useState<number | null>(null);
  useEffect(() => {
    if (toast === null) return;
    const id = setTimeout(() => setHidden(toast.n), toast.tone === 'error' ? 10_000 : 5_000);
    return () => clearTimeout(id);
  }, [toast]);
  if (toast === null || hidden === toast.n) return null;
  return (
    <div
      className={`g-toast g-toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
      data-tone={toast.tone}
      onClick={() => setHidden(toast.n)}
    >
      <Icon name={toast.tone === 'error' ? 'alert' : 'check'} size={30} />
      <span>{toast.text}</span>
    </div>
  );
}
