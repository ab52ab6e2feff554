import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HallSnapshot } from '@yichuang/protocol';
import { HubConnection, type HubConnectionOptions } from './hub-connection.ts';

export type LinkState = 'connecting' | 'online' | 'offline';

export interface HubState {
  /** online: connected with a current snapshot; offline: the hub cannot be reached (it retries by itself). */
  link: LinkState;
  /** Why the last connection attempt failed (protocol too old, bad key …), for the screen. */
  problem: { code: string; message: string } | null;
  /** Bumped on every applied snapshot or event: components select derived views from the mirror. */
  version: number;
  viewer: HallSnapshot['viewer'] | null;
  printers: { id: string; status: string }[];
  connection: HubConnection;
}

/**
 * The store every React app reads: one HubConnection, its HallMirror, and the link state.
 * No screen ever needs F5: it resyncs on reconnect and on a gap in seq by itself.
 */
export function createHubStore(opts: Omit<HubConnectionOptions, 'onChange' | 'onError'>): StoreApi<HubState> {
  const bump = (): void => store.setState((s) => ({ version: s.version + 1 }));
  const connection = new HubConnection({
    ...opts,
    onChange: bump,
    onError: (message, hubCode) => {
      // An expired session is, for a screen, the same as bad credentials: sign in (or set up) again.
      const code =
        hubCode === 'PROTOCOL_MISMATCH' || /PROTOCOL|too old/i.test(message)
          ? 'PROTOCOL_MISMATCH'
          : hubCode === 'UNAUTHENTICATED' || hubCode === 'TOKEN_EXPIRED' || /credential|凭证|key/i.test(message)
            ? 'UNAUTHENTICATED'
            : 'UNREACHABLE';
      store.setState({ link: 'offline', problem: { code, message } });
    },
  });
  const store = createStore<HubState>(() => ({
    link: 'connecting',
    problem: null,
    version: 0,
    viewer: null,
    printers: [],
    connection,
  }));
  connection.socket.on('hub:snapshot', (s) =>
    store.setState({ link: 'online', problem: null, viewer: s.viewer, printers: s.printers }),
  );
  connection.socket.on('hub:printers', (printers) => store.setState({ printers }));
  connection.socket.on('disconnect', () => store.setState({ link: 'offline' }));
  return store;
}
