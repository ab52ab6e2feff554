import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * 线上取号 on the citizen's phone (/m/take, 390×844) against a real hub: the test hall takes remote tickets
 * for 无犯罪记录证明; the SMS goes to a capturing sender. Build first: `npm run build:apps -- mobile`.
 */
const PHONE = { width: 390, height: 844 };
const MY_PHONE = '13812345678';

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

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

describe('线上取号 on the phone pages', () => {
  it('chooses the matter, proves the phone with the SMS code and lands on the live ticket page', async () => {
    const sms: { phone: string; code: string }[] = [];
    h = await startHub(undefined, undefined, {
      sendCode: (to, code) => {
        sms.push({ phone: to, code });
        return Promise.resolve();
      },
    });
    const page = await phone();
    await page.goto(`${h.url}/m/`);
    await page.getByTestId('m-go-take').tap();
    await page.getByTestId('m-take-cert').tap();
    // The address of this step opened directly (a reload) is the same page.
    await page.reload();
    await page.getByTestId('m-take-phone').waitFor();
    expect(await page.getByTestId('m-take-submit').isDisabled()).toBe(true);
    await page.getByTestId('m-take-phone').fill(MY_PHONE);
    await page.getByTestId('m-take-send').tap();
    await expect.poll(() => page.getByTestId('m-take-sent').innerText()).toContain('138****5678');
    expect(await page.getByTestId('m-take-send').innerText()).toMatch(/秒后重发/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(sms).toHaveLength(1);
    // A wrong code first: said plainly, nothing issued.
    await page.getByTestId('m-take-code').fill(sms[0]!.code === '000000' ? '111111' : '000000');
    await page.getByTestId('m-take-submit').tap();
    await expect.poll(() => page.getByTestId('m-take-problem').innerText()).toContain('验证码错误');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/mobile-take-code.png`, fullPage: true });
    await page.getByTestId('m-take-code').fill(sms[0]!.code);
    await page.getByTestId('m-take-submit').tap();
    await page.waitForURL(/\/t\//);
    await expect.poll(() => page.locator('body').innerText()).toContain('A001');
    expect(await page.getByTestId('tp-remote').innerText()).toContain('取号机');
    // Checked in at the kiosk by phone: the page says so at its next refresh.
    const arrived = await h.api('POST', '/api/remote/arrive', { phone: MY_PHONE }, 'kiosk-1-secret');
    expect(arrived.status).toBe(200);
    await expect.poll(() => page.getByTestId('tp-remote').innerText(), { timeout: 12_000 }).toContain('已签到');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/mobile-take-ticket.png`, fullPage: true });
    const ticket = h.db.prepare("SELECT data FROM tickets WHERE number = 'A001'").get() as { data: string };
    expect(JSON.parse(ticket.data)).toMatchObject({ remote: { arrivedAt: h.clock.now } });
  });
});
