import type { ReactElement } from 'react';
import { Icon } from '@yichuang/ui';
import { useGuide } from './guide-store.ts';
import { gt } from './strings/strings.ts';

export function LangButton(): ReactElement {
  const lang = useGuide((s) => s.lang);
  return (
    <button
      type="button"
      className="g-tool"
      data-testid="toggle-lang"
      onClick={() => useGuide.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      <Icon name="globe" size={24} />
      {gt(lang, 'app.lang')}
    </button>
  );
}
