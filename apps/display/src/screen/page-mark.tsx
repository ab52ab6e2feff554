import type { ReactElement } from 'react';

/** "2/3" with a dot per page, for a board that turns through pages; nothing for one page. */
export function PageMark(p: { page: number; pages: number }): ReactElement | null {
  if (p.pages <= 1) return null;
  return (
    <span className="page-mark" data-testid="page-mark" aria-label={`${p.page + 1}/${p.pages}`}>
      {Array.from({ length: p.pages }, (_, i) => (
        <span key={i} className={`page-mark__dot${i === p.page ? ' page-mark__dot--on' : ''}`} />
      ))}
      <span className="page-mark__text">
        {p.page + 1}/{p.pages}
      </span>
    </span>
  );
}
