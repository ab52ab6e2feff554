import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Icon, t } from '@yichuang/ui';
import { useKiosk } from '../kiosk-store.ts';
import { kt } from '../kiosk-strings.ts';

/**
 * A box that scrolls, with a "下面还有内容" tab under it whenever more is below (a tap scrolls on):
 * many older people do not guess that a page scrolls. The tab takes its own room under the box, so it
 * never covers what is shown.
 */
export function ScrollBox(p: {
  className: string;
  children: ReactNode;
  testId?: string;
  /** Says what is below ("查找结果"), for a box that is not the whole screen. */
  label?: 'results';
}): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const check = (): void => setMore(el.scrollHeight - el.scrollTop - el.clientHeight > 12);
    check();
    el.addEventListener('scroll', check, { passive: true });
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => {
      el.removeEventListener('scroll', check);
      observer.disconnect();
    };
  });
  return (
    <div className="k-scroll">
      <div className={p.className} ref={box} data-testid={p.testId}>
        {p.children}
      </div>
      {more && (
        <button
          type="button"
          className="k-more"
          onClick={() => box.current?.scrollBy({ top: box.current.clientHeight * 0.7, behavior: 'smooth' })}
          data-testid="more"
        >
          <Icon name="chevronDown" size={36} />
          {p.label === 'results' ? `${kt(lang, 'search.results')} · ${t(lang, 'common.more')}` : t(lang, 'common.more')}
        </button>
      )}
    </div>
  );
}
