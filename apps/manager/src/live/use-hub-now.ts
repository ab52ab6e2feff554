import { useEffect, useState } from 'react';
import { hubNow } from '@yichuang/client';

/**
 * The hub's time, re-rendering every second: waits and service times tick on the page and are
 * measured against the hub's clock, not this PC's. Read at each render rather than kept in state,
 * because the page mounts before the first snapshot has set the hub's offset.
 */
export function useHubNow(): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  return hubNow();
}
