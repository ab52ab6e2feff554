import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { HubState } from '@yichuang/client';

/** The hub store a page's components read: one per page, given once at the top. Shared by every app. */
const HubContext = createContext<StoreApi<HubState> | null>(null);
export const HubProvider = HubContext.Provider;

export function useHubStore(): StoreApi<HubState> {
  const store = useContext(HubContext);
  if (store === null) throw new Error('HubProvider missing');
  return store;
}

export function useHub<T>(select: (s: HubState) => T): T {
  return useStore(useHubStore(), select);
}
