import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { openConsole } from '../support/console-login.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { SmsGateway } from '../support/sms-gateway.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Build first: `npm run build:apps -- manager` (the hub serves apps/manager/dist). */

const KIOSK = 'kiosk-1-secret';
const SECRET = 'gateway-secret-0123456789';

let browser: Browser;
let h: Harness | null = null;
let gateway: SmsGateway | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    for (const c of contexts) for (const p of c.pages()) await shot(p, 'failed-manager-notify');
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
  await gateway?.stop();
  gateway = null;
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

describe('消息通知 page of the manager console', () => {
  it('lists the day’s messages with masked phones, counts and the gateway; a dead message is sent again', async () => {
    gateway = new SmsGateway(SECRET);
    const url = await gateway.start();
    // The gateway refuses the first number it sees (a 4xx: given up at once), takes everything else.
    gateway.answer = (body) => (body.to === '13800000001' ? 400 : 200);
    const config = {
      ...testHallConfig(),
      notify: { enabled: true, provider: 'webhook', webhook: { url, secret: SECRET } },
    } as HallConfigInput;
    h = await startHub(config, undefined, { notify: { retryBaseMs: 0, pollMs: 50 } });
    const x = h;
    for (let i = 1; i <= 4; i++) {
      const t = await x.api('POST', '/api/tickets', { requestId: `t${i}`, serviceId: 'cert' }, KIOSK);
      await x.api('POST', `/api/tickets/${t.body.id}/contact`, { phone: `1380000000${i}` }, KIOSK);
    }
    const a1 = await x.login('a1');
    await x.api('POST', '/api/windows/w1/sign-in', {}, a1);
    await x.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await waitFor(() => gateway!.hits.length >= 3, 5000, 'the first sends');

    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await openConsole(page, x.url, { page: 'notify' });

    const table = page.getByTestId('notify-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    const text = await page.getByTestId('page-notify').innerText();
    expect(text).toContain('138****0001');
    expect(text).toContain('请A001号到1号窗口办理。');
    expect(text).toContain('您前面还有1人');
    expect(text).toContain('您前面还有2人');
    expect(text).not.toMatch(/1380000000\d/);
    await expect.poll(() => page.getByTestId('notify-count-sent').innerText()).toContain('2');
    expect(await page.getByTestId('notify-count-dead').innerText()).toContain('1');
    const provider = await page.getByTestId('notify-provider').innerText();
    expect(provider).toContain('短信网关');
    expect(provider).toContain('127.0.0.1');
    await shot(page, 'manager-notify');

    // The dead one carries the gateway's refusal and a retry button; once the gateway takes it, it is sent.
    const dead = page.locator('tr[data-status="dead"]');
    await expect.poll(() => dead.innerText()).toContain('网关拒绝（HTTP 400）');
    expect(await dead.innerText()).not.toContain('gateway refused');
    gateway.answer = () => 200;
    await dead.getByRole('button', { name: '重发' }).click();
    await expect.poll(() => page.getByTestId('notify-count-sent').innerText(), { timeout: 10_000 }).toContain('3');
    await expect.poll(() => page.locator('tr[data-status="dead"]').count()).toBe(0);
    expect(gateway.delivered().size).toBe(3);

    // English, on the same data.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Messages' }).waitFor();
    expect(await table.innerText()).toContain('A001: please go to');
    await shot(page, 'manager-notify-en');
  }, 60_000);
});
