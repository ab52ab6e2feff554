import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hubMessage } from '@yichuang/ui';
import { shortDuration } from '../../apps/manager/src/reports/report-format.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { openConsole } from '../support/console-login.ts';

/**
 * Build first: `npx tsx scripts/build-apps.ts manager` (the hub serves apps/manager/dist).
 *
 * A Monday morning in a two-window hall (09:00–17:00) is scripted over REST: 60 citizens in two
 * hours, served in 6 to 10 minutes, more than two windows keep up with. On Tuesday the manager
 * replays it on the 排班模拟 page under today's windows (A) and with one window more (B).
 */

const DAY = '2026-11-23'; // Monday
const MIDNIGHT = Date.UTC(2026, 10, 22, 16, 0); // 2026-11-23 00:00 in Shanghai
const at = (h: number, m: number, day = 0): number => MIDNIGHT + ((day * 24 + h) * 60 + m) * 60_000;
const KIOSK = 'kiosk-1-secret';
const SERVICE_MINUTES = [6, 8, 10, 7, 9];

let browser: Browser;
let h: Harness;
let page: Page;
let manager: string;
const pageErrors: string[] = [];

async function ok(method: string, path: string, body: unknown, bearer: string): Promise<any> {
  const res = await h.api(method, path, body, bearer);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Minute by minute from 09:00 to noon: a ticket every two minutes until 11:00 (every third a long matter). */
async function playMonday(): Promise<void> {
  const tokens = { w1: await h.login('a1'), w2: await h.login('a2') };
  const busyUntil: Record<'w1' | 'w2', number | null> = { w1: null, w2: null };
  let n = 0;
  h.clock.now = at(8, 50);
  for (const w of ['w1', 'w2'] as const) await ok('POST', `/api/windows/${w}/sign-in`, {}, tokens[w]);
  for (let minute = 0; minute <= 180; minute++) {
    h.clock.now = at(9, minute);
    if (minute < 120 && minute % 2 === 0) {
      const serviceId = (minute / 2) % 3 === 2 ? 'idcard' : 'cert';
      await ok('POST', '/api/tickets', { requestId: `k${minute}`, serviceId }, KIOSK);
    }
    for (const w of ['w1', 'w2'] as const) {
      const until = busyUntil[w];
      if (until !== null && h.clock.now >= until) {
        await ok('POST', `/api/windows/${w}/finish`, {}, tokens[w]);
        busyUntil[w] = null;
      }
      if (busyUntil[w] === null) {
        const call = await ok('POST', `/api/windows/${w}/call-next`, { requestId: `c${++n}` }, tokens[w]);
        if (call.ticket === null) continue;
        await ok('POST', `/api/windows/${w}/start`, {}, tokens[w]);
        busyUntil[w] = h.clock.now + SERVICE_MINUTES[n % SERVICE_MINUTES.length]! * 60_000;
      }
    }
  }
  for (const w of ['w1', 'w2'] as const) {
    if (busyUntil[w] !== null) await ok('POST', `/api/windows/${w}/finish`, {}, tokens[w]);
    await ok('POST', `/api/windows/${w}/sign-out`, {}, tokens[w]);
  }
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `manager-simulate-${name}.png`) });
}

/** The whole page at a width: the console scrolls inside its main area, so the window is made as tall as the page. */
async function longShot(name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const main = document.querySelector<HTMLElement>('.m-main')!;
    return main.offsetTop + main.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await shot(name);
  await page.setViewportSize(size);
}

const canvasOf = async (testId: string): Promise<{ width: number; height: number }> => {
  const canvas = page.getByTestId(testId).locator('canvas').first();
  await canvas.waitFor();
  return (await canvas.boundingBox())!;
};

beforeAll(async () => {
  h = await startHub(testHallConfig({ windows: 2, hours: 'weekdays' }), at(8, 30));
  await playMonday();
  h.clock.now = at(10, 0, 1); // Tuesday 10:00
  manager = await h.login('m1');

  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openConsole(page, h.url);
  await page.getByTestId('nav-simulate').click();
  await page.getByTestId('plan-a').waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(`failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`);
});

describe('manager console: 排班模拟', () => {
  it('starts from the last day with tickets and today’s hall, plan B a copy of A', async () => {
    expect(await page.getByTestId('replay-day').inputValue()).toBe(DAY);
    expect(await page.getByTestId('replay-summary').innerText()).toContain(`${DAY} 星期一 共取号 60 人`);
    await canvasOf('chart-arrivals');
    expect(await page.getByTestId('plan-a-count').innerText()).toBe('2 个窗口');
    expect(await page.getByTestId('plan-b-count').innerText()).toBe('2 个窗口');
    expect(await page.getByTestId('plan-a-w1-from').inputValue()).toBe('09:00');
    expect(await page.getByTestId('plan-a-w1-to').inputValue()).toBe('17:30');
    expect(await page.getByTestId('plan-a-w1-green').isChecked()).toBe(true);
    expect(await page.getByTestId('plan-a-w2-queue-quick').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('plan-a-w2-queue-long').getAttribute('aria-pressed')).toBe('false');
    // Monday's service times, fitted from its finished tickets.
    expect(await page.getByTestId('service-times').innerText()).toContain(`按 ${DAY} 的实际办理时长`);
    expect(await page.getByTestId('run-day').innerText()).toBe(`模拟 ${DAY} 星期一`);
  });

  it('A against B with one more window: B waits less, the results and charts show it', async () => {
    const add = page.getByTestId('plan-b-add');
    expect(await add.innerText()).toBe('＋ 加开 3号窗口（临时窗口）');
    await add.click();
    expect(await page.getByTestId('plan-b-count').innerText()).toBe('3 个窗口');
    await page.getByTestId('plan-b-new-3-green').check();
    await page.getByTestId('run-go').click();
    await page.getByTestId('sim-results').waitFor();

    // What the hub answers to the same question, run again: the page shows these figures.
    const plan = (await ok('GET', '/api/simulation/plan', undefined, manager)).plan;
    const hub = await ok(
      'POST',
      '/api/simulation/run',
      {
        demand: { kind: 'replay', day: DAY },
        plans: [plan, { ...plan, windows: [...plan.windows, { id: 'new-3', queues: 'all', greenChannel: true }] }],
        seed: 1,
      },
      manager,
    );
    expect(hub.b.totals.wait.meanS).toBeLessThan(hub.a.totals.wait.meanS);
    const fig = (plan: 'a' | 'b'): Promise<string> =>
      page.getByTestId('fig-mean').locator(`[data-plan="${plan}"]`).innerText();
    expect(await fig('a')).toBe(shortDuration('zh', hub.a.totals.wait.meanS));
    expect(await fig('b')).toBe(shortDuration('zh', hub.b.totals.wait.meanS));
    const all = page.getByTestId('wait-row-all');
    expect(await all.locator('[data-col="meanS.a"]').innerText()).toBe(shortDuration('zh', hub.a.totals.wait.meanS));
    expect(await all.locator('td[data-tone]').first().getAttribute('data-tone')).toBe('better');
    const summary = await page.getByTestId('sim-summary').innerText();
    expect(summary).toMatch(/^方案B 平均等候减少 \d+ 分钟，高峰 \d+ 时 P90 由 \d+ 分降至 \d+ 分，/);

    for (const id of ['chart-wait-by-hour', 'chart-queue-length', 'chart-utilisation']) {
      const box = await canvasOf(id);
      expect(box.width, id).toBeGreaterThan(300);
      expect(box.height, id).toBeGreaterThan(150);
    }
    await shot('1920');
    await longShot('1920-full');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('sim-results').scrollIntoViewIfNeeded();
    await shot('1366-results');
    await page.getByTestId('page-simulate').evaluate(() => document.querySelector('.m-main')!.scrollTo(0, 0));
    await shot('1366');
    await longShot('1366-full');
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('a drawn curve: a typical weekday, one plan', async () => {
    await page.getByTestId('demand-curve').click();
    await page.getByTestId('curve-typical').click();
    await page.getByTestId('curve-quick-10').fill('40');
    expect(await page.getByTestId('curve-row-quick').locator('td').last().innerText()).not.toBe('0');
    await page.getByTestId('run-compare').uncheck();
    await page.getByTestId('run-go').click();
    await expect.poll(() => page.getByTestId('sim-summary').innerText()).toMatch(/^平均等候/);
    expect(await page.getByTestId('sim-results').innerText()).toContain('自定客流曲线');
    expect(await page.getByTestId('fig-mean').locator('[data-plan="b"]').count()).toBe(0);
    expect(await page.getByTestId('result-stale').count()).toBe(0);
    await canvasOf('chart-wait-by-hour');
    await longShot('curve');
    await page.getByTestId('run-compare').check();
    await page.getByTestId('demand-replay').click();
  });

  it('a window serving no queue: the hub refuses, its message at that window of plan B', async () => {
    await page.getByTestId('plan-b-w2-queue-quick').click();
    expect(await page.getByTestId('plan-b-w2').locator('.s-window__error').innerText()).toBe(
      '未选队列：该窗口无事可办',
    );
    // The result below is the curve's, from before the edit (and the demand is a replay again): it says so.
    expect(await page.getByTestId('result-stale').innerText()).toContain('以下仍是修改前的结果');
    const plan = (await ok('GET', '/api/simulation/plan', undefined, manager)).plan;
    const refused = await h.api(
      'POST',
      '/api/simulation/run',
      { demand: { kind: 'replay', day: DAY }, plans: [plan, { windows: [plan.windows[0], { id: 'w2', queues: [] }] }] },
      manager,
    );
    expect(refused.status).toBe(400);
    await page.getByTestId('run-go').click();
    await expect
      .poll(() => page.getByTestId('plan-b-w2').locator('.s-window__error').innerText())
      .toBe(hubMessage(refused.body.error.message as string, 'zh').replace('plans.1.windows.1.queues: ', ''));
    expect(await page.getByTestId('plan-b-w2').locator('.s-window__error').innerText()).toContain(
      '每个窗口至少办理一个队列',
    );
    await page.getByTestId('plan-b-w2').scrollIntoViewIfNeeded();
    await shot('refused');
    await page.getByTestId('plan-b-w2-queue-quick').click();
    expect(await page.getByTestId('plan-b-w2').locator('.s-window__error').count()).toBe(0);
  });

  it('speaks English when asked', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.m-page__title').innerText()).toBe('Staffing simulator');
    expect(await page.getByTestId('run-go').innerText()).toBe('Run simulation');
    expect(await page.getByTestId('sim-summary').innerText()).toMatch(/^Mean wait /);
    await page.getByTestId('sim-results').scrollIntoViewIfNeeded();
    await shot('en');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('.m-page__title').innerText()).toBe('排班模拟');
  });

  it('leaving the page and coming back keeps the plans and the result, without an error on the page', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('page-reports').waitFor();
    await page.getByTestId('nav-simulate').click();
    expect(await page.getByTestId('plan-b-count').innerText()).toBe('3 个窗口');
    await canvasOf('chart-utilisation');
    expect(pageErrors).toEqual([]);
  });
});
