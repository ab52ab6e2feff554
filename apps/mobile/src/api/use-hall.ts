import { useEffect, useState, useSyncExternalStore } from 'react';
import { publicQueuesSchema, type PublicQueues } from '@yichuang/protocol';
import { fetchCatalogue, type MobileCatalogue } from './catalogue.ts';
import { hubCall } from './hub-call.ts';

/** How often the live numbers are asked for again: a phone polls, it keeps no socket open. */
export const QUEUES_POLL_MS = 15_000;
const CATALOGUE_POLL_MS = 60_000;

/** The catalogue, shared by every page: fetched once, then every minute (the hall's phase moves on). */
interface CatalogueState {
  catalogue: MobileCatalogue | null;
  failed: boolean;
}
let state: CatalogueState = { catalogue: null, failed: false };
const listeners = new Set<() => void>();
let started = false;

async function refreshCatalogue(): Promise<void> {
  const c = await fetchCatalogue();
  state = c === null ? { ...state, failed: true } : { catalogue: c, failed: false };
  for (const l of listeners) l();
}

export function retryCatalogue(): void {
  state = { ...state, failed: false };
  for (const l of listeners) l();
  void refreshCatalogue();
}

export function useCatalogue(): CatalogueState {
  useEffect(() => {
    if (started) return;
    started = true;
    void refreshCatalogue();
    setInterval(() => void refreshCatalogue(), CATALOGUE_POLL_MS);
  }, []);
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export interface QueuesState {
  queues: PublicQueues | null;
  /** The last poll did not get through (the numbers shown are older). */
  offline: boolean;
  updatedAt: number | null;
}

/** `GET /api/public/queues` every 15 s while the page that shows it is open. */
export function usePublicQueues(): QueuesState {
  const [s, setS] = useState<QueuesState>({ queues: null, offline: false, updatedAt: null });
  useEffect(() => {
    let stopped = false;
    const poll = async (): Promise<void> => {
      const r = await hubCall('GET', '/api/public/queues', publicQueuesSchema);
      if (stopped) return;
      setS((old) => (r.ok ? { queues: r.data, offline: false, updatedAt: Date.now() } : { ...old, offline: true }));
    };
    // A phone in a pocket asks nothing; back in the hand, it asks at once.
    const tick = (): void => {
      if (!document.hidden) void poll();
    };
    void poll();
    const timer = setInterval(tick, QUEUES_POLL_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, []);
  return s;
}
