import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallEntry } from './call-feed.ts';
import type { EngineKind } from './voice/speech-engine.ts';

export interface DisplayState {
  /** This screen's calls, newest first (bounded by the feed). */
  calls: readonly CallEntry[];
  /** The call being spoken now, if any. */
  speaking: string | null;
  voice: EngineKind | 'starting';
  /** Autoplay is blocked: a click on the page turns sound on. */
  soundBlocked: boolean;
  unlockSound: () => void;
}

export function createDisplayStore(): StoreApi<DisplayState> {
  return createStore<DisplayState>(() => ({
    calls: [],
    speaking: null,
    voice: 'starting',
    soundBlocked: false,
    unlockSound: () => undefined,
  }));
}
