import type { ReactElement, ReactNode } from 'react';
import { Icon } from '@yichuang/ui';
import { ScrollBox } from './scroll-box.tsx';

/**
 * One screen: a heading, a body that may scroll (with a "下面还有内容" tab when it does), an optional side
 * (a keypad, the wait and the fees: under the body on a portrait screen, beside it on a landscape one),
 * and the action buttons.
 */
export function ScreenFrame(p: {
  name: string;
  title: ReactNode;
  subtitle?: ReactNode;
  eyebrow?: ReactNode;
  children: ReactNode;
  side?: ReactNode;
  actions?: ReactNode;
}): ReactElement {
  const cls = `k-screen k-screen--${p.name}${p.side === undefined ? '' : ' k-screen--sided'}`;
  return (
    <section className={cls} data-screen={p.name}>
      <div className="k-screen__head">
        {p.eyebrow !== undefined && <div className="k-screen__eyebrow">{p.eyebrow}</div>}
        <h2 className="k-screen__title">{p.title}</h2>
        {p.subtitle !== undefined && <p className="k-screen__subtitle">{p.subtitle}</p>}
      </div>
      <ScrollBox className="k-screen__body">{p.children}</ScrollBox>
      {p.side !== undefined && <div className="k-screen__side">{p.side}</div>}
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
      <span className="k-pager__label num" data-testid="page-label">
        {p.labels.page}
      </span>
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
