import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { openConsole } from '../support/console-login.ts';

/** Build first: `npx tsx scripts/build-apps.ts manager`. */

const KIOSK = 'kiosk-1-secret';
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

async function openAudit(x: Harness, viewport = { width: 1600, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await openConsole(page, x.url, { page: 'audit' });
  return page;
}

const rows = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="audit-table"] tbody tr.a-row').allInnerTexts();

describe('audit log page', () => {
  it('lists what happened today with who and what, filters by person and kind, pages, and shows the raw record', async () => {
    h = await startHub(testHallConfig());
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    for (let i = 0; i < 120; i++) await h.api('POST', '/api/tickets', { requestId: `r${i}`, serviceId: 'cert' }, KIOSK);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await h.api('POST', '/api/windows/w1/finish', {}, a1);
    await h.api('POST', '/api/windows/w1/pause', { reason: 'meal', note: '午饭' }, a1);

    const page = await openAudit(h);
    await expect.poll(async () => (await rows(page)).length).toBe(100);
    // A meal pause leaves the post: B is asked to cover, and the empty post is on record.
    const [emptyPost, cover, pause] = await rows(page);
    expect(emptyPost).toContain('空岗开始');
    expect(cover).toContain('AB角接岗提醒');
    expect(cover).toContain('1号窗口 甲1 → 乙1 (用餐)');
    expect(pause).toContain('暂停服务');
    expect(pause).toContain('甲1 (a1)');
    expect(pause).toContain('1号窗口 用餐 · 午饭');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-audit-01.png') });

    await page.getByTestId('audit-more').click();
    await expect.poll(async () => (await rows(page)).length).toBeGreaterThan(100);

    await page.getByTestId('audit-actor').selectOption('officer:a1');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await rows(page)).length).toBe(7);
    const mine = await rows(page);
    expect(mine.map((r) => r.split('\t')[2])).toEqual([
      '空岗开始',
      'AB角接岗提醒',
      '暂停服务',
      '办结',
      '叫号',
      '空岗结束',
      '签到上岗',
    ]);
    expect(mine[4]).toContain('A001 → 1号窗口');

    await page.getByTestId('audit-actor').selectOption('');
    await page.getByTestId('audit-type').selectOption('ticket:issued');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await rows(page))[0]).toContain('A120 无犯罪记录证明');

    await page.locator('tr.a-row').first().click();
    expect(await page.locator('tr.a-raw pre').innerText()).toContain('"number": "A120"');

    await page.getByTestId('audit-from').fill('2026-11-24');
    await page.getByTestId('audit-to').fill('2026-11-24');
    await page.getByTestId('audit-search').click();
    await page.getByText('没有符合条件的记录').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('nav-audit').click();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-audit-02-1366.png') });
  });
});
