import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { FakePrinter } from '@yichuang/printer';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { MONDAY_10AM, startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { openConsole as signInToConsole } from '../support/console-login.ts';

/** Build first: `npx tsx scripts/build-apps.ts manager` (the hub serves apps/manager/dist). */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));
const MINUTE = 60_000;
/** Screens that never connect in these tests would raise device alerts after a minute; not the subject here. */
const QUIET_DEVICES = { deviceGraceMs: 24 * 60 * MINUTE };
/** Monday 2026-11-23 at a Shanghai wall-clock time. */
const monday = (h: number, m: number): number => Date.UTC(2026, 10, 23, h - 8, m);

let browser: Browser;
let h: Harness | null = null;
const printers: FakePrinter[] = [];
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
      for (const [j, p] of c.pages().entries())
        await shot(p, `failed-live-${ctx.task.name.slice(0, 24).replace(/[^\w\u4e00-\u9fff]+/g, '-')}-${i}-${j}`);
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
  for (const p of printers.splice(0)) await p.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The console at `viewport`, signed in as the hall manager, on the live page. */
async function openConsole(
  x: Harness,
  viewport = { width: 1920, height: 1080 },
  manager: [string, string] = ['m1', '9999'],
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await signInToConsole(page, x.url, { officerId: manager[0], pin: manager[1] });
  await page.getByTestId('window-tiles').waitFor();
  await expect.poll(() => page.getByTestId('link-state').innerText()).toBe('已连接');
  return page;
}

async function fakePrinter(state: Parameters<FakePrinter['setState']>[0] = {}): Promise<FakePrinter> {
  const p = new FakePrinter();
  await p.setState(state);
  await p.start();
  printers.push(p);
  return p;
}

const text = (page: Page, testId: string): Promise<string> => page.getByTestId(testId).innerText();
const toast = (page: Page): Promise<string> => page.getByTestId('toast').innerText();
const alertOf = (page: Page, kind: string, windowId = 'w4') =>
  page.locator(`[data-testid="alert"][data-kind="${kind}"][data-window="${windowId}"]`);

let seq = 0;
async function take(x: Harness, serviceId: string, key = 'kiosk-1-secret', extra: object = {}): Promise<string> {
  const res = await x.api('POST', '/api/tickets', { requestId: `take-${++seq}`, serviceId, ...extra }, key);
  if (res.status !== 201) throw new Error(`take ${serviceId}: ${JSON.stringify(res.body)}`);
  return res.body.number as string;
}

async function signIn(x: Harness, officerId: string, windowId: string, pin?: string): Promise<string> {
  const token = await x.login(officerId, pin);
  const res = await x.api('POST', `/api/windows/${windowId}/sign-in`, {}, token);
  if (res.status !== 200) throw new Error(`sign-in ${officerId}: ${JSON.stringify(res.body)}`);
  return token;
}

async function windowCmd(x: Harness, token: string, windowId: string, verb: string, body: object = {}): Promise<any> {
  const res = await x.api(
    'POST',
    `/api/windows/${windowId}/${verb}`,
    { requestId: `${verb}-${++seq}`, ...body },
    token,
  );
  if (res.status !== 200) throw new Error(`${verb} at ${windowId}: ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('manager console: live hall', () => {
  it('follows a real officer: sign-in, a call within a second, service time ticking, a pause', async () => {
    h = await startHub(testHallConfig(), MONDAY_10AM, QUIET_DEVICES);
    const page = await openConsole(h);
    expect(await text(page, 'tile-w1-state')).toBe('无人在岗');

    const a1 = await signIn(h, 'a1', 'w1');
    await expect.poll(() => text(page, 'tile-w1-state')).toBe('空闲');
    expect(await text(page, 'tile-w1-holder')).toMatch(/甲1\s*A角/);

    const number = await take(h, 'cert');
    await expect.poll(() => text(page, 'queue-quick-waiting')).toBe('1 人');
    await windowCmd(h, a1, 'w1', 'call-next');
    await expect.poll(() => text(page, 'tile-w1-state'), { timeout: 1000, interval: 50 }).toBe('呼叫中');
    expect(await text(page, 'tile-w1-ticket')).toBe(number);
    expect(number).toBe('A001');
    await expect.poll(() => text(page, 'queue-quick-waiting')).toBe('0 人');

    await windowCmd(h, a1, 'w1', 'start');
    await expect.poll(() => text(page, 'tile-w1-state')).toBe('办理中');
    const first = await text(page, 'tile-w1-timer');
    expect(first).toMatch(/^已办理 \d+ 秒$/);
    // The service time ticks on the page by itself, with no event from the hub.
    await expect.poll(() => text(page, 'tile-w1-timer'), { timeout: 3000 }).not.toBe(first);

    await windowCmd(h, a1, 'w1', 'finish');
    await windowCmd(h, a1, 'w1', 'pause', { reason: 'meal', note: '午饭' });
    await expect.poll(() => text(page, 'tile-w1-state')).toBe('暂停服务');
    expect(await page.getByTestId('tile-w1').innerText()).toContain('用餐 · 已');
    expect(await page.getByTestId('tile-w1').innerText()).toContain('午饭');
  });

  it('raises a loud alert for a post left empty at opening, lists it until acknowledged, shows ended ones', async () => {
    h = await startHub(testHallConfig({ hours: 'weekdays' }), monday(8, 55), QUIET_DEVICES);
    const page = await openConsole(h);
    // Every post is still unstaffed when the hub first looks; then three officers arrive.
    await expect.poll(() => alertOf(page, 'not-signed-in', 'w1').count()).toBe(1);
    for (const i of [1, 2, 3]) await signIn(h, `a${i}`, `w${i}`);

    // 提前10分钟上岗: five minutes before opening nobody is at 4号窗口 yet: a warning, not the alarm.
    await expect.poll(() => alertOf(page, 'not-signed-in').getAttribute('data-look')).toBe('warning');
    expect(await page.getByTestId('alarm-strip').count()).toBe(0);
    expect(await text(page, 'hall-phase')).toBe('未开门 · 09:00 开门');

    // The hub's clock jumps past opening; the empty post starts at the first tick that sees it.
    h.clock.now = monday(9, 1);
    await expect.poll(() => page.getByTestId('alarm-strip').innerText()).toContain('4号窗口 无人在岗');
    await expect.poll(() => alertOf(page, 'empty-post').getAttribute('data-look')).toBe('critical');
    expect(await alertOf(page, 'empty-post').innerText()).toMatch(/09:01 发生\s*4号窗口/);
    expect(await text(page, 'tile-w4-state')).toBe('无人在岗');
    expect(await text(page, 'tile-w4-empty')).toMatch(/^空岗 09:01 起 · 已 \d/);
    // The early warning ended when the hall opened; it stays listed as ended until acknowledged.
    await expect.poll(() => alertOf(page, 'not-signed-in').getAttribute('data-look')).toBe('ended');
    expect(await alertOf(page, 'not-signed-in').innerText()).toContain('已恢复');
    expect(await text(page, 'alert-counts')).toBe('严重 1 · 提醒 0');
    await shot(page, 'manager-live-alert-1920');

    await alertOf(page, 'empty-post').getByTestId('alert-ack').click();
    await expect.poll(() => toast(page)).toContain('已确认告警：4号窗口 无人在岗');
    await expect.poll(() => page.getByTestId('alarm-strip').count()).toBe(0);
    await expect.poll(() => alertOf(page, 'empty-post').getAttribute('data-look')).toBe('acknowledged');
    const stored = h.db.prepare("SELECT acknowledged_by FROM alerts WHERE kind = 'empty-post'").get() as {
      acknowledged_by: string;
    };
    expect(stored.acknowledged_by).toBe('officer:m1');

    await alertOf(page, 'not-signed-in').getByTestId('alert-ack').click();
    await expect.poll(() => alertOf(page, 'not-signed-in').count()).toBe(0);
    // The other windows' early warnings ended as their officers signed in: acknowledged in one go.
    expect(await page.locator('[data-testid="alert"][data-look="ended"]').count()).toBe(3);
    await page.getByTestId('alert-ack-ended').click();
    await expect.poll(() => toast(page)).toBe('已确认 3 条已恢复的告警');
    await expect.poll(() => page.locator('[data-testid="alert"][data-look="ended"]').count()).toBe(0);
    // Someone takes the post: the acknowledged alert ends and leaves the list.
    await signIn(h, 'a4', 'w4');
    await expect.poll(() => text(page, 'tile-w4-state')).toBe('空闲');
    await expect.poll(() => text(page, 'alert-panel')).toContain('当前没有告警');
  });

  it('changes the queues a window serves from the dialog: the hub refuses leaving a queue unserved, then accepts', async () => {
    h = await startHub(testHallConfig({ windows: 2 }), MONDAY_10AM, QUIET_DEVICES);
    const page = await openConsole(h);
    expect(await text(page, 'tile-w1-queues')).toBe('业务：全部业务（一窗通办）');

    // w1 is the only window for 大业务: taking it away is refused, and the toast says why.
    await page.getByTestId('tile-w1-queues-btn').click();
    await page.getByTestId('queues-some').check();
    await page.getByTestId('queues-pick-long').uncheck();
    expect(await text(page, 'queues-uncovered')).toContain('大业务');
    // 2号窗口 is set to serve 小业务 too, but nobody is at it: the dialog says so rather than "在办".
    expect(await text(page, 'queues-hint-quick')).toBe('其他可办窗口：2号窗口（无人在岗），现在都没有人办理');
    expect(await text(page, 'queues-hint-long')).toBe('只有本窗口办理');
    await shot(page, 'manager-live-queues-dialog');
    await page.getByTestId('queues-save').click();
    await expect.poll(() => toast(page)).toBe('未能调整 1号窗口 的业务：没有窗口办理「大业务」');
    expect(h.hub.bus.config.windows.find((w) => w.id === 'w1')?.queues).toBe('all');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('queues-dialog').count()).toBe(0);

    // 2号窗口 switches from 小业务 to 大业务 (balancing): accepted and in force at once.
    await page.getByTestId('tile-w2-queues-btn').click();
    await page.getByTestId('queues-pick-long').check();
    await page.getByTestId('queues-pick-quick').uncheck();
    await page.getByTestId('queues-save').click();
    await expect.poll(() => toast(page)).toBe('2号窗口 现在办理：大业务');
    await expect.poll(() => page.getByTestId('queues-dialog').count()).toBe(0);
    await expect.poll(() => text(page, 'tile-w2-queues')).toBe('业务：大业务');

    const a2 = await signIn(h, 'a2', 'w2');
    expect(await take(h, 'cert')).toBe('A001');
    expect(await take(h, 'idcard')).toBe('B001');
    const called = await windowCmd(h, a2, 'w2', 'call-next');
    expect(called.ticket.number).toBe('B001');
    await expect.poll(() => text(page, 'tile-w2-ticket')).toBe('B001');

    // Closing a window an officer holds is refused; an empty one closes and opens again.
    await page.getByTestId('tile-w2-open-btn').click();
    expect(await page.getByTestId('close-window-dialog').innerText()).toContain('甲2 正在本窗口在岗');
    await page.getByTestId('close-window-confirm').click();
    await expect.poll(() => toast(page)).toBe('未能关闭 2号窗口：2号窗口 有民警在岗，请先签退');
    await page.keyboard.press('Escape');
    await page.getByTestId('tile-w1-open-btn').click();
    await page.getByTestId('close-window-confirm').click();
    await expect.poll(() => toast(page)).toBe('1号窗口 已关闭');
    await expect.poll(() => text(page, 'tile-w1-state')).toBe('未开放');
    await page.getByTestId('tile-w1-open-btn').click();
    await expect.poll(() => toast(page)).toBe('1号窗口 已开放');
    await expect.poll(() => text(page, 'tile-w1-state')).toBe('无人在岗');
  });

  it('sends the notice line to the displays, and refuses a line that is too long before sending', async () => {
    h = await startHub(testHallConfig(), MONDAY_10AM, QUIET_DEVICES);
    const page = await openConsole(h);
    await page.getByTestId('open-notices').click();
    await page.getByTestId('notice-line-text').fill('本大厅周六上午照常办公\n\n  办理出入境证件请提前预约  ');
    await shot(page, 'manager-live-notice-dialog');
    await page.getByTestId('notice-line-save').click();
    await expect.poll(() => toast(page)).toBe('显示屏通知已更新，共 2 条');
    expect(h.hub.bus.config.display.notices).toEqual(['本大厅周六上午照常办公', '办理出入境证件请提前预约']);

    // A display sees it: its snapshot carries the new line.
    const display = await h.connect({ key: 'display-1-secret' });
    expect(display.mirror.config?.display.notices).toEqual(['本大厅周六上午照常办公', '办理出入境证件请提前预约']);

    await page.getByTestId('open-notices').click();
    await expect
      .poll(() => page.getByTestId('notice-line-text').inputValue())
      .toBe('本大厅周六上午照常办公\n办理出入境证件请提前预约');
    await page.getByTestId('notice-line-text').fill(`短的一条\n${'长'.repeat(201)}`);
    expect(await text(page, 'notice-line-problems')).toBe('第 2 条有 201 字，超过 200 字');
    expect(await page.getByTestId('notice-line-save').isDisabled()).toBe(true);
  });

  it('carries waiting tickets over only after closing (延时服务): ticked ones leave the queue for tomorrow', async () => {
    h = await startHub(testHallConfig({ hours: 'weekdays' }), monday(16, 50), QUIET_DEVICES);
    const page = await openConsole(h);
    const numbers = [await take(h, 'cert'), await take(h, 'cert'), await take(h, 'idcard')];
    expect(numbers).toEqual(['A001', 'A002', 'B001']);

    await page.getByTestId('open-carry-over').click();
    await expect
      .poll(() => text(page, 'carry-over-refused'))
      .toContain('现在是营业时间（09:00–17:00），群众仍可取号办理');
    expect(await page.getByTestId('carry-over-confirm').count()).toBe(0);
    await page.keyboard.press('Escape');

    // 17:05: the hall is in its 30 minutes of extended service.
    h.clock.now = monday(17, 5);
    await expect.poll(() => text(page, 'hall-phase')).toBe('延时服务中 · 至 17:30');
    await page.getByTestId('open-carry-over').click();
    await page.getByTestId('carry-over-pick-A002').uncheck();
    await page.getByTestId('carry-over-window').selectOption('w2');
    expect(await text(page, 'carry-over-confirm')).toBe('顺延 2 张号票');
    await shot(page, 'manager-live-carry-over');
    await page.getByTestId('carry-over-confirm').click();
    await expect.poll(() => toast(page)).toBe('已顺延 2 张号票至 11月24日星期二，在 2号窗口 优先办理');
    await expect.poll(() => text(page, 'queue-quick-waiting')).toBe('1 人');
    expect(await text(page, 'queue-long-waiting')).toBe('0 人');
    const byNumber = new Map([...h.hub.bus.state.tickets.values()].map((t) => [t.number, t]));
    expect(byNumber.get('A001')).toMatchObject({ status: 'carried', targetWindowId: 'w2', carriedToDay: '2026-11-24' });
    expect(byNumber.get('B001')?.status).toBe('carried');
    expect(byNumber.get('A002')?.status).toBe('waiting');
  });

  it('finds and reprints a ticket (on a printer of choice when its kiosk has none) and a notice slip', async () => {
    const printer = await fakePrinter();
    const base = testHallConfig();
    const config: HallConfigInput = {
      ...base,
      printers: [{ id: 'p1', uri: printer.uri, paperWidthMm: 80 }],
      devices: (base.devices ?? []).map((d) => (d.id === 'kiosk-1' ? { ...d, printer: 'p1' } : d)),
      windows: base.windows.map((w) => (w.id === 'w1' ? { ...w, printer: 'p1' } : w)),
    };
    h = await startHub(config, MONDAY_10AM, QUIET_DEVICES);
    expect(await take(h, 'cert')).toBe('A001');
    await printer.waitForJobs(1);
    expect(await take(h, 'cert', 'kiosk-2-secret')).toBe('A002');
    const a1 = await signIn(h, 'a1', 'w1');
    const notice = await h.api(
      'POST',
      '/api/notices',
      { citizenName: '张三', serviceId: 'cert', missing: ['申请表'] },
      a1,
    );
    expect(notice.status).toBe(201);
    await printer.waitForJobs(2);

    const page = await openConsole(h);
    await page.getByTestId('open-reprint').click();
    await page.getByTestId('rp-ticket-number').fill('a00');
    await page.getByTestId('rp-ticket-find').click();
    await expect.poll(() => page.locator('[data-testid="rp-ticket-rows"] tbody tr').count()).toBe(2);
    await page.getByTestId('rp-ticket-A002-reprint').click();
    await expect.poll(() => toast(page)).toBe('未能补打：该号票的取号机没有打印机，请指定打印机');
    await page.getByTestId('rp-ticket-printer').selectOption('p1');
    await shot(page, 'manager-live-reprint');
    await page.getByTestId('rp-ticket-A002-reprint').click();
    await expect.poll(() => toast(page)).toBe('已补打号票 A002（1号取号机、1号窗口共用打印机）');
    await printer.waitForJobs(3);

    await page.getByTestId('rp-tab-notices').click();
    await page.getByTestId('rp-notice-find').click();
    await expect.poll(() => text(page, 'rp-notice-20261123-001-prints')).toBe('1');
    expect(await text(page, 'rp-notice-20261123-001')).toContain('张三');
    await page.getByTestId('rp-notice-20261123-001-reprint').click();
    await expect.poll(() => toast(page)).toBe('已补打告知单 20261123-001');
    await expect.poll(() => text(page, 'rp-notice-20261123-001-prints')).toBe('2');
    await printer.waitForJobs(4);
  });

  it('looks right on the demo hall at 1920×1080 and 1366×768, in Chinese and English', async () => {
    const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput & {
      officers: { id: string; pin?: string }[];
    };
    const pin = (id: string): string => demo.officers.find((o) => o.id === id)?.pin ?? '1234';
    const faults: Record<string, Parameters<FakePrinter['setState']>[0]> = {
      'kiosk-2': { paperLow: true },
      'counter-4': { paperOut: true },
    };
    const hallPrinters = await Promise.all(
      (demo.printers ?? []).map(async (p) => ({ ...p, uri: (await fakePrinter(faults[p.id] ?? {})).uri })),
    );
    h = await startHub(
      {
        ...demo,
        printers: hallPrinters,
        windows: demo.windows.map((w) => (w.id === 'w8' ? { ...w, open: false } : w)),
        display: { notices: ['办理出入境证件请提前预约'] },
        // The test issues a morning's tickets in a few real seconds.
        kiosk: { ticketsPerMinute: 1000 },
        // A city tier that cannot be reached (nothing listens on port 9): the hall works on, the panel says so.
        city: { url: 'http://127.0.0.1:9', hallId: 'qijiang', hallKey: 'demo-hall-key-0123456789', intervalMs: 200 },
      },
      monday(8, 40),
    );
    const x = h;
    await x.connect({ key: 'demo-kiosk-1-key' });
    await x.connect({ key: 'demo-display-1-key' });

    const at = new Map<string, string>();
    for (const [officer, windowId] of [
      ['1001', 'w1'],
      ['1003', 'w2'],
      ['1005', 'w3'],
      ['1007', 'w4'],
      ['1009', 'w5'],
      ['1014', 'w7'],
    ] as const)
      at.set(windowId, await signIn(x, officer, windowId, pin(officer)));

    const services = ['id-card-renew', 'hukou-migration', 'passport', 'license-renewal', 'no-criminal-record'];
    x.clock.now = monday(9, 2);
    for (let i = 0; i < 26; i++) {
      x.clock.now += 2 * MINUTE;
      await take(x, services[i % services.length]!, 'demo-kiosk-1-key', i === 9 ? { green: 'elderly' } : {});
    }
    const token = (w: string): string => at.get(w)!;
    for (const w of ['w1', 'w3', 'w4']) {
      await windowCmd(x, token(w), w, 'call-next');
      await windowCmd(x, token(w), w, 'start');
    }
    x.clock.now += 3 * MINUTE;
    await windowCmd(x, token('w2'), 'w2', 'call-next');
    await windowCmd(x, token('w5'), 'w5', 'pause', { reason: 'meeting', note: '科室例会' });
    x.clock.now += 4 * MINUTE;
    await windowCmd(x, token('w7'), 'w7', 'call-next');
    await windowCmd(x, token('w7'), 'w7', 'no-show');

    const page = await openConsole(x, { width: 1920, height: 1080 }, ['9001', '9999']);
    await expect.poll(() => text(page, 'tile-w6-state')).toBe('无人在岗');
    await expect.poll(() => text(page, 'printer-counter-4')).toContain('缺纸');
    await expect.poll(() => text(page, 'printer-kiosk-2')).toContain('纸将用尽');
    expect(await text(page, 'device-kiosk-1')).toContain('在线');
    await expect.poll(() => text(page, 'city-link'), { timeout: 10_000 }).toMatch(/数据上报.*连不上，待上报 \d+ 条/s);
    expect(await text(page, 'tile-w8-state')).toBe('未开放');
    // Devices and printers by what and where they are, never by their ids.
    expect(await text(page, 'device-kiosk-1')).toContain('1号取号机');
    expect(await text(page, 'device-rater-w1')).toContain('1号窗口评价屏');
    expect(await text(page, 'printer-counter-4')).toContain('4号窗口打印机');
    expect(await text(page, 'printer-kiosk-2')).toContain('2号取号机打印机');
    const panel = await text(page, 'device-panel');
    for (const id of ['kiosk-1', 'kiosk-2', 'counter-1', 'counter-4', 'display-1', 'rater-w1'])
      expect(panel, id).not.toContain(id);
    await expect
      .poll(() => page.locator('[data-testid="alert"][data-kind="printer-fault"]').allInnerTexts())
      .toContainEqual(expect.stringContaining('4号窗口打印机 缺纸'));
    expect((await page.getByTestId('alert-panel').innerText()).includes('counter-4')).toBe(false);
    await shot(page, 'manager-live-1920');
    // The tiles at full size, to read their small print.
    await page.getByTestId('window-tiles').screenshot({ path: join(SCREENSHOT_DIR, 'manager-live-tiles-1920.png') });

    // 调整业务 of 1号窗口: who else serves each queue, and whether anyone is there now.
    await page.getByTestId('tile-w1-queues-btn').click();
    await page.getByTestId('queues-some').check();
    expect(await text(page, 'queues-hint-hukou-quick')).toBe('其他可办窗口：2号窗口（在岗）、3号窗口（在岗）');
    expect(await text(page, 'queues-hint-vehicle')).toBe(
      '其他可办窗口：5号窗口（暂停服务）、6号窗口（无人在岗），现在都没有人办理',
    );
    expect(await page.getByTestId('queues-dialog').innerText()).not.toContain('在办');
    await shot(page, 'manager-live-queues-dialog-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'manager-live-queues-dialog-1366');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('queues-dialog').count()).toBe(0);
    await shot(page, 'manager-live-1366');
    await page.locator('.m-main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shot(page, 'manager-live-1366-bottom');
    await page.locator('.m-main').evaluate((el) => el.scrollTo(0, 0));

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => text(page, 'tile-w6-state')).toBe('Nobody on duty');
    await shot(page, 'manager-live-1366-en');
    await page.getByTestId('open-carry-over').click();
    await expect.poll(() => text(page, 'carry-over-refused')).toContain('The hall is open (09:00–17:00)');
    await shot(page, 'manager-live-1366-en-carry-refused');
  });
});
