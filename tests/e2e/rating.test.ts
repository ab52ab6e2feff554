import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';

/** Build first: `npx tsx scripts/build-apps.ts counter` (rate.html is part of the counter app). */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const RATER = 'rater-w1-secret';

function demoHall(): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    windows: demo.windows.map(({ printer: _printer, ...w }) => w),
    printers: [],
    devices: [
      { id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-1-secret' },
      { id: 'rater-w1', kind: 'rater', key: RATER, window: 'w1' },
    ],
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
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

async function ratePage(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 600 }, hasTouch: true });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(h!.url + path);
  return page;
}

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });

/** Officer 1001 signs in at w1, calls and finishes one ticket over REST; returns the ticket. */
async function serveOne(x: Harness, serviceId = 'id-card-renew'): Promise<{ id: string; number: string }> {
  const taken = await x.api('POST', '/api/tickets', { requestId: `t-${serviceId}`, serviceId }, 'kiosk-1-secret');
  const token = await x.login('1001');
  await x.api('POST', '/api/windows/w1/sign-in', {}, token);
  await x.api('POST', '/api/windows/w1/call-next', { requestId: `call-${serviceId}` }, token);
  const done = await x.api('POST', '/api/windows/w1/finish', {}, token);
  expect(done.status).toBe(200);
  return { id: taken.body.id as string, number: taken.body.number as string };
}

describe('rating screen /rate/:windowId', () => {
  it('idle shows the window and the officer on duty; a finish asks; a low level needs a reason; stored via the hub', async () => {
    h = await startHub(demoHall());
    const page = await ratePage(`/rate/w1?key=${RATER}`);
    await page.locator('[data-screen="idle"]').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('yichuang.rater.key'))).toBe(RATER);
    expect(new URL(page.url()).pathname).toBe('/rate/w1');
    expect(await page.getByTestId('rate-window').innerText()).toBe('1号窗口');

    const ticket = await serveOne(h);
    await page.locator('[data-screen="rate"]').waitFor();
    expect(await page.locator('.r-rate__ticket').innerText()).toBe(`号票 ${ticket.number}`);
    expect(await page.getByTestId('rate-served-by').innerText()).toBe('经办民警 张警官 警号 1001');
    const labels = await page.locator('.r-level').allInnerTexts();
    expect(labels.map((l) => l.trim())).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);

    // 不满意 (2): a reason first; submit stays disabled until one is chosen.
    await page.getByTestId('rate-level-2').tap();
    await page.locator('.r-reason').waitFor();
    expect(await page.getByTestId('rate-chosen').innerText()).toBe('您的评价：不满意');
    expect(await page.getByTestId('rate-reason-submit').isDisabled()).toBe(true);
    await page.getByTestId('rate-reason-waited-long').tap();
    await shot(page, 'rate-03-reason');
    await page.getByTestId('rate-reason-submit').tap();
    await page.getByTestId('rate-thanks').waitFor();

    const rows = h.db.prepare('SELECT ticket_id, level, reason, via, officer_id FROM ratings').all();
    expect(rows).toEqual([{ ticket_id: ticket.id, level: 2, reason: 'waited-long', via: 'rater', officer_id: '1001' }]);
    expect((await h.api('GET', `/api/tickets/${ticket.id}`)).body.rating).toBe(2);

    // Thanks goes back to idle by itself, showing who is on duty (name only).
    await page.locator('[data-screen="idle"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('rate-officer').innerText()).toBe('经办民警 张警官 警号 1001');
    await shot(page, 'rate-00-idle');
  });

  it('a new call at the window ends the question: the next citizen is never asked about C004', async () => {
    h = await startHub(demoHall());
    const page = await ratePage(`/rate/w1?key=${RATER}`);
    await page.locator('[data-screen="idle"]').waitFor();
    const numbers: string[] = [];
    for (const [i, serviceId] of ['passport', 'passport', 'passport', 'passport', 'id-card-renew'].entries()) {
      const t = await h.api('POST', '/api/tickets', { requestId: `c-${i}`, serviceId }, 'kiosk-1-secret');
      numbers.push(t.body.number as string);
    }
    expect(numbers).toEqual(['C001', 'C002', 'C003', 'C004', 'A001']);
    const c004 = [...h.hub.bus.state.tickets.values()].find((t) => t.number === 'C004')!;
    const token = await h.login('1001');
    await h.api('POST', '/api/windows/w1/sign-in', {}, token);
    expect((await h.api('POST', '/api/windows/w1/call-ticket', { ticketId: c004.id }, token)).status).toBe(200);
    await h.api('POST', '/api/windows/w1/start', {}, token);
    expect((await h.api('POST', '/api/windows/w1/finish', {}, token)).status).toBe(200);

    // C004's citizen leaves without rating; the screen asks about C004, naming who served.
    await page.locator('[data-screen="rate"]').waitFor();
    expect(await page.locator('.r-rate__ticket').innerText()).toBe('号票 C004');
    expect(await page.getByTestId('rate-served-by').innerText()).toBe('经办民警 张警官 警号 1001');
    await shot(page, 'rate-05-asks-c004');

    // The officer calls the next citizen: the question about C004 is over at once.
    const next = await h.api('POST', '/api/windows/w1/call-next', { requestId: 'next-1' }, token);
    expect(next.body.ticket.number).toBe('A001');
    await page.locator('[data-screen="idle"]').waitFor({ timeout: 3000 });
    expect(await page.locator('.r-app').innerText()).not.toContain('C004');
    await shot(page, 'rate-06-next-called-idle');

    // A screen that (re)connects now does not pick C004 up either: the window has called since.
    const fresh = await ratePage(`/rate/w1?key=${RATER}`);
    await fresh.locator('[data-screen="idle"]').waitFor();
    await fresh.waitForTimeout(500);
    expect(await fresh.locator('[data-screen="rate"]').count()).toBe(0);

    // Also on the reason step: A001 is finished, its citizen picks 不满意 (the level is shown), walks away,
    // and the next call ends the question; nothing was stored for either ticket.
    await h.api('POST', '/api/windows/w1/finish', {}, token);
    await page.locator('[data-screen="rate"]').waitFor();
    expect(await page.locator('.r-rate__ticket').innerText()).toBe('号票 A001');
    await page.getByTestId('rate-level-2').tap();
    expect(await page.getByTestId('rate-chosen').innerText()).toBe('您的评价：不满意');
    await shot(page, 'rate-07-reason-level');
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'next-2' }, token);
    await page.locator('[data-screen="idle"]').waitFor({ timeout: 3000 });
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM ratings').get()).toEqual({ n: 0 });
  });

  it('picks up, after a (re)connect, a ticket this window finished in the last two minutes and nobody rated', async () => {
    h = await startHub(demoHall());
    const ticket = await serveOne(h);
    h.clock.now = MONDAY_10AM + 60_000;
    const page = await ratePage(`/rate/w1?key=${RATER}`);
    await page.locator('[data-screen="rate"]').waitFor();
    expect(await page.locator('.r-rate__ticket').innerText()).toBe(`号票 ${ticket.number}`);
    await page.getByTestId('rate-level-4').tap();
    await page.getByTestId('rate-thanks').waitFor();
    expect((await h.api('GET', `/api/tickets/${ticket.id}`)).body.rating).toBe(4);

    // Rated already, or older than two minutes: a fresh page stays idle.
    const again = await ratePage(`/rate/w1?key=${RATER}`);
    await again.locator('[data-screen="idle"]').waitFor();
    const other = await serveOne(h, 'passport');
    h.clock.now += 3 * 60_000;
    const late = await ratePage(`/rate/w1?key=${RATER}`);
    await late.locator('[data-screen="idle"]').waitFor();
    await late.waitForTimeout(500);
    expect(await late.locator('[data-screen="rate"]').count()).toBe(0);
    expect((await h.api('GET', `/api/tickets/${other.id}`)).body.rating).toBeNull();
  });

  it('a rating given first on the citizen’s own ticket page ends the question; no key or a wrong key says the screen is not set up', async () => {
    h = await startHub(demoHall());
    const page = await ratePage(`/rate/w1?key=${RATER}`);
    await page.locator('[data-screen="idle"]').waitFor();
    const ticket = await serveOne(h);
    await page.locator('[data-screen="rate"]').waitFor();
    // The citizen rates it on their phone first (the ticket's link secret): the screen leaves the question by itself.
    const secret = h.hub.context.ticketSecrets.of(ticket.id);
    const r = await h.api('POST', `/api/tickets/${ticket.id}/rating`, { secret, level: 5 });
    expect(r.status).toBe(201);
    await page.locator('[data-screen="idle"]').waitFor();

    const bare = await browser.newContext({ viewport: { width: 1024, height: 600 } });
    contexts.push(bare);
    const none = await bare.newPage();
    await none.goto(`${h.url}/rate/w1`);
    await none.locator('[data-screen="not-configured"]').waitFor();
    expect(await none.locator('[data-screen="not-configured"]').innerText()).toContain('本评价屏尚未配置');
    await none.goto(`${h.url}/rate/w1?key=wrong-key`);
    await none.locator('[data-screen="not-configured"]').waitFor();
    expect(await none.locator('[data-screen="not-configured"]').innerText()).toContain('设备密钥无效');
    await shot(none, 'rate-04-bad-key');
  });
});
