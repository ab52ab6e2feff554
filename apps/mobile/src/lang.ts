import { useEffect, useSyncExternalStore } from 'react';
import type { Lang } from '@yichuang/ui';

const KEY = 'yichuang.mobile.lang';
const listeners = new Set<() => void>();

function initial(): Lang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'en' || asked === 'zh') return asked;
  try {
    const kept = window.localStorage.getItem(KEY);
    if (kept === 'en' || kept === 'zh') return kept;
  } catch {
    // storage refused (private mode): fall back to the browser's language
  }
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

let current: Lang = initial();

/** The citizen's choice is kept on the phone, so every page (and the ticket page) opens in it next time. */
export function setLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(KEY, lang);
  } catch {
    // kept for this page only
  }
  for (const l of listeners) l();
}

/** The page language; the document's `lang` follows it (screen readers, fonts). */
export function useLang(): Lang {
  const lang = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return lang;
}
