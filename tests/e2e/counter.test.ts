import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { decodeEscPos, FakePrinter } from '@yichuang/printer';
import { parseHallConfig } from '../../apps/hub/src/config-loader.ts';
import { createHub } from '../../apps/hub/src/create-hub.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';
import { capturingSms, takeOnlineTicket } from '../support/online-ticket.ts';

/** Build first: `npx tsx scripts/build-apps.ts counter kiosk` (the hub serves apps/<name>/dist). */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const MINUTE = 60_000;

/** The demo hall (real catalogue, A/B roster) with test keys; w1 prints on `printerUri` when given. */
function demoHall(printerUri?: string): HallConfigInput {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  return {
    ...demo,
    windows: demo.windows.map(({ printer: _printer, ...w }) =>
      w.id === 'w1' && printerUri !== undefined ? { ...w, printer: 'counter-1' } : w,
    ),
    printers: printerUri === undefined ? [] : [{ id: 'counter-1', uri: printerUri, paperWidthMm: 80 }],
    devices: [
      { id: 'kiosk-1', kind: 'kiosk', key: 'kiosk-1-secret' },
      { id: 'rater-w1', kind: 'rater', key: 'rater-w1-secret', window: 'w1' },
    ],
    kiosk: { ticketsPerMinute: 1000, idleSeconds: 120, oneTicketPerIdCard: false },
  };
}

/** The demo PIN of an officer, as the seed has it. */
function pinOf(officerId: string): string {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as { officers: { id: string; pin?: string }[] };
  return demo.officers.find((o) => o.id === officerId)?.pin ?? '1234';
}

let browser: Browser;
let h: Harness | null = null;
let printer: FakePrinter | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async (ctx) => {
  // A failed test leaves a picture of every page it had open, to see what the officer saw.
  if (ctx.task.result?.state === 'fail')
    for (const [i, c] of contexts.entries())
      for (const [j, p] of c.pages().entries())
        await shot(p, `failed-${ctx.task.name.slice(0, 24).replace(/[^\w\u4e00-\u9fff]+/g, '-')}-${i}-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  await printer?.stop();
  h = null;
  printer = null;
});

async function hub(o: { printer?: boolean; start?: number; tokenTtlMs?: number } = {}): Promise<Harness> {
  let uri: string | undefined;
  if (o.printer === true) {
    printer = new FakePrinter();
    await printer.start();
    uri = printer.uri;
  }
  h = await startHub(
    demoHall(uri),
    o.start ?? MONDAY_10AM,
    o.tokenTtlMs === undefined ? {} : { tokenTtlMs: o.tokenTtlMs },
  );
  return h;
}

async function newPage(viewport: { width: number; height: number }, touch = false): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: touch, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000); // fail at the step that went wrong, not at the test's timeout
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Opens the counter and logs in by keyboard (id, Enter, PIN, Enter). */
async function openCounter(x: Harness, officerId: string, pin = pinOf(officerId)): Promise<Page> {
  const page = await newPage({ width: 1600, height: 900 });
  await page.goto(`${x.url}/counter/`);
  await page.locator('[data-screen="login"]').waitFor();
  await page.keyboard.type(officerId);
  await page.keyboard.press('Enter');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await page.locator('[data-screen="pick"], [data-screen="work"]').first().waitFor();
  return page;
}

async function signIn(page: Page, windowId: string): Promise<void> {
  await page.getByTestId(`pick-${windowId}-sign-in`).click();
  await page.locator('[data-screen="work"]').waitFor();
}

const text = (page: Page, testId: string): Promise<string> => page.getByTestId(testId).innerText();
const toast = (page: Page): Promise<string> => page.getByTestId('toast').innerText();

async function takeTickets(x: Harness, serviceIds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const [i, serviceId] of serviceIds.entries()) {
    const res = await x.api('POST', '/api/tickets', { requestId: `seed-${i}`, serviceId }, 'kiosk-1-secret');
    out.push(res.body.number as string);
  }
  return out;
}

describe('counter', () => {
  it('kiosk → counter calls, starts, prints a notice (stub + notice), finishes → the rating page rates it', async () => {
    const x = await hub({ printer: true });
    await takeTickets(x, ['id-card-renew', 'passport']);

    // The citizen takes a ticket at the kiosk.
    const kiosk = await newPage({ width: 1080, height: 1920 }, true);
    await kiosk.goto(`${x.url}/kiosk/?key=kiosk-1-secret`);
    await kiosk.getByTestId('category-证明开具').tap();
    await kiosk.getByTestId('service-no-criminal-record').tap();
    await kiosk.getByTestId('take').tap();
    await kiosk.locator('[data-screen="confirm"]').waitFor();
    const number = (await kiosk.getByTestId('ticket-number').innerText()).trim();
    expect(number).toBe('E001');

    // The rating screen at w1 waits, showing nobody on duty yet.
    const rate = await newPage({ width: 1024, height: 600 }, true);
    await rate.goto(`${x.url}/rate/w1?key=rater-w1-secret`);
    await rate.locator('[data-screen="idle"]').waitFor();
    expect(new URL(rate.url()).search).toBe('');
    await expect.poll(() => text(rate, 'rate-officer')).toBe('暂无民警在岗');

    // The officer logs in with the on-screen keypad and picks w1 (A role).
    const page = await newPage({ width: 1600, height: 900 });
    await page.goto(`${x.url}/counter/`);
    await page.locator('[data-screen="login"]').waitFor();
    for (const k of '1001') await page.locator(`.c-pinpad [data-key="${k}"]`).click();
    await page.getByTestId('login-pin').focus();
    for (const k of '1234') await page.locator(`.c-pinpad [data-key="${k}"]`).click();
    await shot(page, 'counter-01-login');
    await page.getByTestId('login-submit').click();
    await page.locator('[data-screen="pick"]').waitFor();
    expect(await text(page, 'pick-w1')).toContain('A角');
    expect(await text(page, 'pick-w1')).toContain('当前无人在岗');
    await shot(page, 'counter-02-pick');
    await signIn(page, 'w1');
    expect(await text(page, 'window-state')).toBe('空闲');
    expect(await text(page, 'top-window')).toContain('1号窗口');
    await expect.poll(() => text(rate, 'rate-officer')).toBe('经办民警 张警官 警号 1001');
    expect(await text(page, 'waiting-count')).toBe('3 人');

    // 叫号: the green-channel window w1 calls in rule order; the first ticket issued is A001.
    await page.getByTestId('act-call-next').click();
    await expect.poll(() => text(page, 'current-number')).toBe('A001');
    // 特呼 is not possible while holding a ticket: finish A001 first, then call E001 by name from the list.
    await page.getByTestId('act-finish').click();
    await page.getByTestId('finish-dialog').waitFor(); // 办结: the own matter, done (Enter)
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'window-state')).toBe('空闲');
    await rate.locator('[data-screen="rate"]').waitFor(); // the rating screen asks about A001
    await page.getByTestId(`special-${number}`).click();
    await expect.poll(() => text(page, 'current-number')).toBe(number);
    expect(await text(page, 'current-service')).toBe('无犯罪记录证明');
    expect(await text(page, 'first-officer')).toContain('张警官');
    expect(await page.getByTestId('materials').innerText()).toContain('居民身份证');
    await shot(page, 'counter-03-calling');
    await page.getByTestId('act-start').click();
    await expect.poll(() => text(page, 'window-state')).toBe('正在办理');
    await shot(page, 'counter-04-serving');
    // A smaller desk monitor: the same screen, nothing cut off.
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'counter-04b-serving-1366');
    await page.setViewportSize({ width: 1600, height: 900 });

    // 一次性告知单 from the current ticket: the matter is preset, tick two items and add a free line.
    await page.getByTestId('act-notice').click();
    await page.getByTestId('notice-dialog').waitFor();
    expect(await text(page, 'notice-matter')).toBe('无犯罪记录证明');
    expect(await text(page, 'notice-officer')).toContain('张警官');
    await page.getByTestId('notice-name').fill('王小明');
    const items = page.locator('.c-notice__items label');
    const first = (await items.nth(0).innerText()).trim();
    const second = (await items.nth(1).innerText()).trim();
    await page.getByTestId('notice-item-0').check();
    await page.getByTestId('notice-item-1').check();
    await page.getByTestId('notice-free-input').fill('近期免冠照片一张');
    await page.getByTestId('notice-free-add').click();
    await shot(page, 'counter-05-notice');
    await page.getByTestId('notice-submit').click();
    await expect
      .poll(() => page.getByTestId('notice-print').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('printed');
    expect(await text(page, 'notice-issued')).toMatch(/^已开具告知单 20261123-001$/);
    await shot(page, 'counter-06-notice-printed');

    await printer!.waitForJobs(1, 5000);
    const slip = decodeEscPos(printer!.jobs[0]!);
    const printed = slip.lines.join('\n');
    expect(printed).toContain('（存根）');
    expect(printed).toContain('（通知联）');
    expect(slip.cuts).toBe(2);
    const [stub, notice] = printed.split('（通知联）');
    for (const part of [stub!, notice!]) {
      expect(part).toContain('王小明');
      expect(part).toContain(first);
      expect(part).toContain(second);
      expect(part).toContain('近期免冠照片一张');
      expect(part).toContain('张警官');
    }
    const stored = await x.api('GET', '/api/notices', undefined, await x.login('9001', '9999'));
    expect(stored.body.notices).toHaveLength(1);
    expect(stored.body.notices[0]).toMatchObject({ citizenName: '王小明', ticketNumber: number, windowId: 'w1' });

    // Today's list, with reprint.
    await page.getByTestId('notice-tab-list').click();
    await page.getByTestId('notice-row-20261123-001').waitFor();
    await page.getByTestId('notice-reprint-20261123-001').click();
    await expect.poll(() => toast(page)).toContain('已重新打印 20261123-001');
    await printer!.waitForJobs(2, 5000);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('notice-dialog').count()).toBe(0);

    // 办结: the rating screen asks about E001 now; the citizen rates 非常满意.
    await page.getByTestId('act-finish').click();
    await page.getByTestId('finish-dialog').waitFor(); // 办结: the own matter, done (Enter)
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'window-state')).toBe('空闲');
    await expect.poll(() => rate.locator('.r-rate__ticket').innerText()).toBe(`号票 ${number}`);
    await shot(rate, 'rate-01-levels');
    await rate.getByTestId('rate-level-5').tap();
    await rate.getByTestId('rate-thanks').waitFor();
    await shot(rate, 'rate-02-thanks');

    const ticketId = [...x.hub.bus.state.tickets.values()].find((t) => t.number === number)!.id;
    await expect.poll(async () => (await x.api('GET', `/api/tickets/${ticketId}`)).body.rating as unknown).toBe(5);
    const rows = x.db.prepare('SELECT ticket_number, window_id, officer_id, level, via FROM ratings').all();
    expect(rows).toEqual([{ ticket_number: number, window_id: 'w1', officer_id: '1001', level: 5, via: 'rater' }]);

    // My day counts from the hub's tables.
    await expect.poll(() => text(page, 'day-served')).toBe('2');
    await expect.poll(() => text(page, 'day-ratings')).toContain('1 人评价');
    await shot(page, 'counter-07-idle-my-day');
  });

  it('a ticket taken online (线上取号): marked not checked in with the time left, the officer confirms arrival', async () => {
    const sms = capturingSms();
    h = await startHub(
      {
        ...demoHall(),
        remote: { enabled: true, graceMinutes: 5, queues: [{ queueId: 'exit-entry', dailyQuota: 20 }] },
      },
      MONDAY_10AM,
      { sendCode: sms.sendCode },
    );
    const x = h;
    const taken = await takeOnlineTicket(x, sms, '13512345678', 'passport');
    expect(taken.status).toBe(201);
    const page = await openCounter(x, '1001');
    await signIn(page, 'w1');
    await page.getByTestId('act-call-next').click();
    await expect.poll(() => text(page, 'current-number')).toBe(taken.body.number);
    expect(await text(page, 'mark-remote')).toBe('线上取号 · 未签到');
    expect(await text(page, 'remote-skip-in')).toMatch(/未签到将于 .* 后自动过号/);
    await shot(page, 'counter-online-ticket');
    await page.getByTestId('confirm-arrival').click();
    await expect.poll(() => text(page, 'mark-remote')).toBe('线上取号 · 已签到');
    expect(await page.getByTestId('confirm-arrival').count()).toBe(0);
    // Confirmed: no longer skipped when the grace minutes pass.
    x.clock.now += 10 * MINUTE;
    const view = await x.api('GET', `/api/tickets/${taken.body.id}`);
    expect(view.body).toMatchObject({ status: 'called', remote: { arrived: true } });
  });

  it('过号重排: a no-show who comes back is put at the end of the line from the 特呼 dialog', async () => {
    const x = await hub();
    const [a1, a2] = await takeTickets(x, ['id-card-renew', 'id-card-renew']);
    const page = await openCounter(x, '1003');
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="work"]').waitFor();
    await page.keyboard.press('F1');
    await expect.poll(() => text(page, 'current-number')).toBe(a1);
    await page.keyboard.press('n');
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => toast(page)).toBe(`${a1} 已过号`);
    await expect.poll(() => text(page, 'window-state')).toBe('空闲');
    x.clock.now += 3 * MINUTE;
    await page.keyboard.press('g');
    await page.getByTestId('special-noshows').waitFor();
    expect(await text(page, 'special-noshows')).toContain('过号重排（过号 30 分钟内）');
    await shot(page, 'counter-reactivate');
    await page.getByTestId(`reactivate-${a1}`).click();
    await expect.poll(() => toast(page)).toBe(`${a1} 已重新排队，前面还有 1 人`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await expect.poll(() => text(page, 'current-number')).toBe(a2);
    await page.keyboard.press('f');
    await page.getByTestId('finish-dialog').waitFor(); // 办结: the own matter, done (Enter)
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'window-state')).toBe('空闲');
    await page.keyboard.press('F1');
    await expect.poll(() => text(page, 'current-number')).toBe(a1);
  });

  it('keyboard only: call, recall, start, notice, finish; no-show with Enter; pause and resume; 特呼', async () => {
    const x = await hub();
    const [a1, a2, a3] = await takeTickets(x, ['id-card-renew', 'id-card-renew', 'id-card-renew']);
    const page = await openCounter(x, '1003');
    await page.keyboard.press('Enter'); // the window pick has the focus on w2's 签到上岗
    await page.locator('[data-screen="work"]').waitFor();
    expect(await text(page, 'top-window')).toContain('2号窗口');

    await page.keyboard.press('F1');
    await expect.poll(() => text(page, 'current-number')).toBe(a1);
    await page.keyboard.press('r');
    await expect.poll(() => text(page, 'act-recall')).toContain('1/3');
    await page.keyboard.press('s');
    await expect.poll(() => text(page, 'window-state')).toBe('正在办理');
    await page.keyboard.press('y');
    await page.getByTestId('notice-dialog').waitFor();
    await page.keyboard.type('李四');
    await page.keyboard.press('Tab'); // the first checklist item
    await page.keyboard.press('Space');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('notice-issued').waitFor();
    // No printer at w2: the slip is stored and the screen says it did not print.
    await expect.poll(() => page.getByTestId('notice-print').getAttribute('data-state')).toBe('failed');
    expect(await text(page, 'notice-print')).toContain('本窗口未配置打印机');
    await page.keyboard.press('Escape');
    await page.keyboard.press('f');
    await page.getByTestId('finish-dialog').waitFor(); // 办结: the own matter, done (Enter)
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'window-state')).toBe('空闲');
    await expect.poll(() => text(page, 'day-served')).toBe('1');
    expect(
      x.hub.bus.state.tickets.get([...x.hub.bus.state.tickets.values()].find((t) => t.number === a1)!.id)?.status,
    ).toBe('done');

    // Space calls too; N asks first, Enter confirms.
    await page.keyboard.press('Space');
    await expect.poll(() => text(page, 'current-number')).toBe(a2);
    await page.keyboard.press('n');
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => toast(page)).toBe(`${a2} 已过号`);
    await expect.poll(() => text(page, 'day-no-shows')).toBe('1');

    // P → 3 (用餐) → Enter pauses; the card turns to 暂停服务; P resumes.
    await page.keyboard.press('p');
    await page.getByTestId('pause-dialog').waitFor();
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'window-state')).toBe('暂停服务');
    expect(await text(page, 'ticket-card')).toContain('原因：用餐');
    await shot(page, 'counter-08-paused');
    await page.keyboard.press('F1'); // not while paused: the screen says why
    await expect.poll(() => toast(page)).toContain('按 P 恢复服务');
    await page.keyboard.press('p');
    await expect.poll(() => text(page, 'window-state')).toBe('空闲');

    // G: 特呼 by typing the number, Enter.
    await page.keyboard.press('g');
    await page.getByTestId('special-dialog').waitFor();
    await page.keyboard.type(a3!.slice(-1));
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'current-number')).toBe(a3);
    // T: transfer with arrows and Enter, to the exit-entry queue.
    await page.keyboard.press('t');
    await page.getByTestId('transfer-dialog').waitFor();
    await page.getByTestId('transfer-queue-exit-entry').check();
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'window-state')).toBe('空闲');
    const moved = [...x.hub.bus.state.tickets.values()].find((t) => t.number === a3)!;
    expect(moved).toMatchObject({ status: 'waiting', queueId: 'exit-entry' });
    expect(moved.transfers).toHaveLength(1);
  });

  it('A/B: A pauses 离岗, B is alerted and takes over with one click; A takes the post back', async () => {
    const x = await hub();
    await takeTickets(x, ['id-card-renew']);
    const a = await openCounter(x, '1001');
    await signIn(a, 'w1');
    const b = await openCounter(x, '1002');
    expect(await text(b, 'pick-w1')).toContain('A角 张警官 在岗');
    await b.getByTestId('pick-w1-standby').click();
    await b.locator('[data-screen="work"][data-window-state="standby"]').waitFor();
    expect(await text(b, 'ab-panel')).toContain('张警官');

    await a.keyboard.press('p');
    await a.getByTestId('pause-away').click();
    expect(await text(a, 'pause-cover')).toBe('将通知B角 李警官 接岗');
    await a.getByTestId('pause-submit').click();
    await expect.poll(() => text(a, 'window-state')).toBe('暂停服务');
    expect(await text(a, 'ticket-card')).toContain('已通知 李警官 接岗');

    const alert = b.getByTestId('cover-alert-w1');
    await alert.waitFor({ timeout: 5000 });
    expect(await alert.innerText()).toContain('请接替 1号窗口');
    expect(await alert.innerText()).toContain('张警官 离岗，该岗位无人值守');
    await shot(b, 'counter-09-ab-alert');
    await b.getByTestId('take-over-w1').click();
    await expect.poll(() => text(b, 'window-state')).toBe('空闲');
    expect(await b.getByTestId('cover-alert-w1').count()).toBe(0);
    expect(x.hub.bus.state.windows.get('w1')?.holder).toMatchObject({ officerId: '1002', role: 'B' });
    await expect.poll(() => toast(a)).toContain('B角 李警官 已接替 1号窗口');
    await b.keyboard.press('F1');
    await expect.poll(() => text(b, 'current-number')).toBe('A001');
    expect(await text(b, 'first-officer')).toContain('李警官');
    await b.keyboard.press('f');
    await b.getByTestId('finish-dialog').waitFor(); // 办结: the own matter, done (Enter)
    await b.keyboard.press('Enter');
    await expect.poll(() => text(b, 'window-state')).toBe('空闲');
    await shot(b, 'counter-10-b-holds');

    // A is back: one click takes the post back; B is told.
    await a.getByTestId('take-back').click();
    await expect.poll(() => text(a, 'window-state')).toBe('空闲');
    expect(x.hub.bus.state.windows.get('w1')?.holder).toMatchObject({ officerId: '1001', role: 'A' });
    await expect.poll(() => text(b, 'window-state')).toBe('待命');
  });

  it('says why: before opening the hub refuses 叫号; nothing waiting is 暂无等候; offline sends nothing, then reconnects', async () => {
    const x = await hub({ start: MONDAY_10AM - 75 * MINUTE, tokenTtlMs: 3 * 3600_000 }); // 08:45
    const page = await openCounter(x, '1005');
    await signIn(page, 'w3');
    await expect.poll(() => text(page, 'signin-chip')).toBe('已签到上岗 08:45，比开门提前 15 分钟');
    await page.keyboard.press('F1');
    await expect.poll(() => toast(page)).toBe('操作未完成：不在服务时间内');
    expect(await page.getByTestId('toast').getAttribute('data-tone')).toBe('error');
    await shot(page, 'counter-11-hub-error');

    x.clock.now = MONDAY_10AM;
    await page.getByTestId('act-call-next').click();
    await expect.poll(() => toast(page)).toBe('暂无等候：本窗口可办理的队列里没有人');

    // The hub goes away: a red banner, the screen greyed, a key press sends nothing and says so.
    const port = Number(new URL(x.url).port);
    await x.hub.close();
    await page.getByTestId('link-banner').waitFor({ timeout: 10_000 });
    expect(await text(page, 'link-banner')).toContain('与服务器的连接已中断');
    expect(await text(page, 'window-state')).toBe('连接中断'); // never the last known state as if live
    await page.keyboard.press('F1');
    await expect.poll(() => toast(page)).toContain('未连接服务器');
    await shot(page, 'counter-12-offline');

    // Back on the same port: the counter reconnects by itself, live again, still signed in.
    x.hub = createHub({
      config: parseHallConfig(demoHall(), { pinCost: 1024 }),
      db: x.db,
      clock: () => x.clock.now,
      newId: () => `r${Date.now()}`,
      log: () => undefined,
    });
    await x.hub.listen(port);
    await expect.poll(() => page.getByTestId('link-banner').count(), { timeout: 15_000 }).toBe(0);
    expect(await text(page, 'window-state')).toBe('空闲');
    await page.keyboard.press('F1');
    await expect.poll(() => toast(page)).toBe('暂无等候：本窗口可办理的队列里没有人');
  });

  it('an expired session goes back to the login screen and says so', async () => {
    const x = await hub({ tokenTtlMs: 10 * MINUTE });
    const page = await openCounter(x, '1005');
    await signIn(page, 'w3');
    x.clock.now += 11 * MINUTE;
    await page.keyboard.press('F1');
    await page.locator('[data-screen="login"]').waitFor({ timeout: 10_000 });
    expect(await text(page, 'login-note')).toContain('登录已过期');
    await shot(page, 'counter-13-expired');
  });

  it('退出登录 tells the hub: the token is revoked and its socket closed, not only forgotten by the page', async () => {
    const x = await hub();
    const page = await openCounter(x, '1005');
    await signIn(page, 'w3');
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('yichuang.counter.session') ?? '{}') as { token?: string }).token ?? '',
    );
    expect((await x.api('GET', '/api/hall', undefined, token)).status).toBe(200);
    expect(x.hub.io.sockets.sockets.size).toBeGreaterThan(0);

    await page.getByTestId('logout').click();
    await page.getByTestId('confirm-ok').waitFor();
    await shot(page, 'counter-15-logout-confirm');
    await page.getByTestId('confirm-ok').click(); // 签退 + 退出登录
    await page.locator('[data-screen="login"]').waitFor();
    expect(x.hub.bus.state.windows.get('w3')?.holder).toBeNull();
    expect((await x.api('GET', '/api/hall', undefined, token)).status).toBe(401);
    await expect
      .poll(() => [...x.hub.io.sockets.sockets.values()].filter((s) => s.data.bearer === token).length)
      .toBe(0);
    await shot(page, 'counter-16-logged-out');
  });

  it('English toggle', async () => {
    const x = await hub();
    await takeTickets(x, ['passport']);
    const page = await openCounter(x, '1007');
    await page.getByTestId('toggle-lang').click();
    await signIn(page, 'w4');
    await page.keyboard.press('F1');
    await expect.poll(() => text(page, 'window-state')).toBe('Calling');
    expect(await text(page, 'act-call-next')).toContain('Call next');
    await shot(page, 'counter-14-english');
  });
});
