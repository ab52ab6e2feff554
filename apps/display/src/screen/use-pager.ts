import { useEffect, useState } from 'react';

/** Turns through `pages` every `seconds` (0-based page); one page stands still. One timer, released. */
export function usePager(pages: number, seconds: number): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return undefined;
    const h = setInterval(() => setPage((p) => (p + 1) % pages), seconds * 1000);
    return () => clearInterval(h);
  }, [pages, seconds]);
  return pages <= 1 ? 0 : Math.min(page, pages - 1);
}
