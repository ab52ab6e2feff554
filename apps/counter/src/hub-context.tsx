import { useMemo } from 'react';
import type { LinkState } from '@yichuang/client';
import { windowView, type HallState } from '@yichuang/engine';
import type { WindowView } from '@yichuang/protocol';
import { hallState } from './mirror-state.ts';

export { HubProvider, useHub, useHubStore } from '@yichuang/ui';
import { useHub } from '@yichuang/ui';

export interface Hall {
  /** null until the first snapshot. */
  state: HallState | null;
  /** The mirror's change counter: derived values are memoised on it. */
  version: number;
  link: LinkState;
  /** True only while connected with a current snapshot: anything else is not live. */
  live: boolean;
}

export function useHall(): Hall {
  const version = useHub((s) => s.version);
  const link = useHub((s) => s.link);
  const connection = useHub((s) => s.connection);
  const state = hallState(connection);
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
