import type { ReactElement } from 'react';
import { Icon } from '@yichuang/ui';
import { useCounter } from '../counter-store.ts';
import { ct } from '../strings/strings.ts';

export function LangButton({ dark = false }: { dark?: boolean }): ReactElement {
  const lang = useCounter((s) => s.lang);
  return (
    <button
      type="button"
      className={`c-tool ${dark ? 'c-tool--dark' : ''}`}
      data-testid="toggle-lang"
      onClick={() => useCounter.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      <Icon name="globe" size={22} />
      {ct(lang, 'app.lang')}
    </button>
  );
}
