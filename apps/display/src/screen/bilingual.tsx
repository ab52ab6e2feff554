import type { ReactElement } from 'react';
import { ds, type DisplayStringKey } from '../strings.ts';

/** Chinese, with the English under or beside it when the hall turns English on. */
export function Bi(p: {
  k: DisplayStringKey;
  en: boolean;
  vars?: Record<string, string | number>;
  className?: string;
}): ReactElement {
  return (
    <span className={p.className}>
      <span className="bi-zh">{ds('zh', p.k, p.vars)}</span>
      {p.en && <span className="bi-en">{ds('en', p.k, p.vars)}</span>}
    </span>
  );
}
