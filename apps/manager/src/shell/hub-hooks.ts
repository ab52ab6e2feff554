import { useMemo } from 'react';
import { hubNow, type LinkState } from '@yichuang/client';
import { queueViews, windowView, type HallState } from '@yichuang/engine';
import type { QueueView, WindowView } from '@yichuang/protocol';

export { HubProvider, useHub, useHubStore } from '@yichuang/ui';
import { useHub } from '@yichuang/ui';

export interface Hall {
  /** null until the first snapshot. */
  state: HallState | null;
  /** The mirror's change counter: derived values are memoised on it. */
  version: number;
  link: LinkState;
  /** True only while connected with a current snapshot. */
  live: boolean;
}

export function useHall(): Hall {
  const version = useHub((s) => s.version);
  const link = useHub((s) => s.link);
  const connection = useHub((s) => s.connection);
  const state = connection.mirror.hall;
  return { state, version, link, live: link === 'online' && state !== null };
}

/** Every window's view, recomputed when the mirror changes. */
export function useWindows(): WindowView[] {
  const { state, version } = useHall();
  return useMemo(
    () => (state === null ? [] : state.model.config.windows.map((w) => windowView(state, w.id))),
    // version is the mirror's change counter; the state object itself is mutated in place.
    [state, version],
  );
}

/** Every queue's view at the hub's time; `tick` (the page's clock) refreshes the waits. */
export function useQueues(tick: number): QueueView[] {
  const { state, version } = useHall();
  return useMemo(
    () => (state === null ? [] : queueViews(state, hubNow())),
    // version and tick stand for the mutated state and the passing time
    [state, version, tick],
  );
}
