import { create } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createHubStore, type HubState } from '@yichuang/client';
import type { LoginResult } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';
import { followHubClock } from './hub-clock.ts';

export type Officer = LoginResult['officer'];

export interface Session {
  token: string;
  expiresAt: number;
  officer: Officer;
}

export type Dialog =
  | { kind: 'pause' }
  | { kind: 'transfer' }
  | { kind: 'finish' }
  | { kind: 'special' }
  | { kind: 'notice'; tab: 'new' | 'list' }
  | {
      kind: 'confirm';
      text: string;
      detail?: string;
      ok: string;
      run: () => void;
      /** A second way out (e.g. 仅退出 beside 签退并退出). */
      alt?: { label: string; run: () => void };
      danger?: boolean;
    };

export type ToastTone = 'error' | 'ok' | 'info';

export interface Toast {
  tone: ToastTone;
  text: string;
  /** Bumped on each toast so the same text shown twice still flashes. */
  n: number;
}

export interface CounterState {
  lang: Lang;
  session: Session | null;
  hub: StoreApi<HubState> | null;
  /** Why the login screen is shown again (expiry), or null. */
  loginNote: string | null;
  /** The window this counter works at (or stands by for, as B). */
  windowId: string | null;
  /** Minutes before opening of today's first sign-in (negative: late), once known. */
  signIn: { at: number; earlyMinutes: number } | null;
  toast: Toast | null;
  dialog: Dialog | null;
  /** The command in flight: buttons wait for its answer (no double calls). */
  busy: string | null;
  setLang: (lang: Lang) => void;
  login: (session: Session) => void;
  logout: (note?: string) => void;
  setWindow: (windowId: string | null) => void;
  setSignIn: (s: { at: number; earlyMinutes: number } | null) => void;
  say: (tone: ToastTone, text: string) => void;
  open: (dialog: Dialog) => void;
  close: () => void;
  setBusy: (busy: string | null) => void;
}

const SESSION_KEY = 'yichuang.counter.session';
const LANG_KEY = 'yichuang.counter.lang';
const WINDOW_KEY = 'yichuang.counter.window';

function readJson<T>(storage: Storage, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Storage refused (private mode): the session lasts for this page only.
  }
}

function connect(token: string): StoreApi<HubState> {
  const hub = createHubStore({ url: window.location.origin, token });
  followHubClock(hub.getState().connection);
  return hub;
}

/** The session survives a reload of this tab (sessionStorage), not a closed browser. */
function restored(): { session: Session | null; hub: StoreApi<HubState> | null } {
  const session = readJson<Session>(window.sessionStorage, SESSION_KEY);
  if (session === null || typeof session.token !== 'string') return { session: null, hub: null };
  return { session, hub: connect(session.token) };
}

const initial = restored();
let toastN = 0;

export const useCounter = create<CounterState>()((set, get) => ({
  lang: readJson<Lang>(window.localStorage, LANG_KEY) === 'en' ? 'en' : 'zh',
  session: initial.session,
  hub: initial.hub,
  loginNote: null,
  windowId: initial.session === null ? null : window.sessionStorage.getItem(WINDOW_KEY),
  signIn: null,
  toast: null,
  dialog: null,
  busy: null,
  setLang: (lang) => {
    write(window.localStorage, LANG_KEY, JSON.stringify(lang));
    set({ lang });
  },
  login: (session) => {
    get().hub?.getState().connection.close();
    write(window.sessionStorage, SESSION_KEY, JSON.stringify(session));
    set({ session, hub: connect(session.token), loginNote: null, windowId: null, signIn: null, toast: null });
  },
  logout: (note) => {
    get().hub?.getState().connection.close();
    write(window.sessionStorage, SESSION_KEY, null);
    write(window.sessionStorage, WINDOW_KEY, null);
    set({ session: null, hub: null, loginNote: note ?? null, windowId: null, signIn: null, dialog: null, busy: null });
  },
  setWindow: (windowId) => {
    write(window.sessionStorage, WINDOW_KEY, windowId);
    set({ windowId });
  },
  setSignIn: (signIn) => set({ signIn }),
  say: (tone, text) => set({ toast: { tone, text, n: ++toastN } }),
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  setBusy: (busy) => set({ busy }),
}));
