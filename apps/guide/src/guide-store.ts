import { create } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createHubStore, followHubClock, type HubState } from '@yichuang/client';
import type { LoginResult } from '@yichuang/protocol';
import type { Lang } from '@yichuang/ui';

export type Staff = LoginResult['officer'];

export interface Session {
  token: string;
  expiresAt: number;
  officer: Staff;
}

export type Tab = 'issue' | 'waiting' | 'no-show';
export type ToastTone = 'error' | 'ok';

export interface Toast {
  tone: ToastTone;
  text: string;
  /** Bumped on each toast so the same text shown twice still shows. */
  n: number;
}

export interface GuideState {
  lang: Lang;
  session: Session | null;
  hub: StoreApi<HubState> | null;
  /** Why the login screen is shown again (expiry), or null. */
  loginNote: string | null;
  tab: Tab;
  toast: Toast | null;
  /** The command in flight: its buttons wait for the answer (no double taps). */
  busy: string | null;
  setLang: (lang: Lang) => void;
  login: (session: Session) => void;
  logout: (note?: string) => void;
  setTab: (tab: Tab) => void;
  say: (tone: ToastTone, text: string) => void;
  setBusy: (busy: string | null) => void;
}

const SESSION_KEY = 'yichuang.guide.session';
const LANG_KEY = 'yichuang.guide.lang';

function readSession(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(SESSION_KEY);
    const s = raw === null ? null : (JSON.parse(raw) as Session);
    return s !== null && typeof s.token === 'string' && typeof s.officer?.id === 'string' ? s : null;
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

const session = readSession();
let toastN = 0;

/** The session survives a reload of this tab (sessionStorage), not a closed browser. */
export const useGuide = create<GuideState>()((set, get) => ({
  lang: window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh',
  session,
  hub: session === null ? null : connect(session.token),
  loginNote: null,
  tab: 'issue',
  toast: null,
  busy: null,
  setLang: (lang) => {
    store(window.localStorage, LANG_KEY, lang);
    set({ lang });
  },
  login: (s) => {
    get().hub?.getState().connection.close();
    store(window.sessionStorage, SESSION_KEY, JSON.stringify(s));
    set({ session: s, hub: connect(s.token), loginNote: null, tab: 'issue', toast: null });
  },
  logout: (note) => {
    get().hub?.getState().connection.close();
    store(window.sessionStorage, SESSION_KEY, null);
    set({ session: null, hub: null, loginNote: note ?? null, busy: null });
  },
  setTab: (tab) => set({ tab }),
  say: (tone, text) => set({ toast: { tone, text, n: ++toastN } }),
  setBusy: (busy) => set({ busy }),
}));
