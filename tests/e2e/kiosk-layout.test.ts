import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';
import { clippedText, layoutProblems } from '../support/layout-checks.ts';

/**
 * Every kiosk screen at the three screens halls buy: a portrait 1080×1920 totem, a 1280×1024 (5:4)
 * landscape kiosk and a 1920×1080 landscape one. Each key element must be inside the viewport, not cut
 * by a scroll box, not covered, with its text whole. Run `npx tsx scripts/build-apps.ts kiosk` first.
 */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const VALID_ID = '500222195803081239';
const HOUR = 3600_000;

const SIZES = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1280, height: 1024 },
  { name: 'wide', width: 1920, height: 1080 },
] as const;
type Size = (typeof SIZES)[number];

function demoHall(oneTicketPerIdCard = false): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    windows: demo.windows.map(({ printer: _printer, ...w }) => w),
    printers: [],
    devices: [
      { id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-1-secret' },
      { id: 'kiosk-2', kind: 'kiosk', key: 'kiosk-2-secret' },
    ],
    kiosk: { ticketsPerMinute: 1000, idleSeconds: 300, oneTicketPerIdCard },
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
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

async function hub(o: { idCard?: boolean; start?: number } = {}): Promise<Harness> {
  h = await startHub(demoHall(o.idCard ?? false), o.start ?? MONDAY_10AM);
  return h;
}

/** A valid 18-character resident ID number from 17 digits (the last is the ISO 7064 check character). */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = first17.split('').reduce((n, d, i) => n + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** A morning's line: a few tickets already waiting in several queues. */
async function seedQueue(x: Harness, idCard = false): Promise<void> {
  const k2 = await x.connect({ key: 'kiosk-2-secret' });
  const ids = ['id-card-renew', 'passport', 'no-criminal-record', 'no-criminal-record', 'license-renewal'];
  for (const [i, serviceId] of ids.entries()) {
    const card = idCard ? { idCard: idNumber(`50022219700101${100 + i}`) } : {};
    const res = await k2.send('ticket:take', { requestId: `seed-${i}`, serviceId, ...card });
    expect(res.ok).toBe(true);
  }
}

async function openKiosk(x: Harness, size: Size, o: { waitFor?: string; key?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, hasTouch: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${x.url}/kiosk/${o.key === false ? '' : '?key=kiosk-1-secret'}`);
  await page.locator(`[data-screen="${o.waitFor ?? 'home'}"]`).waitFor({ timeout: 10_000 });
  return page;
}

const tap = (page: Page, testId: string): Promise<void> => page.getByTestId(testId).tap();
const key = (page: Page, k: string): Promise<void> => page.locator(`[data-key="${k}"]`).tap();

/** Screenshot, then every selector's elements must fit whole and no text inside `.kiosk` may be cut. */
async function check(page: Page, size: Size, screen: string, selectors: string[]): Promise<void> {
  // Let fonts, the QR image and the "more" tab settle before measuring.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `kiosk-layout-${size.name}-${screen}.png`) });
  const problems = await layoutProblems(page, selectors);
  expect.soft(problems, `${size.name} ${screen}`).toEqual([]);
  expect.soft(await clippedText(page, '.kiosk'), `${size.name} ${screen}: clipped text`).toEqual([]);
}

const HEADER = ['[data-testid="hall-name"]', '[data-testid="toggle-lang"]', '[data-testid="toggle-elderly"]'];

describe.each(SIZES)('kiosk at $width×$height', (size) => {
  it('home, category, guide, green channel, search, appointment, ID card and the ticket all fit', async () => {
    const x = await hub({ idCard: true });
    await seedQueue(x, true);
    const manager = await x.login('9001', '9999');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(x.clock.now);
    const booked = { requestId: 'b1', code: 'LAYOUT1', serviceId: 'passport', day, start: '10:00', end: '10:30' };
    expect((await x.api('POST', '/api/appointments', booked, manager)).status).toBe(201);
    const page = await openKiosk(x, size);

    await expect.poll(() => page.getByTestId('category-证明开具').innerText()).toContain('2 人等候');
    await check(page, size, 'home', [
      ...HEADER,
      '[data-testid^="category-"]',
      '[data-testid="appointment"]',
      '[data-testid="search"]',
      '[data-testid="green-home"]',
      '[data-testid="today-note"]',
    ]);

    // Each page shows whole cards; together the pages show every matter of the category once.
    await tap(page, 'category-户政');
    await page.locator('[data-screen="category"]').waitFor();
    const seen = await walkPages(page, size, 'category');
    expect(seen.sort()).toEqual(demoServices('户政'));
    await tap(page, 'back');
    await tap(page, 'category-证明开具');
    await page.locator('[data-screen="category"]').waitFor();

    await tap(page, 'service-no-criminal-record');
    await page.locator('[data-screen="guide"]').waitFor();
    await check(page, size, 'guide', [
      '[data-testid="guide-name"]',
      '[data-testid="guide-waiting"]',
      '[data-testid="guide-estimate"]',
      '[data-testid="guide-materials"] li',
      '[data-testid="guide-time-limit"]',
      '[data-testid="guide-fee"]',
      '[data-testid="take"]',
      '[data-testid="green"]',
      '[data-testid="back"]',
    ]);

    await tap(page, 'green');
    await page.locator('[data-screen="green"]').waitFor();
    await tap(page, 'reason-pregnant');
    await check(page, size, 'green', [
      '[data-testid^="reason-"]',
      '[data-testid="green-verify"]',
      '[data-testid="take-green"]',
      '[data-testid="back"]',
    ]);

    await tap(page, 'take-green');
    await page.locator('[data-screen="id-card"]').waitFor();
    for (const k of VALID_ID.slice(0, 11)) await key(page, k);
    await check(page, size, 'id-card', [
      '[data-testid="id-entry"]',
      '[data-key]',
      '[data-testid="take-id"]',
      '[data-testid="back"]',
    ]);
    for (const k of VALID_ID.slice(11)) await key(page, k);
    await tap(page, 'take-id');
    await page.locator('[data-screen="confirm"]').waitFor();
    await check(page, size, 'confirm', [
      '[data-testid="ticket-number"]',
      '[data-testid="ticket-service"]',
      '[data-testid="mark-green"]',
      '[data-testid="ticket-ahead"]',
      '[data-testid="ticket-qr"] img',
      '[data-testid="print-status"]',
      '[data-testid="countdown"]',
      '[data-testid="done"]',
    ]);
    expect(await page.getByTestId('ticket-number').innerText()).toBe('E003');
    await tap(page, 'done');

    await tap(page, 'search');
    for (const k of 'ZM') await key(page, k);
    await page.getByTestId('service-no-criminal-record').waitFor();
    await check(page, size, 'search', [
      '[data-testid="search-query"]',
      '[data-testid="search-count"]',
      '[data-testid="search-results"] [data-testid^="service-"]:first-of-type',
      '[data-key]',
      '[data-testid="back"]',
    ]);
    // Each result is a whole card: none squeezed to nothing by the keyboard.
    const heights = await page
      .getByTestId('search-results')
      .locator('[data-testid^="service-"]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThanOrEqual(5);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(100);

    // An ordinary ticket with people ahead: the wait shows beside the number.
    await tap(page, 'service-no-criminal-record');
    await tap(page, 'take');
    await page.locator('[data-screen="id-card"]').waitFor();
    for (const k of idNumber('50022219900101456')) await key(page, k);
    await tap(page, 'take-id');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('ticket-ahead').innerText()).toBe('前面还有 3 人');
    await check(page, size, 'confirm-ordinary', [
      '[data-testid="ticket-number"]',
      '[data-testid="ticket-ahead"]',
      '[data-testid="ticket-wait"]',
      '[data-testid="ticket-qr"] img',
      '[data-testid="done"]',
    ]);
    await tap(page, 'done');

    await tap(page, 'appointment');
    for (const k of 'LAYOUT1') await key(page, k);
    await check(page, size, 'appointment', [
      '[data-testid="appointment-code"]',
      '[data-testid="appointment-hint"]',
      '[data-key]',
      '[data-testid="take-appointment"]',
      '[data-testid="back"]',
    ]);
    await tap(page, 'take-appointment');
    await page.locator('[data-screen="id-card"]').waitFor();
    for (const k of idNumber('50022219800101123')) await key(page, k);
    await tap(page, 'take-id');
    await page.locator('[data-screen="confirm"]').waitFor();
    await check(page, size, 'confirm-appointment', [
      '[data-testid="ticket-number"]',
      '[data-testid="mark-appointment"]',
      '[data-testid="ticket-slot"]',
      '[data-testid="ticket-ahead"]',
      '[data-testid="ticket-qr"] img',
      '[data-testid="done"]',
    ]);

    // A refusal: the dialog and its button fit too.
    await tap(page, 'done');
    await tap(page, 'appointment');
    for (const k of 'NOPE99') await key(page, k);
    await tap(page, 'take-appointment');
    await page.locator('[data-screen="id-card"]').waitFor();
    for (const k of VALID_ID) await key(page, k);
    await tap(page, 'take-id');
    await page.getByTestId('failure').waitFor();
    await check(page, size, 'failure', ['#k-failure-title', '[data-testid="failure-ok"]']);
    await tap(page, 'failure-ok');

    // 绿色通道 from the home screen: the reasons, then the matters with the lane shown, then 取优先号.
    await page.getByTestId('go-home').tap();
    await tap(page, 'green-home');
    await tap(page, 'reason-military');
    await check(page, size, 'green-home', ['[data-testid^="reason-"]', '[data-testid="take-green"]']);
    await tap(page, 'take-green');
    await page.locator('[data-screen="choose"]').waitFor();
    await check(page, size, 'green-choose', [
      '[data-testid="green-mode"]',
      '[data-testid="leave-green"]',
      '[data-testid^="category-"]',
      '[data-testid="search"]',
      '[data-testid="back"]',
    ]);
    await tap(page, 'category-证明开具');
    await tap(page, 'service-kinship-certificate');
    await page.locator('[data-screen="guide"]').waitFor();
    await check(page, size, 'green-guide', [
      '[data-testid="green-mode"]',
      '[data-testid="guide-name"]',
      '[data-testid="guide-waiting"]',
      '[data-testid="guide-estimate"]',
      '[data-testid="take"]',
      '[data-testid="back"]',
    ]);
  }, 120_000);

  it('elderly mode: larger type, fewer matters a page, nothing hidden without a hint', async () => {
    const x = await hub();
    await seedQueue(x);
    const page = await openKiosk(x, size);
    await tap(page, 'category-车驾管');
    const normalSize = await fontSize(page, '[data-testid^="service-"] .k-card__name');
    const normalCount = await page.locator('[data-testid^="service-"]').count();
    await page.getByTestId('go-home').tap();

    await tap(page, 'toggle-elderly');
    await check(page, size, 'elderly-home', [...HEADER, '[data-testid^="category-"]', '[data-testid="green-home"]']);
    await tap(page, 'category-车驾管');
    const bigSize = await fontSize(page, '[data-testid^="service-"] .k-card__name');
    expect(bigSize / normalSize).toBeGreaterThanOrEqual(1.5);
    const bigCount = await page.locator('[data-testid^="service-"]').count();
    expect(bigCount).toBeLessThan(normalCount);
    await check(page, size, 'elderly-category', [
      '[data-testid^="service-"]',
      '[data-testid="page-next"]',
      '[data-testid="back"]',
    ]);
    // 机动车注册登记 asks for seven materials: more than large type shows at once.
    await openService(page, 'vehicle-registration');
    await check(page, size, 'elderly-guide', [
      '[data-testid="guide-name"]',
      '[data-testid="guide-waiting"]',
      '[data-testid="guide-estimate"]',
      '[data-testid="take"]',
      '[data-testid="back"]',
    ]);
    // The materials do not all fit at this size: the screen says so, and the tab scrolls to them.
    const last = ['[data-testid="guide-materials"] li:last-child'];
    expect((await layoutProblems(page, last)).length).toBeGreaterThan(0);
    await page.getByTestId('more').waitFor();
    for (let i = 0; i < 8 && (await page.getByTestId('more').count()) > 0; i++) {
      await tap(page, 'more');
      await page.waitForTimeout(400);
    }
    expect(await layoutProblems(page, last)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `kiosk-layout-${size.name}-elderly-guide-scrolled.png`) });
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    await check(page, size, 'elderly-confirm', [
      '[data-testid="ticket-number"]',
      '[data-testid="ticket-service"]',
      '[data-testid="ticket-ahead"]',
      '[data-testid="ticket-qr"] img',
      '[data-testid="done"]',
    ]);

    // The keyboards and the green channel's reasons in large type: every key whole and on screen.
    await tap(page, 'done');
    await tap(page, 'toggle-elderly');
    await tap(page, 'search');
    for (const k of 'SFZ') await key(page, k);
    await check(page, size, 'elderly-search', [
      '[data-testid="search-query"]',
      '[data-testid="search-results"] [data-testid^="service-"]:first-of-type',
      '[data-key]',
      '[data-testid="back"]',
    ]);
    await tap(page, 'back');
    await tap(page, 'appointment');
    for (const k of 'AB12') await key(page, k);
    await check(page, size, 'elderly-appointment', [
      '[data-testid="appointment-code"]',
      '[data-key]',
      '[data-testid="take-appointment"]',
      '[data-testid="back"]',
    ]);
    await tap(page, 'back');
    await tap(page, 'green-home');
    await tap(page, 'reason-exam');
    await check(page, size, 'elderly-green', ['[data-testid^="reason-"]', '[data-testid="take-green"]']);
  }, 120_000);

  it('English: matter names, materials, fee and time limit in English; it all fits', async () => {
    const x = await hub();
    await seedQueue(x);
    const page = await openKiosk(x, size);
    await tap(page, 'toggle-lang');
    await check(page, size, 'english-home', [...HEADER, '[data-testid^="category-"]', '[data-testid="green-home"]']);
    await tap(page, 'category-出入境');
    await check(page, size, 'english-category', ['[data-testid^="service-"]', '[data-testid="back"]']);
    await tap(page, 'service-passport');
    await page.locator('[data-screen="guide"]').waitFor();
    expect(await page.getByTestId('guide-name').innerText()).toBe('Ordinary passport');
    expect(await page.getByTestId('guide-fee').innerText()).toContain('CNY 120');
    expect(await page.getByTestId('guide-time-limit').innerText()).toContain('7 working days');
    const materials = await page.getByTestId('guide-materials').innerText();
    expect(materials).toContain('Resident ID card');
    expect(materials).not.toMatch(/[\u4e00-\u9fff]/);
    await check(page, size, 'english-guide', [
      '[data-testid="guide-name"]',
      '[data-testid="guide-waiting"]',
      '[data-testid="guide-estimate"]',
      '[data-testid="guide-time-limit"]',
      '[data-testid="guide-fee"]',
      '[data-testid="take"]',
    ]);
    await tap(page, 'take');
    await page.locator('[data-screen="confirm"]').waitFor();
    expect(await page.getByTestId('ticket-service').innerText()).toBe('Ordinary passport');
    await check(page, size, 'english-confirm', [
      '[data-testid="ticket-number"]',
      '[data-testid="ticket-service"]',
      '[data-testid="ticket-ahead"]',
      '[data-testid="ticket-qr"] img',
      '[data-testid="done"]',
    ]);
  }, 120_000);

  it('closed, extended service and a kiosk without a key fit too', async () => {
    const sunday = await hub({ start: MONDAY_10AM - 24 * HOUR });
    let page = await openKiosk(sunday, size, { waitFor: 'closed' });
    await check(page, size, 'closed', [...HEADER, '[data-testid="today-hours"]', '.k-hours__row']);
    await sunday.close();
    h = null;

    const late = await hub({ start: MONDAY_10AM + 7 * HOUR + 10 * 60_000 });
    page = await openKiosk(late, size, { waitFor: 'extended' });
    await check(page, size, 'extended', ['[data-testid="today-hours"]', '.k-state__title', '.k-hours__row']);

    page = await openKiosk(late, size, { waitFor: 'not-configured', key: false });
    await check(page, size, 'not-configured', ['.k-state__title', '.k-state__body']);
  }, 120_000);
});

/** The ids of a category's matters in the demo hall, sorted. */
function demoServices(category: string): string[] {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return demo.services
    .filter((s) => s.category === category)
    .map((s) => s.id)
    .sort();
}

/** Checks every page of a category (the pager too, when there is one); returns the matters shown. */
async function walkPages(page: Page, size: Size, screen: string): Promise<string[]> {
  const seen: string[] = [];
  for (let n = 1; ; n++) {
    const paged = (await page.getByTestId('page-next').count()) > 0;
    const pager = paged ? ['[data-testid="page-prev"]', '[data-testid="page-label"]', '[data-testid="page-next"]'] : [];
    await check(page, size, `${screen}-${n}`, ['[data-testid^="service-"]', '[data-testid="back"]', ...pager]);
    const ids = await page
      .locator('[data-testid^="service-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('service-'.length)));
    seen.push(...ids);
    if (!paged || (await page.getByTestId('page-next').isDisabled())) return seen;
    await tap(page, 'page-next');
  }
}

/** On a category screen: turn pages until the matter's card shows, then open its guide. */
async function openService(page: Page, serviceId: string): Promise<void> {
  for (let i = 0; i < 10 && (await page.getByTestId(`service-${serviceId}`).count()) === 0; i++)
    await tap(page, 'page-next');
  await tap(page, `service-${serviceId}`);
  await page.locator('[data-screen="guide"]').waitFor();
}

function fontSize(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}
