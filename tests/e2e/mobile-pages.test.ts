import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publicQueuesSchema, type HallConfigInput } from '@yichuang/protocol';
import { launchBrowser } from '../support/browser.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';

/**
 * The citizen's phone pages under /m/ on a 390×844 phone: the hall and its live lines, the guide,
 * English, and the ticket page (/t/:id) that joined them. Build first:
 * `npm run build:apps -- mobile`. Screenshots of every screen go to /tmp/mobile-*.png.
 */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const PHONE = { width: 390, height: 844 };
const KIOSK_KEY = 'kiosk-1-secret';
/** Sunday 2026-11-29 10:00 in Shanghai: the demo hall has no Sunday hours. */
const SUNDAY_10AM = MONDAY_10AM + 6 * 86_400_000;

function demoHall(): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    hall: { ...demo.hall, address: '綦江区文龙街道测试路 1 号', addressEn: '1 Test Road, Wenlong, Qijiang' },
    windows: demo.windows.map(({ printer: _printer, ...w }) => w),
    printers: [],
    devices: [{ id: 'kiosk-1', kind: 'kiosk', key: KIOSK_KEY }],
    kiosk: { ticketsPerMinute: 1000, idleSeconds: 120, oneTicketPerIdCard: false },
  };
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
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    for (const [i, c] of contexts.entries())
      for (const [j, p] of c.pages().entries()) await shot(p, `failed-${i}-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

/** The whole page; the fixed tab bar drawn once at the end rather than over the middle of it. */
const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({
    path: `/tmp/mobile-${name}.png`,
    fullPage: true,
    style: '.m-tabs { position: static !important; }',
  });
const text = (page: Page, testId: string): Promise<string> => page.getByTestId(testId).innerText();

async function phone(locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

/** Nothing wider than the phone: no sideways scrolling on any screen. */
async function expectNoOverflow(page: Page): Promise<void> {
  const wide = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    over: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName}.${e.className}`)
      .slice(0, 5),
  }));
  expect(wide.over).toEqual([]);
  expect(wide.doc).toBeLessThanOrEqual(PHONE.width);
  expect(wide.body).toBeLessThanOrEqual(PHONE.width);
}

describe('the phone pages /m/', () => {
  it('home: the hall, today’s hours, open now, and the live lines following a ticket taken at the kiosk', async () => {
    const x = (h = await startHub(demoHall()));
    const page = await phone();
    await page.goto(`${x.url}/m/`);
    await page.getByTestId('m-hall').waitFor();
    expect(await text(page, 'm-title')).toBe('办事大厅');
    expect(await page.locator('.m-hall__name').innerText()).toBe('綦江区公安局政务服务大厅');
    expect(await text(page, 'm-phase')).toBe('正在办公');
    expect(await text(page, 'm-today')).toBe('今日 09:00–17:00');
    await expect.poll(() => page.getByTestId('m-hall').innerText()).toContain('023-00000000');
    expect(await page.getByTestId('m-hall').innerText()).toContain('綦江区文龙街道测试路 1 号');
    expect(await page.locator('a[href="tel:02300000000"]').count()).toBe(1);

    // The weekly hours open on a tap.
    await page.locator('.m-hours summary').tap();
    expect(await page.locator('.m-hours li').allInnerTexts()).toEqual([
      expect.stringMatching(/^周一至周五\s+09:00–17:00$/),
      expect.stringMatching(/^周六\s+12:00|^周六\s+09:00–12:00$/),
    ]);

    // Live lines: nobody waits yet; 出入境 is served at windows 1, 4 and 8.
    await page.getByTestId('m-queue-exit-entry').waitFor();
    expect(await text(page, 'm-queue-waiting-exit-entry')).toBe('0');
    expect(await text(page, 'm-queue-windows-exit-entry')).toBe('1、4、8号窗口');
    await expectNoOverflow(page);
    await shot(page, 'home');

    // Two passport tickets at the kiosk: the phone shows them at its next poll, without a reload.
    for (const n of [1, 2]) {
      const res = await x.api('POST', '/api/tickets', { requestId: `m-${n}`, serviceId: 'passport' }, KIOSK_KEY);
      expect(res.status).toBe(201);
    }
    await expect.poll(() => text(page, 'm-queue-waiting-exit-entry'), { timeout: 20_000 }).toBe('2');
    expect(await text(page, 'm-queue-waiting-vehicle')).toBe('0');
    expect(await text(page, 'm-queue-est-exit-entry')).toBe('暂无窗口办理');

    // An officer signs in at 4号窗口 (出入境): the line now has an estimate for a ticket taken now.
    const officer = await x.login('1007');
    expect((await x.api('POST', '/api/windows/w4/sign-in', {}, officer)).status).toBe(200);
    await expect
      .poll(() => text(page, 'm-queue-est-exit-entry'), { timeout: 20_000 })
      .toMatch(/^新取号预计等候 约 \d+ 分钟$/);
    await shot(page, 'home-after-tickets');
  }, 60_000);

  it('GET /api/public/queues: anyone, counts only, no ticket or personal data', async () => {
    const x = (h = await startHub(demoHall()));
    const taken = await x.api('POST', '/api/tickets', { requestId: 'q-1', serviceId: 'passport' }, KIOSK_KEY);
    expect(taken.status).toBe(201);
    const res = await x.api('GET', '/api/public/queues');
    expect(res.status).toBe(200);
    const body = publicQueuesSchema.parse(res.body);
    expect(body.phase).toBe('open');
    const exit = body.queues.find((q) => q.id === 'exit-entry')!;
    expect(exit).toMatchObject({
      prefix: 'C',
      name: '出入境',
      nameEn: 'Exit and entry',
      waiting: 1,
      windows: [1, 4, 8],
    });
    const wire = JSON.stringify(res.body);
    expect(wire).not.toContain(taken.body.id as string);
    expect(wire).not.toContain('C001');
    expect(Object.keys(exit).sort()).toEqual(
      ['estimatedWaitS', 'id', 'name', 'nameEn', 'prefix', 'unstaffed', 'waiting', 'windows'].sort(),
    );
  });

  it('home on a Sunday: closed today, said plainly', async () => {
    const x = (h = await startHub(demoHall(), SUNDAY_10AM));
    const page = await phone();
    await page.goto(`${x.url}/m/`);
    await page.getByTestId('m-hall').waitFor();
    expect(await text(page, 'm-phase')).toBe('已下班');
    expect(await text(page, 'm-today')).toBe('今日不办公');
    await shot(page, 'home-closed');
  });

  it('guide: search by name or pinyin, a matter’s page with materials, time limit, fee, basis and where to go', async () => {
    const x = (h = await startHub(demoHall()));
    const page = await phone();
    await page.goto(`${x.url}/m/`);
    await page.getByTestId('m-go-guide').tap();
    await page.getByTestId('m-guide-count').waitFor();
    expect(new URL(page.url()).pathname).toBe('/m/guide');
    expect(await text(page, 'm-guide-count')).toBe('共 36 项业务');
    await expectNoOverflow(page);
    await shot(page, 'guide');

    await page.getByTestId('m-guide-search').fill('护照');
    await expect.poll(() => text(page, 'm-guide-count')).toBe('共 1 项业务');
    await page.getByTestId('m-guide-search').fill('sfz');
    await expect.poll(() => page.locator('.m-list li').count()).toBeGreaterThan(1);
    expect((await page.locator('.m-list li').allInnerTexts()).join()).toContain('居民身份证申领');
    await page.getByTestId('m-guide-search').fill('不存在的业务');
    await page.getByTestId('m-guide-none').waitFor();
    await shot(page, 'guide-none');

    await page.getByTestId('m-guide-search').fill('护照');
    await page.getByTestId('m-service-passport').tap();
    await page.getByTestId('m-matter-name').waitFor();
    expect(new URL(page.url()).pathname).toBe('/m/guide/passport');
    expect(await text(page, 'm-matter-name')).toBe('普通护照申请');
    const materials = await page.getByTestId('m-matter-materials').locator('li').allInnerTexts();
    expect(materials.length).toBeGreaterThan(0);
    expect(materials.join()).toContain('居民身份证');
    expect((await text(page, 'm-matter-time')).length).toBeGreaterThan(0);
    expect((await text(page, 'm-matter-fee')).length).toBeGreaterThan(0);
    await expect.poll(() => text(page, 'm-matter-where')).toContain('在取号机取「出入境」号（C 字头）');
    await expect.poll(() => text(page, 'm-matter-where')).toContain('在 1、4、8号窗口办理');
    // The demo hall books 出入境: the page leads to booking.
    expect(await text(page, 'm-matter-book')).toContain('预约');
    await page.locator('.m-basis summary').tap();
    expect(await page.locator('.m-basis p').innerText()).toContain('护照法');
    await expectNoOverflow(page);
    await shot(page, 'matter');

    // A matter's address opened directly (a shared link, a reload) loads the same page.
    await page.reload();
    await page.getByTestId('m-matter-name').waitFor();
    expect(await text(page, 'm-matter-name')).toBe('普通护照申请');
    // Back goes to the guide.
    await page.getByTestId('m-back').tap();
    await page.getByTestId('m-guide-count').waitFor();
  });

  it('English: the toggle turns every page to English and the phone keeps the choice', async () => {
    const x = (h = await startHub(demoHall()));
    const page = await phone();
    await page.goto(`${x.url}/m/`);
    await page.getByTestId('m-hall').waitFor();
    await page.getByTestId('m-lang').tap();
    expect(await text(page, 'm-title')).toBe('Service hall');
    expect(await page.locator('.m-hall__name').innerText()).toBe(
      'Qijiang District Public Security Bureau Service Hall',
    );
    expect(await text(page, 'm-phase')).toBe('Open now');
    expect(await text(page, 'm-today')).toBe('Today 09:00–17:00');
    expect(await page.getByTestId('m-hall').innerText()).toContain('1 Test Road, Wenlong, Qijiang');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('m-queue-exit-entry').waitFor();
    expect(await page.getByTestId('m-queue-exit-entry').innerText()).toContain('Exit and entry');
    await expectNoOverflow(page);
    await shot(page, 'home-en');

    await page.goto(`${x.url}/m/guide/passport`);
    await page.getByTestId('m-matter-name').waitFor();
    expect(await text(page, 'm-matter-name')).toBe('Ordinary passport');
    expect(await text(page, 'm-title')).toBe('Service guide');
    await expectNoOverflow(page);
    await shot(page, 'matter-en');

    await page.getByTestId('m-tab-guide').tap();
    await page.getByTestId('m-guide-search').fill('passport');
    await expect.poll(() => text(page, 'm-guide-count')).toBe('1 services');
    await page.getByTestId('m-tab-mine').tap();
    await page.getByTestId('m-mine-empty').waitFor();
    expect(await text(page, 'm-mine-empty')).toBe('No bookings on this phone yet');
    await expectNoOverflow(page);
    await shot(page, 'mine-empty-en');

    await page.getByTestId('m-lang').tap();
    expect(await text(page, 'm-mine-empty')).toBe('这部手机上还没有预约记录');
  });

  it('the ticket page /t/:id is served from the phone pages and leads to the hall’s home and guide', async () => {
    const x = (h = await startHub(demoHall()));
    const res = await x.api('POST', '/api/tickets', { requestId: 't-1', serviceId: 'passport' }, KIOSK_KEY);
    expect(res.status).toBe(201);
    const page = await phone();
    await page.goto(x.url + (res.body.link as string));
    await page.getByTestId('tp-number').waitFor();
    expect(await text(page, 'tp-number')).toBe('C001');
    expect(await page.getByTestId('tp-link-home').getAttribute('href')).toBe('/m/');
    expect(await page.getByTestId('tp-link-guide').getAttribute('href')).toBe('/m/guide');
    await expectNoOverflow(page);
    await shot(page, 'ticket');
    await page.getByTestId('tp-link-guide').tap();
    await page.getByTestId('m-guide-count').waitFor();
    expect(new URL(page.url()).pathname).toBe('/m/guide');
    await page.getByTestId('m-tab-home').tap();
    await page.getByTestId('m-hall').waitFor();
    expect(new URL(page.url()).pathname).toBe('/m/');
  });

  it('/m redirects to /m/ keeping the query; unknown files under /m/ are 404, not the page', async () => {
    const x = (h = await startHub(demoHall()));
    const res = await fetch(`${x.url}/m?from=poster`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/m/?from=poster');
    const page = await fetch(`${x.url}/m/mine`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${x.url}/m/no-such-file.js`)).status).toBe(404);
  });
});
