import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Icon, t } from '@yichuang/ui';
import { useKiosk } from '../kiosk-store.ts';

/**
 * One screen: a heading, a body that may scroll, and the action buttons kept at the bottom.
 * When the body holds more than fits, a "下面还有内容" tab says so (and scrolls on a tap):
 * many older people do not guess that a page scrolls.
 */
export function ScreenFrame(p: {
  name: string;
  title: ReactNode;
  subtitle?: ReactNode;
  eyebrow?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}): ReactElement {
  const lang = useKiosk((s) => s.lang);
  const body = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = body.current;
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
    <section className={`k-screen k-screen--${p.name}`} data-screen={p.name}>
      <div className="k-screen__head">
        {p.eyebrow !== undefined && <div className="k-screen__eyebrow">{p.eyebrow}</div>}
        <h2 className="k-screen__title">{p.title}</h2>
        {p.subtitle !== undefined && <p className="k-screen__subtitle">{p.subtitle}</p>}
      </div>
      <div className="k-screen__scroll">
        <div className="k-screen__body" ref={body}>
          {p.children}
        </div>
        {more && (
          <button
            type="button"
            className="k-more"
            onClick={() => body.current?.scrollBy({ top: body.current.clientHeight * 0.6, behavior: 'smooth' })}
            data-testid="more"
          >
            <Icon name="chevronDown" size={36} />
            {t(lang, 'common.more')}
          </button>
        )}
      </div>
      {p.actions !== undefined && <div className="k-screen__actions">{p.actions}</div>}
    </section>
  );
}

/** 上一页 / 下一页 with "第 1 页 / 共 3 页" between: big, for fingers that are not steady. */
export function Pager(p: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  labels: { prev: string; next: string; page: string };
}): ReactElement | null {
  if (p.pages <= 1) return null;
  return (
    <div className="k-pager">
      <button
        type="button"
        className="k-pager__btn"
        disabled={p.page <= 0}
        onClick={() => p.onPage(p.page - 1)}
        data-testid="page-prev"
      >
        <Icon name="chevronLeft" size={40} />
        {p.labels.prev}
      </button>
      <span className="k-pager__label num">{p.labels.page}</span>
      <button
        type="button"
        className="k-pager__btn"
        disabled={p.page >= p.pages - 1}
        onClick={() => p.onPage(p.page + 1)}
        data-testid="page-next"
      >
        {p.labels.next}
        <Icon name="chevronRight" size={40} />
      </button>
    </div>
  );
}
