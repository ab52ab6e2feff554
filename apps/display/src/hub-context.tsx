import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { HubState } from '@yichuang/client';
import type { DisplayState } from './display-store.ts';

const HubContext = createContext<StoreApi<HubState> | null>(null);
const DisplayContext = createContext<StoreApi<DisplayState> | null>(null);
export const HubProvider = HubContext.Provider;
export const DisplayProvider = DisplayContext.Provider;

export function useHub<T>(select: (s: HubState) => T): T {
  const store = useContext(HubContext);
  if (store === null) throw new Error('HubProvider missing');
  return useStore(store, select);
}

export function useDisplay<T>(select: (s: DisplayState) => T): T {
  const store = useContext(DisplayContext);
  if (store === null) throw new Error('DisplayProvider missing');
  return useStore(store, select);
}
