import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alwaysOpen } from '../../apps/hub/src/always-open.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { openConsole } from '../support/console-login.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * Build first: `npx tsx scripts/build-apps.ts manager`.
 *
 * The demo's first impression: `npm start` runs db/seed/demo-hall.json with --always-open (00:00–23:59
 * every day, 30 minutes of extended service that would end at 00:29 the next day). A newcomer signs in
 * as the demo manager (9001) and runs 排班模拟 as it opens: it must answer, and say plainly when service
 * ends.
 */

const MIDNIGHT = Date.UTC(2026, 10, 22, 16, 0); // Monday 2026-11-23 00:00 in Shanghai
const at = (h: number, m: number, day = 0): number => MIDNIGHT + ((day * 24 + h) * 60 + m) * 60_000;

let browser: Browser;
let h: Harness;
let page: Page;
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `manager-simulate-demo-${name}.png`) });
}

beforeAll(async () => {
  const config = JSON.parse(readFileSync(new URL('../../db/seed/demo-hall.json', import.meta.url), 'utf8'));
  h = await startHub(config, at(10, 0), { adjustConfig: alwaysOpen });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openConsole(page, h.url, { page: 'simulate', officerId: '9001', pin: '9999' });
  await page.getByTestId('plan-a').waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(`failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`);
});

describe('排班模拟 on the demo hall as npm start runs it', () => {
  it('says when service ends: at midnight, where the day turns, extended service meant to run to 次日 00:29', async () => {
    const hint = await page.getByTestId('plan-hours').innerText();
    expect(hint).toContain('00:00');
    expect(hint).toContain('24:00');
    expect(hint).toContain('次日 00:29');
    expect(hint).not.toContain('24:29');
    expect(await page.getByTestId('plan-a-count').innerText()).toBe('8 个窗口');
    expect(await page.getByTestId('plan-a-w1-to-default').innerText()).toBe('至 24:00');
    // A fresh demo has no past day: the typical weekday comes by day, nobody at 3 in the morning.
    expect(await page.getByTestId('curve-hukou-quick-03').inputValue()).toBe('0');
    expect(Number(await page.getByTestId('curve-hukou-quick-10').inputValue())).toBeGreaterThan(0);
    await shot('start');
  });

  it('runs today’s hall against one window fewer and shows the results', async () => {
    await page.getByTestId('plan-b-w8-remove').click();
    await page.getByTestId('run-go').click();
    await page.getByTestId('sim-results').waitFor();
    const results = await page.getByTestId('sim-results').innerText();
    expect(results).not.toContain('24:29');
    expect(await page.getByTestId('sim-summary').innerText()).toMatch(/^方案B 平均等候/);
    expect(await page.getByTestId('page-simulate').locator('[role="alert"]').count()).toBe(0);
    await page.getByTestId('sim-results').scrollIntoViewIfNeeded();
    await shot('results-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot('results-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(pageErrors).toEqual([]);
  });

  it('says a refusal of the hub’s input check in Chinese, with the field’s Chinese name', async () => {
    await page.getByTestId('plan-a-w1-lunch').check();
    await page.getByTestId('plan-a-w1-lunch-minutes').fill('900');
    await page.getByTestId('run-go').click();
    const note = page.getByTestId('plan-a').locator('[role="alert"]').first();
    await expect.poll(() => note.innerText()).toBe('午休时长（分钟）：不能大于 600');
    expect(await page.getByTestId('page-simulate').innerText()).not.toMatch(/Too big|expected number/);
    await note.scrollIntoViewIfNeeded();
    await shot('refused-1920');
    await page.getByTestId('plan-a-w1-lunch').uncheck();
  });
});
