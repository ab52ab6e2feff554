import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * The hall display's window and queue boards with 8 to 60 windows, at the sizes hall screens have
 * (1920×1080, 1366×768 and a portrait 1080×1920): every tile inside its panel, no text cut, every
 * window shown (on one page, or on pages the board turns through). Build the display first:
 * `npx tsx scripts/build-apps.ts display`.
 */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
/** What the windows of a big hall serve, in turn. */
const SERVES: HallConfigInput['windows'][number]['queues'][] = [
  'all',
  ['hukou-quick', 'hukou'],
  ['exit-entry'],
  ['vehicle'],
  ['certificates', 'inquiries', 'public-order'],
  ['hukou-quick'],
];
const LONG_QUEUE_NAME = '出入境管理（护照、港澳台通行证）';

/** The demo hall with `n` windows, an officer rostered on each, open around the clock. */
function bigHall(n: number): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  return {
    ...demo,
    hall: { ...demo.hall, hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }] },
    queues: demo.queues.map((q) => (q.id === 'exit-entry' ? { ...q, name: LONG_QUEUE_NAME } : q)),
    windows: ids.map((i) => ({
      id: `w${i}`,
      number: i,
      name: `${i}号窗口`,
      queues: SERVES[i % SERVES.length]!,
      open: i % 10 !== 9, // w9, w19, …: not in use
    })),
    officers: ids.map((i) => ({ id: `o${i}`, name: `民警${i}`, role: 'officer' as const, pin: '1234' })),
    roster: ids.map((i) => ({ window: `w${i}`, a: `o${i}` })),
    printers: [],
    devices: [
      { id: 'kiosk-2', kind: 'kiosk', key: 'kiosk-2-secret' },
      { id: 'display-1', kind: 'display', key: 'display-1-secret' },
    ],
    kiosk: { ticketsPerMinute: 10_000 },
    display: { notices: ['请按号就座，留意叫号'], english: false, repeat: 1, chime: false, highlightSeconds: 8 },
  };
}

/**
 * Every state a tile can be in, spread over the hall: calling, serving, paused, idle, nobody
 * signed in (暂停服务 during hours) and not in use (未开放).
 */
async function dressBigHall(x: Harness, n: number): Promise<void> {
  const services = ['id-card-renew', 'hukou-migration', 'passport', 'license-renewal', 'no-criminal-record'];
  const k = await x.connect({ key: 'kiosk-2-secret' });
  for (let i = 0; i < n * 2; i++) {
    const r = await k.send('ticket:take', { requestId: `t-${i}`, serviceId: services[i % services.length]! });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  await Promise.all(
    Array.from({ length: n }, (_, j) => j + 1)
      .filter((i) => i % 10 !== 9 && i % 7 !== 4)
      .map(async (i) => {
        const token = await x.login(`o${i}`, '1234');
        let seq = 0;
        const cmd = async (what: string, body: Record<string, unknown> = {}): Promise<void> => {
          const res = await x.api(
            'POST',
            `/api/windows/w${i}/${what}`,
            { requestId: `w${i}-${++seq}`, ...body },
            token,
          );
          if (res.status !== 200) throw new Error(`w${i} ${what}: ${JSON.stringify(res.body)}`);
        };
        await cmd('sign-in');
        if (i % 5 === 0) return cmd('pause', { reason: 'other' });
        if (i % 5 === 3) return; // idle
        await cmd('call-next');
        if (i % 5 === 2) await cmd('start');
      }),
  );
}

let browser: Browser;
let h: Harness | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

type Size = { width: number; height: number };
const SIZES: Size[] = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];
const PORTRAIT: Size = { width: 1080, height: 1920 };

async function openDisplay(url: string, size: Size): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${url}/display/?key=display-1-secret&voice=off&pageSeconds=2`);
  await page.locator('[data-screen="display"]').waitFor({ timeout: 10_000 });
  return page;
}

interface BoardCheck {
  page: number;
  pages: number;
  /** Tiles on this page. */
  ids: string[];
  /** What sticks out: a tile outside its panel, or text wider or taller than its box. */
  problems: string[];
}

/** Looks at the board as drawn now (the tiles of the page it shows). */
function checkBoard(page: Page, panel: string, tiles: string): Promise<BoardCheck> {
  return page.evaluate(
    ({ panel, tiles }) => {
      const root = document.querySelector<HTMLElement>(`[data-testid="${panel}"]`)!;
      const box = root.getBoundingClientRect();
      const problems: string[] = [];
      const ids: string[] = [];
      for (const tile of root.querySelectorAll<HTMLElement>(tiles)) {
        const id = tile.dataset.testid!;
        ids.push(id);
        const r = tile.getBoundingClientRect();
        if (
          r.left < box.left - 0.5 ||
          r.right > box.right + 0.5 ||
          r.top < box.top - 0.5 ||
          r.bottom > box.bottom + 0.5
        )
          problems.push(`${id} outside the panel`);
        for (const el of [tile, ...tile.querySelectorAll<HTMLElement>('*')]) {
          const e = el.getBoundingClientRect();
          if (
            e.width > 0 &&
            (e.left < r.left - 0.5 || e.right > r.right + 0.5 || e.top < r.top - 0.5 || e.bottom > r.bottom + 0.5)
          )
            problems.push(`${id}: "${el.innerText}" outside its tile`);
          if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth)
            problems.push(`${id}: "${el.innerText}" cut (${el.scrollWidth} wide in ${el.clientWidth})`);
        }
      }
      return { page: Number(root.dataset.page), pages: Number(root.dataset.pages), ids, problems };
    },
    { panel, tiles },
  );
}

/** The board as drawn when it shows page `want` (waiting for it to turn there). */
async function boardAtPage(page: Page, panel: string, tiles: string, want: number): Promise<BoardCheck> {
  const until = Date.now() + 6000;
  for (;;) {
    const c = await checkBoard(page, panel, tiles);
    if (c.page === want) return c;
    if (Date.now() > until) throw new Error(`${panel} never showed page ${want}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Every page of a board, as it turns: all must pass; returns the ids seen and the page count.
 * With `shot`, a screenshot of each page.
 */
async function checkAllPages(
  page: Page,
  panel: string,
  tiles: string,
  shot: string | null,
): Promise<{ ids: string[]; pages: number }> {
  const first = await checkBoard(page, panel, tiles);
  const seen: string[] = [];
  for (let p = 0; p < first.pages; p++) {
    const want = ((first.page - 1 + p) % first.pages) + 1;
    const c = await boardAtPage(page, panel, tiles, want);
    expect(c.problems, `${panel} page ${want}`).toEqual([]);
    seen.push(...c.ids);
    if (shot !== null) await page.screenshot({ path: join(SCREENSHOT_DIR, `${shot}-p${want}.png`) });
  }
  return { ids: seen, pages: first.pages };
}

describe('hall display with many windows', () => {
  for (const n of [8, 24, 40, 60]) {
    it(`${n} windows: every tile inside the board, no text cut, every window shown`, async () => {
      h = await startHub(bigHall(n));
      await dressBigHall(h, n);
      const all = Array.from({ length: n }, (_, i) => `window-w${i + 1}`);
      for (const size of n === 24 || n === 60 ? [...SIZES, PORTRAIT] : SIZES) {
        const page = await openDisplay(h.url, size);
        const name = `display-layout-${n}-${size.width}x${size.height}`;
        const windows = await checkAllPages(page, 'windows', '[data-testid^="window-w"][data-state]', name);
        expect([...windows.ids].sort()).toEqual([...all].sort());
        const queues = await checkAllPages(page, 'queues', '[data-testid^="queue-"][data-waiting]', null);
        expect(queues.ids).toHaveLength(7);
        // The long queue name is there whole.
        expect(await page.getByTestId('queue-exit-entry').innerText()).toContain(LONG_QUEUE_NAME);
        // Up to 20 windows stay on one page at 1920×1080; beyond that the board turns pages.
        if (size.width === 1920) expect(windows.pages).toBe(n <= 20 ? 1 : Math.ceil(n / 16));
        // The big calls are not cut either, once their type has shrunk to fit (measured after layout, so a
        // loaded machine may see the first frame before it).
        await expect
          .poll(async () => (await checkBoard(page, 'now-calling', '[data-testid="hero-call"]')).problems)
          .toEqual([]);
        const hero = await checkBoard(page, 'now-calling', '[data-testid="hero-call"]');
        expect(hero.ids.length).toBeGreaterThan(0);
      }
    }, 90_000);
  }
});
