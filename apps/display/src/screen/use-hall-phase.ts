import { useEffect, useMemo, useState } from 'react';
import { hubNow } from '@yichuang/client';
import { hallPhase, type HallPhase } from '@yichuang/engine';
import type { PublicHallConfig } from '@yichuang/protocol';

/**
 * The hall's phase by the hub's clock (before-open, open, extended, closed): looked at again on
 * every change of the mirror (`version`) and every 15 s.
 */
export function useHallPhase(hall: PublicHallConfig['hall'], version: number): HallPhase {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const h = setInterval(() => setTick((t) => t + 1), 15_000);
    return () => clearInterval(h);
  }, []);
  // version and tick are the reasons to look at the clock again.
  return useMemo(() => hallPhase(hall, hubNow()), [hall, version, tick]);
}

/** Officers are expected at their posts: open, or serving the last tickets after closing (延时服务). */
export const inHours = (phase: HallPhase): boolean => phase === 'open' || phase === 'extended';
