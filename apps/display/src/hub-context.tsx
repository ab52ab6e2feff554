import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { DisplayState } from './display-store.ts';

export { HubProvider, useHub } from '@yichuang/ui';

const DisplayContext = createContext<StoreApi<DisplayState> | null>(null);
export const DisplayProvider = DisplayContext.Provider;

export function useDisplay<T>(select: (s: DisplayState) => T): T {
  const store = useContext(DisplayContext);
  if (store === null) throw new Error('DisplayProvider missing');
  return useStore(store, select);
}
