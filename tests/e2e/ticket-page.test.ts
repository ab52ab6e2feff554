import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/**
 * The citizen's live ticket page `/t/<id>?s=<secret>` on a phone (390×844): it follows the ticket by
 * polling, shows a transfer's new queue or window (never the officer's note), and takes the citizen's
 * own 好差评 once the service is finished. Build first: `npx tsx scripts/build-apps.ts mobile`.
 */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const PHONE = { width: 390, height: 844 };
/** Planted in the transfer note: none of it may reach the citizen's phone. */
const NOTE = '群众欧阳娜娜 身份证500222199001011234 电话13800138000';

function demoHall(): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    windows: demo.windows.map(({ printer: _printer, ...w }) => w),
    printers: [],
    devices: [{ id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-1-secret' }],
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
      for (const [j, p] of c.pages().entries()) await shot(p, `failed-ticket-${i}-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
const text = (page: Page, testId: string): Promise<string> => page.getByTestId(testId).innerText();

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

/** A ticket taken at the kiosk over REST: its id, number and public link (the QR code's path, secret included). */
async function take(x: Harness, serviceId: string, n = 1): Promise<{ id: string; number: string; link: string }> {
  const res = await x.api('POST', '/api/tickets', { requestId: `tp-${serviceId}-${n}`, serviceId }, 'kiosk-1-secret');
  expect(res.status).toBe(201);
  const link = res.body.link as string;
  expect(link).toMatch(/^\/t\/[^?]+\?s=[\w-]{16}$/);
  return { id: res.body.id as string, number: res.body.number as string, link };
}

async function serve(x: Harness, officerId: string, windowId: string, ticketId: string): Promise<string> {
  const token = await x.login(officerId);
  expect((await x.api('POST', `/api/windows/${windowId}/sign-in`, {}, token)).status).toBe(200);
  expect((await x.api('POST', `/api/windows/${windowId}/call-ticket`, { ticketId }, token)).status).toBe(200);
  return token;
}

describe('ticket page /t/:id on a phone', () => {
  it('keeps the secret out of the address bar, follows a transfer live to the new queue and window, never the note', async () => {
    const x = (h = await startHub(demoHall()));
    const ticket = await take(x, 'passport');
    const page = await phone();
    const answers: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/'))
        void r.text().then(
          (b) => answers.push(b),
          () => undefined,
        );
    });
    await page.goto(x.url + ticket.link);
    await page.getByTestId('tp-number').waitFor();
    expect(await text(page, 'tp-number')).toBe('C001');
    // The secret is kept for this tab and gone from the address (not bookmarked, copied or sent on).
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe(`/t/${ticket.id}`);
    const secret = new URL(x.url + ticket.link).searchParams.get('s')!;
    expect(await page.evaluate((id) => sessionStorage.getItem(`yichuang.ticket.secret.${id}`), ticket.id)).toBe(secret);
    expect(await text(page, 'tp-queue')).toBe('排队队列：出入境');
    await shot(page, 'ticket-tp-01-waiting');

    // 4号窗口 calls C001, then sends it to the 户籍小业务 queue with a note full of personal data.
    const w4 = await serve(x, '1007', 'w4', ticket.id);
    const moved = await x.api(
      'POST',
      `/api/tickets/${ticket.id}/transfer`,
      { toQueueId: 'hukou-quick', note: NOTE },
      w4,
    );
    expect(moved.status).toBe(200);
    // No reload: the page follows by itself (it polls every 5 s).
    await page.getByTestId('tp-transfer').waitFor({ timeout: 8000 });
    expect(await text(page, 'tp-transfer-where')).toBe('现排在「户籍小业务」');
    expect(await text(page, 'tp-queue')).toBe('排队队列：户籍小业务');
    expect(await text(page, 'tp-number')).toBe('C001'); // the number stays
    expect(await text(page, 'tp-wait')).toBe('暂无窗口办理'); // nobody holds a 户籍 window yet
    await shot(page, 'ticket-tp-02-transferred-queue');

    // 2号窗口 calls it and sends it on to 3号窗口 by name.
    const w2 = await serve(x, '1003', 'w2', ticket.id);
    expect(
      (await x.api('POST', `/api/tickets/${ticket.id}/transfer`, { toWindowId: 'w3', note: NOTE }, w2)).status,
    ).toBe(200);
    await expect.poll(() => text(page, 'tp-transfer-where'), { timeout: 8000 }).toBe('请留意 3号窗口 叫号');
    await shot(page, 'ticket-tp-03-transferred-window');

    // 3号窗口 calls it: the page says where to go.
    await serve(x, '1005', 'w3', ticket.id);
    await page.getByTestId('tp-called').waitFor({ timeout: 8000 });
    expect(await text(page, 'tp-called')).toBe('请到 3号窗口 办理');

    // Nothing of the note reached the phone: not on the page, not in any answer it read.
    const shown = await page.locator('body').innerText();
    for (const part of ['欧阳娜娜', '500222199001011234', '13800138000']) {
      expect(shown).not.toContain(part);
      for (const a of answers) expect(a).not.toContain(part);
    }
    expect(answers.length).toBeGreaterThan(3);
  });

  it('takes the citizen’s own 好差评 once finished: a reason for 不满意, thanks, and stays rated after a reload', async () => {
    const x = (h = await startHub(demoHall()));
    const ticket = await take(x, 'id-card-renew');
    const page = await phone();
    await page.goto(x.url + ticket.link);
    await page.getByTestId('tp-number').waitFor();
    expect(await page.getByTestId('tp-rate').count()).toBe(0); // not before the service is finished

    const token = await serve(x, '1001', 'w1', ticket.id);
    expect((await x.api('POST', '/api/windows/w1/finish', {}, token)).status).toBe(200);
    await page.getByTestId('tp-rate').waitFor({ timeout: 8000 });
    const labels = await page.locator('.tp-level').allInnerTexts();
    expect(labels.map((l) => l.trim())).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    await shot(page, 'ticket-tp-04-rate');

    // 不满意: a reason is needed (from the list or in words) before it can be sent.
    await page.getByTestId('tp-level-2').tap();
    await page.getByTestId('tp-reasons').waitFor();
    expect(await page.getByTestId('tp-rate-submit').isDisabled()).toBe(true);
    await page.getByTestId('tp-reason-attitude').tap();
    expect(await page.getByTestId('tp-rate-submit').isDisabled()).toBe(false);
    await shot(page, 'ticket-tp-05-reason');
    await page.getByTestId('tp-rate-submit').tap();
    await page.getByTestId('tp-rate-thanks').waitFor();
    expect(await text(page, 'tp-rate-thanks')).toContain('感谢您的评价');
    expect(await text(page, 'tp-rate-thanks')).toContain('您的评价：不满意');
    await shot(page, 'ticket-tp-06-thanks');

    const rows = x.db.prepare('SELECT ticket_id, level, reason, via, officer_id, window_id FROM ratings').all();
    expect(rows).toEqual([
      { ticket_id: ticket.id, level: 2, reason: 'attitude', via: 'citizen', officer_id: '1001', window_id: 'w1' },
    ]);

    // A reload (the secret is kept for the tab): rated already, no form.
    await page.reload();
    await page.getByTestId('tp-rate-already').waitFor();
    expect(await text(page, 'tp-rate-already')).toBe('本次服务已评价，感谢您的参与');
    expect(await page.getByTestId('tp-rate').count()).toBe(0);

    // Opened without the secret (a bookmark of the bare address), an unrated ticket says how to rate.
    const other = await take(x, 'id-card-renew', 2);
    const t2 = await serve(x, '1001', 'w1', other.id);
    await x.api('POST', '/api/windows/w1/finish', {}, t2);
    const bare = await phone();
    await bare.goto(`${x.url}/t/${other.id}`);
    await bare.getByTestId('tp-rate-no-secret').waitFor();
    expect(await text(bare, 'tp-rate-no-secret')).toBe('如需评价，请扫描号票上的二维码打开本页');
  });

  it('says so when the ticket was rated meanwhile (ALREADY_RATED), is not finished (NOT_RATEABLE) or the link is wrong', async () => {
    const x = (h = await startHub(demoHall()));
    const ticket = await take(x, 'id-card-renew');
    const token = await serve(x, '1001', 'w1', ticket.id);
    await x.api('POST', '/api/windows/w1/finish', {}, token);

    // The form is open, then the ticket gets rated elsewhere before this phone sends (its view is stale).
    const page = await phone();
    await page.goto(x.url + ticket.link);
    await page.getByTestId('tp-rate').waitFor();
    let stale = '';
    await page.route(/\/api\/tickets\/[^/]+$/, async (route) => {
      if (stale === '') stale = await (await route.fetch()).text();
      await route.fulfill({ status: 200, contentType: 'application/json', body: stale });
    });
    await page.waitForTimeout(5500); // one poll through the stale view
    await page.getByTestId('tp-level-4').tap();
    const secret = new URL(x.url + ticket.link).searchParams.get('s')!;
    expect((await x.api('POST', `/api/tickets/${ticket.id}/rating`, { secret, level: 5 })).status).toBe(201);
    await page.getByTestId('tp-rate-submit').tap();
    await page.getByTestId('tp-rate-already').waitFor();
    expect(await text(page, 'tp-rate-already')).toContain('这张号票已经评价过了');
    await shot(page, 'ticket-tp-07-already-rated');
    expect(x.db.prepare('SELECT level FROM ratings').all()).toEqual([{ level: 5 }]);

    // Not finished yet, though the page believed it was: the hub's NOT_RATEABLE closes the form.
    const open = await take(x, 'passport', 2);
    await serve(x, '1007', 'w4', open.id);
    const early = await phone();
    await early.route(/\/api\/tickets\/[^/]+$/, async (route) => {
      const real = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ...real, status: 'done' }),
      });
    });
    await early.goto(x.url + open.link);
    await early.getByTestId('tp-level-5').tap();
    await early.getByTestId('tp-rate-submit').tap();
    await early.getByTestId('tp-rate-closed').waitFor();
    expect(await text(early, 'tp-rate-closed')).toBe('业务办结后才能评价');

    // A tampered link: the hub refuses the secret, the page says to scan the QR code again.
    const done = await take(x, 'id-card-renew', 3);
    const t3 = await serve(x, '1001', 'w1', done.id);
    await x.api('POST', '/api/windows/w1/finish', {}, t3);
    const forged = await phone();
    await forged.goto(`${x.url}/t/${done.id}?s=AAAAAAAAAAAAAAAA`);
    await forged.getByTestId('tp-level-3').tap();
    await forged.getByTestId('tp-rate-submit').tap();
    await forged.getByTestId('tp-rate-closed').waitFor();
    expect(await text(forged, 'tp-rate-closed')).toBe('评价链接无效，请重新扫描号票上的二维码');
    expect(x.db.prepare('SELECT COUNT(*) AS n FROM ratings').get()).toEqual({ n: 1 });
  });

  it('English on the phone: the transfer and the rating read in English', async () => {
    const x = (h = await startHub(demoHall()));
    const ticket = await take(x, 'passport');
    const page = await phone();
    await page.goto(x.url + ticket.link);
    await page.getByTestId('tp-number').waitFor();
    await page.locator('.tp-lang').tap();
    const w4 = await serve(x, '1007', 'w4', ticket.id);
    await x.api('POST', `/api/tickets/${ticket.id}/transfer`, { toWindowId: 'w1' }, w4);
    await expect
      .poll(() => text(page, 'tp-transfer-where'), { timeout: 8000 })
      .toBe('Please wait for Window 1 to call you');
    const w1 = await serve(x, '1001', 'w1', ticket.id);
    await x.api('POST', '/api/windows/w1/finish', {}, w1);
    await page.getByTestId('tp-rate').waitFor({ timeout: 8000 });
    await page.getByTestId('tp-level-1').tap();
    await page.getByTestId('tp-reason-text').fill('Had to come back twice');
    await shot(page, 'ticket-tp-08-english-rate');
    await page.getByTestId('tp-rate-submit').tap();
    await page.getByTestId('tp-rate-thanks').waitFor();
    expect(await text(page, 'tp-rate-thanks')).toContain('Your rating: Very dissatisfied');
    expect(x.db.prepare('SELECT level, reason, via FROM ratings').all()).toEqual([
      { level: 1, reason: 'Had to come back twice', via: 'citizen' },
    ]);
  });
});
