import { create } from 'zustand';
import type { Lang } from '@yichuang/ui';

export interface StaffSession {
  token: string;
  expiresAt: number;
  staff: { name: string; hallId: string | null };
}

export type Page = { kind: 'overview' } | { kind: 'hall'; hallId: string } | { kind: 'reports' };

interface CityState {
  lang: Lang;
  session: StaffSession | null;
  /** Why the login screen is shown again (an expired session), or null. */
  loginNote: string | null;
  page: Page;
  setLang: (lang: Lang) => void;
  login: (s: StaffSession) => void;
  logout: (note?: string) => void;
  go: (page: Page) => void;
}

const KEY = 'yichuang-city-session';

function stored(): StaffSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as StaffSession | null;
    return s !== null && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

/** The page in the address (#/hall/qijiang), so a reload or a shared link opens the same view. */
function pageOf(hash: string): Page {
  const m = /^#\/hall\/([A-Za-z0-9_-]{1,64})$/.exec(hash);
  if (m !== null) return { kind: 'hall', hallId: m[1]! };
  return hash === '#/reports' ? { kind: 'reports' } : { kind: 'overview' };
}

const hashOf = (p: Page): string =>
  p.kind === 'hall' ? `#/hall/${p.hallId}` : p.kind === 'reports' ? '#/reports' : '#/';

export const useCity = create<CityState>()((set) => ({
  lang: localStorage.getItem('yichuang-city-lang') === 'en' ? 'en' : 'zh',
  session: stored(),
  loginNote: null,
  page: pageOf(location.hash),
  setLang: (lang) => {
    localStorage.setItem('yichuang-city-lang', lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    set({ lang });
  },
  login: (session) => {
    sessionStorage.setItem(KEY, JSON.stringify(session));
    set({ session, loginNote: null });
  },
  logout: (note) => {
    sessionStorage.removeItem(KEY);
    set({ session: null, loginNote: note ?? null });
  },
  go: (page) => {
    if (location.hash !== hashOf(page)) history.pushState(null, '', hashOf(page));
    set({ page });
  },
}));

window.addEventListener('popstate', () => useCity.setState({ page: pageOf(location.hash) }));
