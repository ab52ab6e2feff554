import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { caseHall, caseIds, finishVisit } from '../support/case-seed.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/** Build first: `npm run build:apps -- mobile`. The clock: Monday 2026-11-23 10:00 in Shanghai. */

const PHONE_SIZE = { width: 390, height: 844 };
const DAY = 24 * 60 * 60_000;
const MOBILE = '13800138000';
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
      for (const [j, p] of c.pages().entries()) await p.screenshot({ path: `/tmp/cases-mobile-failed-${i}-${j}.png` });
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE_SIZE, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({
    path: `/tmp/cases-${name}.png`,
    fullPage: true,
    style: '.m-tabs { position: static !important; }',
  });

/** Nothing wider than the phone: no sideways scrolling. */
async function expectNoOverflow(page: Page): Promise<void> {
  const over = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName}.${e.className}`)
      .slice(0, 5),
  );
  expect(over).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_SIZE.width);
}

/** At w1: 无犯罪记录证明 accepted, 身份证换领 accepted with 户口簿 and photos to follow, for 张三丰's mobile. */
async function seed(x: Harness): Promise<string> {
  const a1 = await x.login('a1');
  await x.api('POST', '/api/windows/w1/sign-in', {}, a1);
  await finishVisit(x, a1, 'w1', 'cert', {
    matters: [
      { serviceId: 'cert', outcome: 'accepted' },
      { serviceId: 'idcard', outcome: 'accepted-pending', pendingMaterials: ['居民户口簿', '近期免冠照片'] },
    ],
    citizenName: '张三丰',
    phone: MOBILE,
  });
  return a1;
}

describe('the phone pages: 办件进度查询', () => {
  it('from the home page: wrong phone, then the 容缺 case with its steps and materials; later done', async () => {
    const x = (h = await startHub(caseHall()));
    const a1 = await seed(x);
    const page = await phone();
    await page.goto(`${x.url}/m/`);
    await page.getByTestId('m-go-progress').click();
    await page.getByTestId('pg-form').waitFor();
    expect(page.url()).toBe(`${x.url}/m/progress`);
    expect(await page.getByTestId('m-title').innerText()).toBe('办件进度查询');

    // Checked on the phone first: a case number's shape, an 11-digit mobile.
    await page.getByTestId('pg-no').fill('20261123');
    await page.getByTestId('pg-submit').click();
    expect(await page.getByTestId('pg-error').innerText()).toContain('受理编号形如 SL20261206-001');
    await page.getByTestId('pg-no').fill('sl20261123-002');
    await page.getByTestId('pg-phone').fill('1380013');
    await page.getByTestId('pg-submit').click();
    expect(await page.getByTestId('pg-error').innerText()).toBe('请输入 11 位手机号码');

    // A wrong mobile: the same words as a wrong number, nothing about the case.
    await page.getByTestId('pg-phone').fill('13900139000');
    await page.getByTestId('pg-submit').click();
    await expect.poll(() => page.getByTestId('pg-error').innerText()).toContain('受理编号或手机号码不正确');
    await shot(page, 'mobile-progress-error');
    await expectNoOverflow(page);

    await page.getByTestId('pg-phone').fill(MOBILE);
    await page.getByTestId('pg-submit').click();
    const card = page.getByTestId('pg-case');
    await card.waitFor();
    expect(await page.getByTestId('pg-case-no').innerText()).toBe('SL20261123-002');
    expect(await page.getByTestId('pg-matter').innerText()).toBe('居民身份证换领');
    expect(await page.getByTestId('pg-status').innerText()).toBe('办理中');
    expect(await page.getByTestId('pg-due').innerText()).toContain('11月26日');
    const steps = page.getByTestId('pg-steps').locator('li');
    expect(
      await steps.evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-state')}`),
      ),
    ).toEqual(['accepted:done', 'materials:now', 'done:todo']);
    expect(await page.getByTestId('pg-pending').innerText()).toContain('居民户口簿');
    expect(await page.getByTestId('pg-pending').innerText()).toContain('近期免冠照片');
    const text = await page.locator('body').innerText();
    for (const secret of ['张', MOBILE, '138****8000']) expect(text).not.toContain(secret);
    await expectNoOverflow(page);
    await shot(page, 'mobile-progress-pending');

    // The materials come in and the case is done: a refresh shows all three steps done.
    const ids = await caseIds(x, a1);
    const id = ids.get('SL20261123-002')!;
    await x.api('POST', `/api/cases/${id}/update`, { action: 'materials-received' }, a1);
    x.clock.now += 60 * 60_000;
    await x.api('POST', `/api/cases/${id}/update`, { action: 'done' }, a1);
    await page.getByTestId('pg-refresh').click();
    await expect.poll(() => page.getByTestId('pg-status').innerText()).toBe('已办结');
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual([
      'done',
      'done',
      'done',
    ]);
    expect(await page.getByTestId('pg-steps').innerText()).toContain('2026-11-23 11:00');
    expect(await page.getByTestId('pg-pending').count()).toBe(0);
    await shot(page, 'mobile-progress-done');
  });

  it('prefilled from a receipt link (?no=), overdue, and in English', async () => {
    const x = (h = await startHub(caseHall()));
    await seed(x);
    x.clock.now += 2 * DAY;
    x.hub.bus.tick();
    const page = await phone();
    await page.goto(`${x.url}/m/progress?no=SL20261123-001`);
    expect(await page.getByTestId('pg-no').inputValue()).toBe('SL20261123-001');
    await page.getByTestId('pg-phone').fill(MOBILE);
    await page.getByTestId('pg-submit').click();
    await page.getByTestId('pg-case').waitFor();
    expect(await page.getByTestId('pg-status').innerText()).toBe('已超期');
    expect(await page.getByTestId('pg-overdue').innerText()).toContain('咨询电话 023-00000000');
    expect(await page.getByTestId('pg-steps').locator('li').count()).toBe(2); // no materials step: 受理, not 容缺
    expect(await page.getByTestId('pg-steps').innerText()).toContain('办结期限 11月24日 周二 已过');
    await expectNoOverflow(page);
    await shot(page, 'mobile-progress-overdue');

    await page.getByTestId('m-lang').click();
    await expect.poll(() => page.getByTestId('pg-status').innerText()).toBe('Overdue');
    expect(await page.getByTestId('m-title').innerText()).toBe('Case progress');
    await expectNoOverflow(page);
    await shot(page, 'mobile-progress-en');

    // Too many look-ups from one address: said so in words.
    await page.getByTestId('pg-another').click();
    await page.getByTestId('m-lang').click();
    for (let i = 0; i < 20; i++)
      await x.api('POST', '/api/public/cases/lookup', { no: 'SL20261123-001', phone: '13900139000' });
    await page.getByTestId('pg-no').fill('SL20261123-001');
    await page.getByTestId('pg-phone').fill(MOBILE);
    await page.getByTestId('pg-submit').click();
    await expect.poll(() => page.getByTestId('pg-error').innerText()).toBe('查询太频繁，请一分钟后再试');
  });
});
