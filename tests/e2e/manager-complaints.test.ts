import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openConsole } from '../support/console-login.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Build first: `npm run build:apps -- manager` (the hub serves apps/manager/dist). */

const KIOSK = 'kiosk-1-secret';
const RATER = 'rater-1-secret';

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
  if (ctx.task.result?.state === 'fail') for (const c of contexts) for (const p of c.pages()) await shot(p, 'failed');
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/complaints-${name}.png`, fullPage: false });
}

/** a1 serves A001 at w1 and the citizen rates it 1 (服务态度不好): a follow-up is open. */
async function lowRating(x: Harness): Promise<void> {
  const t = await x.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, KIOSK);
  const a1 = await x.login('a1');
  await x.api('POST', '/api/windows/w1/sign-in', {}, a1);
  await x.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
  await x.api('POST', '/api/windows/w1/finish', {}, a1);
  await x.api('POST', '/api/ratings', { ticketId: t.body.id, level: 1, reason: 'attitude' }, RATER);
}

describe('投诉与回访 page of the manager console', () => {
  it('records a complaint (name masked), assigns and closes it; closes the follow-up of a low rating', async () => {
    h = await startHub(testHallConfig());
    const x = h;
    await lowRating(x);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await openConsole(page, x.url, { page: 'complaints' });
    expect(await page.getByTestId('nav-complaints').innerText()).toBe('投诉与回访');

    // Record: hotline, with a name and phone, about w1 / a1 / A001.
    await page.getByTestId('complaint-new').click();
    await page.getByTestId('channel-hotline').check();
    await page.getByTestId('complaint-text').fill('在1号窗口办理时民警态度生硬，希望改进');
    await page.getByTestId('complaint-name').fill('张三丰');
    await page.getByTestId('complaint-phone').fill('13812345678');
    await page.getByTestId('complaint-window').selectOption('w1');
    await page.getByTestId('complaint-officer').selectOption('a1');
    await page.getByTestId('complaint-ticket').fill('a001');
    await shot(page, 'record-dialog');
    await page.getByTestId('complaint-save').click();
    await expect.poll(() => page.getByTestId('toast').innerText()).toContain('投诉已登记');

    const table = page.getByTestId('complaint-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    const text = await row.innerText();
    expect(text).toContain('12345热线');
    expect(text).toContain('张**');
    expect(text).toContain('138****5678');
    expect(text).toContain('1号窗口');
    expect(text).toContain('A001');
    expect(await page.getByTestId('page-complaints').innerText()).not.toContain('张三丰');
    await shot(page, 'list');

    // Assign to b1, then close with the result.
    const id = ((await row.getAttribute('data-testid')) ?? '').replace('complaint-row-', '');
    await page.getByTestId(`complaint-assign-${id}`).click();
    await page.getByTestId('assign-officer').selectOption('b1');
    await page.getByTestId('assign-save').click();
    await expect.poll(() => row.innerText()).toContain('已交办');
    await page.getByTestId(`complaint-close-${id}`).click();
    await page.getByTestId('close-text').fill('已电话回访致歉，对当事民警进行批评教育');
    await page.getByTestId('close-save').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(0);
    await page.getByTestId('complaint-status').selectOption('closed');
    await expect.poll(() => table.innerText()).toContain('已电话回访致歉');

    // The follow-up of the low rating: rating, reason, window, officer, ticket; closed with the action.
    await page.getByTestId('complaint-status').selectOption('open');
    await page.getByTestId('tab-followUps').click();
    const fu = page.getByTestId('followup-row-A001');
    const fuText = await fu.innerText();
    expect(fuText).toContain('非常不满意');
    expect(fuText).toContain('服务态度不好');
    expect(fuText).toContain('1号窗口');
    expect(fuText).toContain('甲1');
    await shot(page, 'followups');
    await page.getByTestId('followup-close-A001').click();
    await page.getByTestId('close-text').fill('已回访群众，窗口加强文明用语培训');
    await page.getByTestId('close-save').click();
    await expect.poll(() => page.getByTestId('followup-table').locator('tbody tr').count()).toBe(0);

    // The day's report counts them: one complaint received and closed, one follow-up closed.
    await page.getByTestId('nav-reports').click();
    const card = page.getByTestId('card-complaints');
    await card.waitFor();
    expect(await page.getByTestId('cp-received').innerText()).toContain('1');
    expect(await page.getByTestId('cp-closed').innerText()).toContain('1');
    expect(await page.getByTestId('cp-fuClosed').innerText()).toContain('1');
    expect(await page.getByTestId('cp-by-channel').innerText()).toContain('12345热线');
    expect(await page.getByTestId('cp-by-window').innerText()).toContain('1号窗口');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'report-card');
    await page.getByTestId('nav-complaints').click();
    await page.getByTestId('page-complaints').waitFor();

    // English switch.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('nav-complaints').innerText()).toBe('Complaints');
    expect(await page.getByTestId('page-complaints').innerText()).toContain('Low-rating follow-ups');
    await shot(page, 'english');
  });
});
