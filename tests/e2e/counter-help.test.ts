import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openConsole } from '../support/console-login.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Build first: `npm run build:apps -- manager counter` (the hub serves apps/<name>/dist). */

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
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    for (const [i, c] of contexts.entries())
      for (const [j, p] of c.pages().entries()) await shot(p, `failed-${i}-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/complaints-${name}.png` });
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

/** Opens the counter and logs in by keyboard (id, Enter, PIN, Enter). */
async function openCounter(x: Harness, officerId: string, pin: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${x.url}/counter/`);
  await page.locator('[data-screen="login"]').waitFor();
  await page.keyboard.type(officerId);
  await page.keyboard.press('Enter');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await page.locator('[data-screen="pick"], [data-screen="work"]').first().waitFor();
  return page;
}

describe('请求帮办 and the duty leader at the counter', () => {
  it('an officer asks for help; managers see the alert; the manager signs in at any window as 带班领导', async () => {
    h = await startHub(testHallConfig({ windows: 3 }));
    const x = h;
    await x.api('POST', '/api/tickets', { requestId: 'k1', serviceId: 'cert' }, KIOSK);

    const officer = await openCounter(x, 'a1', '1234');
    await officer.getByTestId('pick-w1-sign-in').click();
    await officer.locator('[data-screen="work"]').waitFor();
    await officer.getByTestId('act-call-next').click();
    await expect.poll(() => officer.getByTestId('toast').innerText()).toContain('A001');

    const console = await newPage();
    await openConsole(console, x.url, { page: 'live' });

    await officer.getByTestId('help-request').click();
    await expect.poll(() => officer.getByTestId('toast').innerText()).toContain('已通知带班领导');
    await shot(officer, 'counter-help');

    const alert = console.locator('[data-testid="alert"][data-kind="help-requested"]');
    await expect.poll(() => alert.count()).toBe(1);
    const alertText = await alert.innerText();
    expect(alertText).toContain('请求帮办');
    expect(alertText).toContain('1号窗口');
    expect(alertText).toContain('A001');
    expect(await console.getByTestId('alert-badge').innerText()).toMatch(/\d+ 条告警/);
    await shot(console, 'console-help-alert');

    // The manager at the counter: every open window is offered as 带班领导; w1 is held by a1.
    const leader = await openCounter(x, 'm1', '9999');
    expect(await leader.getByTestId('pick-w1').innerText()).toContain('带班领导');
    expect(await leader.getByTestId('pick-w1').locator('button').isDisabled()).toBe(true);
    await shot(leader, 'counter-leader-pick');
    await leader.getByTestId('pick-w2-sign-in').click();
    await leader.locator('[data-screen="work"]').waitFor();
    expect(await leader.getByTestId('leader-chip').innerText()).toBe('带班领导');
    expect(await leader.getByTestId('help-request').count()).toBe(0);
    await shot(leader, 'counter-leader-work');
    // The console's tile of w2 says who holds it: the duty leader.
    await expect.poll(() => console.locator('[data-leader="true"]').first().innerText()).toBe('带班领导');

    // a1 finishes and leaves w1; the leader moves there: the help request is answered, the alert ends.
    await officer.getByTestId('act-finish').click();
    await officer.getByTestId('finish-dialog').waitFor(); // 办结: the own matter, done (Enter)
    await officer.keyboard.press('Enter');
    await expect.poll(() => officer.getByTestId('sign-out').isEnabled()).toBe(true);
    await x.api('POST', '/api/windows/w1/sign-out', {}, await x.login('a1'));
    await leader.getByTestId('sign-out').click();
    await leader.getByTestId('confirm-ok').click();
    await leader.locator('[data-screen="pick"]').waitFor();
    await leader.getByTestId('pick-w1-sign-in').click();
    await leader.locator('[data-screen="work"]').waitFor();
    await expect.poll(() => alert.getAttribute('data-look')).toBe('ended');
  });
});
