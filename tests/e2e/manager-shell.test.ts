import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Build first: `npx tsx scripts/build-apps.ts manager` (the hub serves apps/manager/dist). */

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

async function open(x: Harness): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(`${x.url}/manager/`);
  await page.locator('[data-screen="login"]').waitFor();
  return page;
}

async function login(page: Page, id: string, pin: string): Promise<void> {
  await page.getByTestId('login-id').fill(id);
  await page.getByTestId('login-pin').fill(pin);
  await page.getByTestId('login-submit').click();
}

describe('manager console shell', () => {
  it('only a manager signs in; the frame shows the hall, the hub clock and the link; the session survives a reload', async () => {
    h = await startHub(testHallConfig());
    const page = await open(h);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-00-login.png') });

    await login(page, 'a1', '1234');
    expect(await page.getByTestId('login-error').innerText()).toContain('不是大厅负责人');
    await login(page, 'm1', '0000');
    expect(await page.getByTestId('login-error').innerText()).toContain('密码错误');

    await login(page, 'm1', '9999');
    await page.getByTestId('page-live').waitFor();
    await expect.poll(() => page.getByTestId('link-state').innerText()).toBe('已连接');
    expect(await page.locator('.m-top__hall').innerText()).toBe('测试大厅');
    // The hub's clock (10:00 on the harness's fake clock), not the PC's.
    await expect.poll(() => page.getByTestId('hub-clock').innerText()).toMatch(/^10:0\d:\d\d$/);

    await page.reload();
    await page.getByTestId('page-live').waitFor();
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('page-reports').waitFor();
    expect(new URL(page.url()).hash).toBe('#/reports');

    // A session revoked at the hub (PIN reset) sends the console back to the login screen with the reason.
    const mgr = await h.login('m1');
    expect((await h.api('POST', '/api/officers/m1/pin', { pin: '5830' }, mgr)).status).toBe(200);
    await page.getByTestId('nav-config').click();
    await page.locator('[data-screen="login"]').waitFor({ timeout: 10_000 });
  });

  it('退出登录 revokes the session at the hub and closes its socket', async () => {
    h = await startHub(testHallConfig());
    const page = await open(h);
    await login(page, 'm1', '9999');
    await page.getByTestId('page-live').waitFor();
    await expect.poll(() => page.getByTestId('link-state').innerText()).toBe('已连接');
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('yichuang.manager.session') ?? '{}') as { token?: string }).token ?? '',
    );
    expect((await h.api('GET', '/api/alerts', undefined, token)).status).toBe(200);

    await page.getByTestId('logout').click();
    await page.locator('[data-screen="login"]').waitFor();
    expect((await h.api('GET', '/api/alerts', undefined, token)).status).toBe(401);
    const x = h;
    await expect
      .poll(() => [...x.hub.io.sockets.sockets.values()].filter((s) => s.data.bearer === token).length)
      .toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-01-logged-out.png') });
  });
});
