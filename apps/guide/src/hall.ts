import { useEffect, useState } from 'react';
import { hubNow, type LinkState } from '@yichuang/client';
import type { HallState } from '@yichuang/engine';
import { useHub } from '@yichuang/ui';

export { HubProvider, useHub } from '@yichuang/ui';

export interface Hall {
  /** null until the first snapshot. */
  state: HallState | null;
  /** The mirror's change counter: derived lists are memoised on it (the state is mutated in place). */
  version: number;
  link: LinkState;
  /** Connected with a current snapshot: anything else is not live, and actions wait. */
  live: boolean;
}

export function useHall(): Hall {
  const version = useHub((s) => s.version);
  const link = useHub((s) => s.link);
  const connection = useHub((s) => s.connection);
  const state = connection.mirror.hall;
  return { state, version, link, live: link === 'online' && state !== null };
}

/**
 * The hub's time: read again on every render (the page's clock follows the hub's once its snapshot is
 * in, so a value kept from before would be the tablet's own), and at least every `everyMs` so that
 * waits and countdowns move on their own.
 */
export function useHubNow(everyMs = 10_000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return hubNow();
}
