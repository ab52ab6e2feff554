import { create } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createHubStore, followHubClock, type HubState } from '@yichuang/client';
import type { LoginResult } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';
import { pageFromHash, type PageId } from './pages.ts';

export type Manager = LoginResult['officer'];

export interface Session {
  token: string;
  expiresAt: number;
  officer: Manager;
}

export type ToastTone = 'error' | 'ok' | 'info';

export interface Toast {
  tone: ToastTone;
  text: string;
  /** Bumped on each toast so the same text shown twice still flashes. */
  n: number;
}

export interface ManagerState {
  lang: Lang;
  session: Session | null;
  hub: StoreApi<HubState> | null;
  /** Why the login screen is shown again (expiry, a PIN reset), or null. */
  loginNote: string | null;
  page: PageId;
  toast: Toast | null;
  setLang: (lang: Lang) => void;
  login: (session: Session) => void;
  logout: (note?: string) => void;
  go: (page: PageId) => void;
  say: (tone: ToastTone, text: string) => void;
}

const SESSION_KEY = 'yichuang.manager.session';
const LANG_KEY = 'yichuang.manager.lang';

function readSession(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(SESSION_KEY);
    const s = raw === null ? null : (JSON.parse(raw) as Session);
    return s !== null && typeof s.token === 'string' && s.officer?.role === 'manager' ? s : null;
  } catch {
    return null;
  }
}

function store(storage: Storage, key: string, value: string | null): void {
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

const restored = readSession();
let toastN = 0;

export const useManager = create<ManagerState>()((set, get) => ({
  lang: window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh',
  session: restored,
  hub: restored === null ? null : connect(restored.token),
  loginNote: null,
  page: pageFromHash(window.location.hash),
  toast: null,
  setLang: (lang) => {
    store(window.localStorage, LANG_KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    set({ lang });
  },
  login: (session) => {
    get().hub?.getState().connection.close();
    store(window.sessionStorage, SESSION_KEY, JSON.stringify(session));
    set({ session, hub: connect(session.token), loginNote: null, toast: null });
  },
  logout: (note) => {
    get().hub?.getState().connection.close();
    store(window.sessionStorage, SESSION_KEY, null);
    set({ session: null, hub: null, loginNote: note ?? null, toast: null });
  },
  go: (page) => {
    if (window.location.hash !== `#/${page}`) window.location.hash = `#/${page}`;
    set({ page });
  },
  say: (tone, text) => set({ toast: { tone, text, n: ++toastN } }),
}));

window.addEventListener('hashchange', () => useManager.setState({ page: pageFromHash(window.location.hash) }));
