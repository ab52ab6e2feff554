import type { Page } from 'playwright-core';

/** One element that failed the check, and why (in words a test failure can print). */
export interface LayoutProblem {
  what: string;
  problem: string;
}

/**
 * For every element matching each selector: it has a size, lies inside the viewport, is not cut by an
 * ancestor that clips (overflow other than visible: a scroll box or `overflow: hidden`), its own text does
 * not overflow it, and its centre is not covered by something else (a "more" tab, a dialog).
 * A selector that matches nothing is a problem too: the screen lost an element it should show.
 */
export async function layoutProblems(page: Page, selectors: string[]): Promise<LayoutProblem[]> {
  return page.evaluate((sels) => {
    const out: { what: string; problem: string }[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const name = (el: Element): string => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('data-key');
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      return `${el.tagName.toLowerCase()}${id === null ? '' : `[${id}]`}${cls === '' ? '' : `.${cls}`}`;
    };
    const slack = 0.5;
    for (const sel of sels) {
      const els = [...document.querySelectorAll(sel)];
      if (els.length === 0) out.push({ what: sel, problem: 'missing' });
      for (const el of els) {
        const what = `${sel} → ${name(el)}`;
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) {
          out.push({ what, problem: `no size (${r.width.toFixed(0)}×${r.height.toFixed(0)})` });
          continue;
        }
        if (r.left < -slack || r.top < -slack || r.right > vw + slack || r.bottom > vh + slack) {
          const box = `${r.left.toFixed(0)},${r.top.toFixed(0)} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`;
          out.push({ what, problem: `outside the ${vw}×${vh} viewport (${box})` });
          continue;
        }
        let clipped = false;
        for (let a = el.parentElement; a !== null && !clipped; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
          const ar = a.getBoundingClientRect();
          if (
            r.left < ar.left - slack ||
            r.top < ar.top - slack ||
            r.right > ar.right + slack ||
            r.bottom > ar.bottom + slack
          ) {
            out.push({
              what,
              problem: `cut by ${name(a)} (${r.top.toFixed(0)}–${r.bottom.toFixed(0)} in ${ar.top.toFixed(0)}–${ar.bottom.toFixed(0)})`,
            });
            clipped = true;
          }
        }
        if (clipped) continue;
        const h = el as HTMLElement;
        const style = getComputedStyle(h);
        const scrolls = ['auto', 'scroll'].includes(style.overflowY);
        // Glyphs may reach a little past a tight line-height; a whole line more is text that does not fit.
        const inkSlack = Math.max(4, parseFloat(style.fontSize) * 0.25);
        if (
          h.clientWidth > 0 &&
          (h.scrollWidth > h.clientWidth + 1 || (!scrolls && h.scrollHeight > h.clientHeight + inkSlack))
        )
          out.push({
            what,
            problem: `text overflows (${h.scrollWidth}×${h.scrollHeight} in ${h.clientWidth}×${h.clientHeight})`,
          });
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (top !== null && top !== el && !el.contains(top)) out.push({ what, problem: `covered by ${name(top)}` });
      }
    }
    return out;
  }, selectors);
}

/** Every text element inside `root` whose text is cut off (ellipsis, overflow hidden, or spilling out). */
export async function clippedText(page: Page, root: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const scope = document.querySelector(sel);
    if (scope === null) return [`${sel}: missing`];
    for (const el of scope.querySelectorAll<HTMLElement>('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!own) continue;
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden') continue;
      if (s.overflowY === 'auto' || s.overflowY === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        out.push(
          `${el.className || el.tagName}: "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.scrollWidth}>${el.clientWidth}`,
        );
    }
    return out;
  }, root);
}
