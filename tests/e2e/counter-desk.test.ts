import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * The counter on the smallest desk monitor it must serve, 1366×768: every panel on screen, no text
 * cut, toasts over nothing the officer needs, and the A/B handover told the right way round.
 * Build first: `npx tsx scripts/build-apps.ts counter`.
 */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const DESK = { width: 1366, height: 768 };
const PINS: Record<string, string> = { '1001': '1234', '1002': '2468' };

function demoHall(): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    windows: demo.windows.map(({ printer: _printer, ...w }) => w),
    printers: [],
    devices: [{ id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-1-secret' }],
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
  // A failed test leaves a picture of every page it had open.
  if (ctx.task.result?.state === 'fail')
    for (const [i, c] of contexts.entries())
      for (const [j, p] of c.pages().entries()) await shot(p, `failed-desk-${ctx.task.name.slice(0, 16)}-${i}-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
const text = (page: Page, testId: string): Promise<string> => page.getByTestId(testId).innerText();

async function openCounter(x: Harness, officerId: string, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
  const context = await browser.newContext({ viewport: DESK, locale: 'zh-CN' });
  contexts.push(context);
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('yichuang.counter.lang', '"en"'));
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(`${x.url}/counter/`);
  await page.locator('[data-screen="login"]').waitFor();
  await page.keyboard.type(officerId);
  await page.keyboard.press('Enter');
  await page.keyboard.type(PINS[officerId] ?? '1234');
  await page.keyboard.press('Enter');
  await page.locator('[data-screen="pick"], [data-screen="work"]').first().waitFor();
  return page;
}

async function take(x: Harness, tickets: { serviceId: string; green?: string }[]): Promise<void> {
  for (const [i, t] of tickets.entries()) {
    const res = await x.api('POST', '/api/tickets', { requestId: `d-${i}`, ...t }, 'kiosk-1-secret');
    expect(res.status).toBe(201);
  }
}

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (b === null) throw new Error('not displayed');
  return b;
}

/** The whole element inside the 1366×768 viewport (no part below the fold or off to the side). */
async function expectOnScreen(l: Locator, what: string): Promise<void> {
  const b = await box(l);
  expect(
    b.x >= 0 && b.y >= 0 && b.x + b.width <= DESK.width + 0.5 && b.y + b.height <= DESK.height + 0.5,
    `${what} at ${JSON.stringify(b)} is not inside ${DESK.width}×${DESK.height}`,
  ).toBe(true);
}

/** Nothing in the bar pushed past its right edge (the header has no room to scroll). */
function fitsWidth(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el !== null && el.scrollWidth <= el.clientWidth + 1;
  }, selector);
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Text cut off under `root`: an element that hides overflow (ellipsis, hidden, clip) and whose content
 * is wider or taller than its box. Scroll containers (auto/scroll) are meant to scroll and are left out.
 */
function clippedText(page: Page, root: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${sel}, ${sel} *`)) {
      const cs = getComputedStyle(el);
      const hides = (v: string): boolean => v === 'hidden' || v === 'clip';
      const wide = el.scrollWidth > el.clientWidth + 1 && (hides(cs.overflowX) || cs.textOverflow === 'ellipsis');
      const tall = el.scrollHeight > el.clientHeight + 1 && hides(cs.overflowY);
      if ((wide || tall) && el.innerText.trim() !== '') out.push(el.innerText.trim().slice(0, 40));
    }
    return out;
  }, root);
}

describe('counter at 1366×768', () => {
  it('the line, A/B and my day are all on screen; priority rows keep whole matter names; 转办 is tagged', async () => {
    const x = (h = await startHub(demoHall()));
    await take(x, [
      { serviceId: 'passport', green: 'elderly' },
      { serviceId: 'vehicle-registration-certificate-reissue', green: 'disabled' },
      { serviceId: 'legal-worker-population-query', green: 'military' },
      { serviceId: 'hukou-item-change-certificate', green: 'pregnant' },
      { serviceId: 'id-card-renew' },
      { serviceId: 'hukou-migration' },
      { serviceId: 'no-criminal-record' },
      { serviceId: 'license-renewal' },
      { serviceId: 'taiwan-permit' },
      { serviceId: 'kinship-certificate' },
    ]);
    const page = await openCounter(x, '1001');
    await page.getByTestId('pick-w1-sign-in').click();
    await page.locator('[data-screen="work"]').waitFor();
    await expect.poll(() => text(page, 'waiting-count')).toBe('10 人');
    await page.getByTestId('day-served').waitFor();

    for (const id of ['waiting-list', 'ab-panel', 'my-day', 'ticket-card', 'act-call-next', 'act-pause', 'logout'])
      await expectOnScreen(page.getByTestId(id), id);
    // The line shows at least five rows before it scrolls.
    const list = await box(page.locator('.c-waiting__list'));
    expect(list.height).toBeGreaterThan(5 * 40);

    // Priority rows: the whole matter name, with the green-channel mark on its own line.
    const row = page.getByTestId('waiting-C001');
    expect(await row.locator('.c-waiting__service').innerText()).toBe('普通护照申请');
    expect(await row.locator('.c-mark').innerText()).toBe('老年人');
    const long = page.getByTestId('waiting-F001');
    expect(await long.locator('.c-waiting__service').innerText()).toBe(
      '为基层法律服务工作者提供民事诉讼、行政诉讼、仲裁或行政复议过程中当事人人口信息查询',
    );
    expect(await clippedText(page, '.c-work')).toEqual([]);
    expect(await clippedText(page, '.c-top')).toEqual([]);
    expect(await fitsWidth(page, '.c-top')).toBe(true);
    await shot(page, 'counter-desk-01-line');

    // 叫号: the toast sits over the ticket card's free strip, never over the line, A/B, my day or the actions.
    await page.keyboard.press('F1');
    await expect.poll(() => text(page, 'current-number')).toBe('C001');
    const toast = page.getByTestId('toast');
    await toast.waitFor();
    expect(await toast.getAttribute('data-place')).toBe('card');
    const t = await box(toast);
    await expectOnScreen(toast, 'toast');
    for (const id of ['waiting-list', 'ab-panel', 'my-day', 'current-number', 'current-service', 'act-call-next'])
      expect(overlap(t, await box(page.getByTestId(id))), `toast over ${id}`).toBe(false);
    expect(overlap(t, await box(page.locator('.c-actions')))).toBe(false);
    expect(overlap(t, await box(page.locator('.c-top')))).toBe(false);
    await shot(page, 'counter-desk-02-toast');

    // 转办 C001 to the 户籍小业务 queue: back in this window's line, tagged 转办; the dialog says the note is staff-only.
    await page.keyboard.press('t');
    await page.getByTestId('transfer-dialog').waitFor();
    expect(await text(page, 'transfer-dialog')).toContain('转办说明（仅工作人员可见）');
    expect(await text(page, 'transfer-note-hint')).toContain('群众的排队页只显示新的队列或窗口，不显示说明');
    await expectOnScreen(page.getByTestId('transfer-submit'), 'transfer submit');
    await page.getByTestId('transfer-queue-hukou-quick').check();
    await page.getByTestId('transfer-note').fill('材料齐全，请办理换领');
    await shot(page, 'counter-desk-03-transfer-dialog');
    await page.getByTestId('transfer-submit').click();
    await expect.poll(() => text(page, 'window-state')).toBe('空闲');
    const moved = page.getByTestId('waiting-C001');
    await moved.waitFor();
    expect(await page.getByTestId('transferred-C001').innerText()).toBe('转办');
    expect(await page.getByTestId('transferred-C001').getAttribute('title')).toBe('由 1号窗口 转来');
    expect(await page.locator('.c-mark--transfer').count()).toBe(1);
    await expectOnScreen(moved, 'the transferred row');
    await shot(page, 'counter-desk-04-transferred');
  });

  it('after 签退 the header no longer says 已签到上岗; a wrong PIN keeps the hint and the button on screen', async () => {
    const x = (h = await startHub(demoHall()));
    const context = await browser.newContext({ viewport: DESK, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${x.url}/counter/`);
    await page.locator('[data-screen="login"]').waitFor();
    await page.keyboard.type('1001');
    await page.keyboard.press('Enter');
    await page.keyboard.type('9753');
    await page.keyboard.press('Enter');
    await page.getByTestId('login-error').waitFor();
    expect(await text(page, 'login-error')).toContain('警号或密码错误');
    for (const id of ['login-error', 'login-pin', 'login-submit', 'login-hint'])
      await expectOnScreen(page.getByTestId(id), id);
    await shot(page, 'counter-desk-05-wrong-pin');

    await page.keyboard.type('1234');
    await page.keyboard.press('Enter');
    await page.getByTestId('pick-w1-sign-in').click();
    await page.locator('[data-screen="work"]').waitFor();
    expect(await text(page, 'signin-chip')).toMatch(/^已签到上岗 10:00/);
    expect(await page.getByTestId('signin-chip').getAttribute('data-on-duty')).toBe('true');

    await page.getByTestId('sign-out').click();
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await text(page, 'confirm-dialog')).toContain('签退后将通知 李警官 接岗。');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="pick"]').waitFor();
    await expect.poll(() => text(page, 'signin-chip')).toBe('已签退，不在岗 · 今日签到 10:00');
    expect(await text(page, 'signin-chip')).not.toContain('已签到上岗');
    await expectOnScreen(page.getByTestId('signin-chip'), 'sign-in chip');
    await shot(page, 'counter-desk-06-signed-out');
  });
});

/** Every sentence of the A/B handover, both ways (A→B 接替, B→A 收回/回岗), in both languages. */
const HANDOVER = {
  zh: {
    pauseToB: '将通知B角 李警官 接岗',
    coverAlert: '请接替 1号窗口',
    coverButton: '一键接岗',
    bTookOver: '已接替 1号窗口',
    aToldCovered: 'B角 李警官 已接替 1号窗口，您已离开该岗位',
    aTookBack: '已收回 1号窗口',
    bToldTakenBack: 'A角 张警官 已收回 1号窗口，您已离开该岗位',
    pauseToA: '将通知A角 张警官 回岗',
    pausedCoverA: '已通知 张警官 回岗',
    returnAlert: '请回岗：1号窗口',
    returnButton: '一键回岗',
    signOutToA: '签退后将通知 张警官 回岗。',
  },
  en: {
    pauseToB: 'B role 李警官 will be asked to cover',
    coverAlert: 'Please cover 1号窗口',
    coverButton: 'Take over now',
    bTookOver: 'You took over 1号窗口',
    aToldCovered: '李警官 (B role) took over 1号窗口; you have left that post',
    aTookBack: 'You took 1号窗口 back',
    bToldTakenBack: '张警官 (A role) took 1号窗口 back; you have left that post',
    pauseToA: 'A role 张警官 will be asked to return',
    pausedCoverA: '张警官 asked to return',
    returnAlert: 'Please return to 1号窗口',
    returnButton: 'Take back now',
    signOutToA: '张警官 will be asked to return.',
  },
} as const;

describe('A/B handover at 1366×768', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`says 接替 when B covers and 收回 when A comes back, both ways (${lang})`, async () => {
      const s = HANDOVER[lang];
      const x = (h = await startHub(demoHall()));
      const a = await openCounter(x, '1001', lang);
      await a.getByTestId('pick-w1-sign-in').click();
      await a.locator('[data-screen="work"]').waitFor();
      const b = await openCounter(x, '1002', lang);
      await b.getByTestId('pick-w1-standby').click();
      await b.locator('[data-screen="work"][data-window-state="standby"]').waitFor();

      // A leaves the post (离岗): B is asked to cover, covers; A is told B took over (接替), not 收回.
      await a.keyboard.press('p');
      await a.getByTestId('pause-away').click();
      expect(await text(a, 'pause-cover')).toBe(s.pauseToB);
      await a.getByTestId('pause-submit').click();
      const alert = b.getByTestId('cover-alert-w1');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(s.coverAlert);
      expect(await text(b, 'take-over-w1')).toBe(s.coverButton);
      await b.getByTestId('take-over-w1').click();
      await expect.poll(() => text(b, 'toast')).toBe(s.bTookOver);
      await expect.poll(() => text(a, 'toast')).toBe(s.aToldCovered);
      await expectOnScreen(a.getByTestId('toast'), 'toast');
      for (const p of [a, b]) {
        expect(await fitsWidth(p, '.c-top')).toBe(true);
        expect(await clippedText(p, '.c-screen')).toEqual([]);
      }
      await shot(a, `counter-desk-07-a-told-covered-${lang}`);

      // A is back and takes the post back (收回): A and B are each told so.
      await a.getByTestId('take-back').click();
      await expect.poll(() => text(a, 'toast')).toBe(s.aTookBack);
      await expect.poll(() => text(b, 'toast')).toBe(s.bToldTakenBack);
      await shot(b, `counter-desk-08-b-told-taken-back-${lang}`);

      // The other way: B holds, then leaves; A is asked to return (回岗) to their own post.
      await a.getByTestId('sign-out').click();
      await a.keyboard.press('Enter');
      await a.locator('[data-screen="pick"]').waitFor();
      await b.getByTestId('take-over-w1').click();
      await expect.poll(() => x.hub.bus.state.windows.get('w1')?.holder?.officerId).toBe('1002');
      await b.getByTestId('sign-out').click();
      expect(await text(b, 'confirm-dialog')).toContain(s.signOutToA);
      await b.keyboard.press('Escape');
      await b.keyboard.press('p');
      await b.getByTestId('pause-away').click();
      expect(await text(b, 'pause-cover')).toBe(s.pauseToA);
      await b.getByTestId('pause-submit').click();
      await expect.poll(() => text(b, 'paused-cover')).toBe(s.pausedCoverA);
      const back = a.getByTestId('cover-alert-w1');
      await back.waitFor();
      expect(await back.innerText()).toContain(s.returnAlert);
      expect(await text(a, 'take-over-w1')).toBe(s.returnButton);
      await shot(a, `counter-desk-09-a-asked-back-${lang}`);
      await a.getByTestId('take-over-w1').click();
      await expect.poll(() => text(a, 'toast')).toBe(s.aTookBack);
      await expect.poll(() => text(b, 'toast')).toBe(s.bToldTakenBack);
      expect(x.hub.bus.state.windows.get('w1')?.holder).toMatchObject({ officerId: '1001', role: 'A' });
    });
  }
});
