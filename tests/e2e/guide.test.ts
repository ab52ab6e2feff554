import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { launchBrowser } from '../support/browser.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';
import { layoutProblems } from '../support/layout-checks.ts';
import { capturingSms, takeOnlineTicket } from '../support/online-ticket.ts';

/** Build first: `npm run build:apps -- guide` (the hub serves apps/guide/dist). */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const MINUTE = 60_000;
const KIOSK = 'kiosk-1-secret';
const TABLET = { width: 1280, height: 800 };
const LAPTOP = { width: 1366, height: 768 };

/** The demo hall (real catalogue and roster, its guide 8001) with a test kiosk key and no printers. */
function demoHall(): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    windows: demo.windows.map(({ printer: _printer, ...w }) => w),
    printers: [],
    devices: [{ id: 'kiosk-1', kind: 'kiosk', key: KIOSK }],
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
  if (ctx.task.result?.state === 'fail')
    for (const [i, c] of contexts.entries())
      for (const [j, p] of c.pages().entries()) await shot(p, `failed-${i}-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/guide-${name}.png` });
}

async function tablet(viewport = TABLET): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

/** Opens /guide/ and logs in with the on-screen PIN pad. */
async function openGuide(x: Harness, officerId: string, pin: string, viewport = TABLET): Promise<Page> {
  const page = await tablet(viewport);
  await page.goto(`${x.url}/guide/`);
  await page.locator('[data-screen="login"]').waitFor();
  for (const k of officerId) await page.locator(`.g-pinpad [data-key="${k}"]`).tap();
  await page.getByTestId('login-pin').focus();
  for (const k of pin) await page.locator(`.g-pinpad [data-key="${k}"]`).tap();
  await page.getByTestId('login-submit').tap();
  return page;
}

async function take(x: Harness, serviceId: string, requestId: string): Promise<{ id: string; number: string }> {
  const res = await x.api('POST', '/api/tickets', { requestId, serviceId }, KIOSK);
  return { id: res.body.id as string, number: res.body.number as string };
}

const text = (page: Page, testId: string): Promise<string> => page.getByTestId(testId).innerText();

/** Buttons, chips, tabs and inputs on screen lower than 48 px: too small for a finger. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, [role="tab"]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 47.5)
      .map(({ el, r }) => `${el.getAttribute('data-testid') ?? el.textContent?.trim() ?? el.tagName} ${r.height}px`),
  );
}

describe('导办 tablet (/guide/)', () => {
  it('issues a ticket for a person with the green channel, holds and releases, grants green, puts a no-show back', async () => {
    const x = (h = await startHub(demoHall(), MONDAY_10AM));
    const early = await take(x, 'id-card-renew', 'k1');
    await take(x, 'id-card-renew', 'k2');
    x.clock.now += 35 * MINUTE; // the first two now wait long (more than half of maxWaitMinutes)
    const late = await take(x, 'id-card-renew', 'k3');

    // An officer cannot use the guide page; the guide cannot use the counter.
    const wrong = await openGuide(x, '1001', '1234');
    await expect.poll(() => text(wrong, 'login-error')).toContain('导办');
    await wrong.goto(`${x.url}/counter/`);
    await wrong.getByTestId('login-id').fill('8001');
    await wrong.getByTestId('login-pin').fill('8642');
    await wrong.getByTestId('login-submit').tap();
    await expect.poll(() => text(wrong, 'login-error')).toContain('导办人员不能登录窗口');

    const page = await openGuide(x, '8001', '8642');
    await page.locator('[data-screen="issue"]').waitFor();
    expect(await text(page, 'who')).toContain('钱导办');
    await shot(page, '01-issue');

    // 代取号: a matter by category, a name and a phone, the green channel for an elderly person.
    await page.locator('[data-testid="categories"] button', { hasText: '证明开具' }).tap();
    await page.getByTestId('matter-no-criminal-record').tap();
    await page.getByTestId('citizen-name').fill('张三丰');
    await page.getByTestId('citizen-phone').fill('13812345678');
    await page.getByTestId('green-elderly').tap();
    await shot(page, '02-form');
    await page.getByTestId('issue-submit').tap();
    await page.getByTestId('result').waitFor();
    expect(await text(page, 'result-number')).toBe('E001');
    expect(await text(page, 'result-ahead')).toBe('0 人');
    expect(await text(page, 'result-person')).toBe('张**');
    expect(await text(page, 'result')).toContain('老年人');
    await shot(page, '03-result');

    // The clear name lives only in the hub's guide_contacts; the log and the tickets hold it masked.
    const log = x.db.prepare('SELECT payload FROM events').all() as { payload: string }[];
    expect(log.some((e) => e.payload.includes('张*'))).toBe(true);
    expect(log.some((e) => e.payload.includes('张三丰') || e.payload.includes('13812345678'))).toBe(false);
    expect(x.db.prepare('SELECT name, phone FROM guide_contacts').all()).toEqual([
      { name: '张三丰', phone: '13812345678' },
    ]);
    // Search by pinyin initials finds a matter too.
    await page.getByTestId('issue-again').tap();
    await page.getByTestId('search').fill('hz');
    await expect.poll(() => page.locator('[data-testid="matters"] button').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="matters"] button').first().innerText()).toContain('护照');

    // 等候: the longest waits first and marked; hold the first.
    await page.getByTestId('tab-waiting').tap();
    await page.getByTestId('waiting-list').waitFor();
    expect(await page.getByTestId(`waiting-${early.number}`).getAttribute('data-level')).toBe('long');
    expect(await page.getByTestId(`waiting-${late.number}`).getAttribute('data-level')).toBe('ok');
    expect(await page.getByTestId('waiting-E001').getByTestId('person').innerText()).toBe('张**');
    await page.getByTestId(`waiting-${early.number}`).getByTestId('hold').tap();
    await expect.poll(() => page.getByTestId(`waiting-${early.number}`).getAttribute('data-held')).toBe('true');
    await shot(page, '04-waiting-held');

    // The counter's call-next skips the held ticket; a named call of it is refused.
    const officer = await x.login('1003');
    await x.api('POST', '/api/windows/w2/sign-in', {}, officer);
    // The officer's screen lists it apart, marked 暂缓, without 特呼.
    const counter = await tablet({ width: 1366, height: 768 });
    await counter.goto(`${x.url}/counter/`);
    await counter.locator('[data-screen="login"]').waitFor();
    await counter.getByTestId('login-id').fill('1003');
    await counter.getByTestId('login-pin').fill('1234');
    await counter.getByTestId('login-submit').tap();
    await counter.locator('[data-screen="work"]').waitFor();
    await counter.getByTestId(`held-${early.number}`).waitFor();
    expect(await counter.getByTestId(`held-${early.number}`).innerText()).toBe('暂缓');
    expect(await counter.getByTestId('held-list').getByTestId(`special-${early.number}`).count()).toBe(0);
    await shot(counter, '04b-counter-held-mark');
    // The citizen's own ticket page (the QR code's) says so too, with no name on it.
    const phone = await tablet({ width: 390, height: 844 });
    await phone.goto(`${x.url}/t/${early.id}`);
    await phone.getByTestId('tp-held').waitFor();
    expect(await phone.locator('body').innerText()).not.toContain('张');
    await shot(phone, '04c-ticket-page-held');
    const named = await x.api('POST', '/api/windows/w2/call-ticket', { ticketId: early.id }, officer);
    expect(named.body.error.code).toBe('TICKET_HELD');
    const called = await x.api('POST', '/api/windows/w2/call-next', { requestId: 'cn1' }, officer);
    expect(called.body.ticket.number).toBe('A002');
    await x.api('POST', '/api/windows/w2/no-show', {}, officer);

    // Released, it is called next (it kept its place).
    await page.getByTestId(`waiting-${early.number}`).getByTestId('release').tap();
    await expect.poll(() => page.getByTestId(`waiting-${early.number}`).getAttribute('data-held')).toBe('false');

    // 绿色通道 for the latest ticket: the dialog, a reason, and it is marked.
    await page.getByTestId(`waiting-${late.number}`).getByTestId('green').tap();
    await page.getByTestId('green-dialog').waitFor();
    await shot(page, '05-green-dialog');
    await page.getByTestId('reason-pregnant').tap();
    await page.getByTestId('green-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId(`waiting-${late.number}`).innerText()).toContain('孕妇');

    // 过号: the no-show of A002, put back in line.
    await page.getByTestId('tab-no-show').tap();
    await page.getByTestId('no-show-A002').waitFor();
    await shot(page, '06-no-show');
    await page.getByTestId('no-show-A002').getByTestId('requeue').tap();
    await expect.poll(() => text(page, 'toast')).toContain('A002 已重新排队，前面 2 人');
    await page.getByTestId('no-show-empty').waitFor();
    const back = await x.api('GET', `/api/tickets/${called.body.ticket.id as string}`, undefined, officer);
    expect(back.body.status).toBe('waiting');

    // English.
    await page.getByTestId('toggle-lang').tap();
    expect(await text(page, 'tab-issue')).toBe('Issue ticket');
    await page.getByTestId('tab-waiting').tap();
    await shot(page, '07-waiting-en');
    await page.getByTestId('tab-issue').tap();
    await page.getByTestId('matter-passport').tap();
    expect(await text(page, 'chosen')).toContain('Ordinary passport');
    expect(
      await layoutProblems(page, ['[data-testid="issue-submit"]', '[data-testid="green-reasons"] button']),
    ).toEqual([]);
    await shot(page, '08-issue-en');
  }, 90_000);

  it('confirms that the holder of an online ticket is here (确认到场), so it is not skipped', async () => {
    const sms = capturingSms();
    const x = (h = await startHub(
      {
        ...demoHall(),
        remote: { enabled: true, graceMinutes: 5, queues: [{ queueId: 'exit-entry', dailyQuota: 20 }] },
      },
      MONDAY_10AM,
      { sendCode: sms.sendCode },
    ));
    const taken = await takeOnlineTicket(x, sms, '13512345678', 'passport');
    expect(taken.status).toBe(201);
    const page = await openGuide(x, '8001', '8642');
    await page.locator('[data-screen="issue"]').waitFor();
    await page.getByTestId('tab-waiting').tap();
    const row = page.getByTestId(`waiting-${taken.body.number}`);
    await expect.poll(() => row.getByTestId('remote-mark').innerText()).toBe('线上取号 · 未签到');
    await shot(page, '06-online-not-arrived');
    await row.getByTestId('arrive').tap();
    await expect.poll(() => row.getByTestId('remote-mark').innerText()).toBe('线上取号 · 已签到');
    expect(await row.getByTestId('arrive').count()).toBe(0);
    const view = await x.api('GET', `/api/tickets/${taken.body.id}`);
    expect(view.body).toMatchObject({ status: 'waiting', remote: { arrived: true } });
    const logged = x.db.prepare("SELECT actor FROM events WHERE type = 'ticket:arrived'").all() as { actor: string }[];
    expect(logged).toEqual([{ actor: expect.stringContaining('8001') as unknown }]);
  });

  it('fits a 1280×800 tablet and a 1366×768 screen, every target a finger wide', async () => {
    const x = (h = await startHub(demoHall(), MONDAY_10AM));
    for (let i = 0; i < 14; i++) await take(x, i % 2 === 0 ? 'passport' : 'license-renewal', `k${i}`);
    for (const viewport of [TABLET, LAPTOP]) {
      const page = await openGuide(x, '8001', '8642', viewport);
      await page.locator('[data-screen="issue"]').waitFor();
      await page.getByTestId('matter-legal-worker-population-query').tap();
      const tag = `${viewport.width}x${viewport.height}`;
      await shot(page, `fit-${tag}-issue`);
      expect(
        await layoutProblems(page, [
          '[data-testid="tab-issue"]',
          '[data-testid="logout"]',
          '[data-testid="search"]',
          '[data-testid="citizen-phone"]',
          '[data-testid="green-reasons"] button',
          '[data-testid="issue-submit"]',
        ]),
      ).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      await page.getByTestId('tab-waiting').tap();
      await page.getByTestId('waiting-list').waitFor();
      await shot(page, `fit-${tag}-waiting`);
      expect(
        await layoutProblems(page, [
          '[data-testid="waiting-C001"] [data-testid="hold"]',
          '[data-testid="waiting-C001"] [data-testid="green"]',
          '[data-testid="waiting-summary"]',
        ]),
      ).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
    }
  }, 90_000);
});
