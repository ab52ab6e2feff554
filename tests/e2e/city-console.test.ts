import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePrinter } from '@yichuang/printer';
import { openPglite, type CityDb } from '../../apps/city/src/city-db.ts';
import { createCityServer, type CityServer } from '../../apps/city/src/city-server.ts';
import { hashPassword } from '../../apps/city/src/http/staff-passwords.ts';
import { prepareCity } from '../../apps/city/src/ingest.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { cityConfigFor } from '../support/city-harness.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Build first: `npm run build:apps -- city-console` (the city serves apps/city-console/dist at /city/). */

const KIOSK = 'kiosk-1-secret';
const ids = ['hall-1', 'hall-2'];
const base = cityConfigFor(ids);

let browser: Browser;
let db: CityDb;
let city: CityServer;
let cityUrl: string;
const cityClock = { offset: 0 };
const hubs: Harness[] = [];
const pageErrors: string[] = [];
let printer: FakePrinter;

async function until(cond: () => Promise<boolean> | boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const acked = async (): Promise<boolean> => {
  const rows = await db.query<{ acked_seq: number }>('SELECT acked_seq FROM halls ORDER BY hall_id');
  const profiles = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM city_hall_profiles');
  return profiles[0]!.n === 2 && rows.every((r, i) => r.acked_seq === hubs[i]!.hub.bus.lastSeq);
};

async function open(viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport, locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(8000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${cityUrl}/city/`);
  await page.locator('[data-screen="login"]').waitFor();
  return page;
}

async function signIn(page: Page, id: string, password: string): Promise<void> {
  await page.getByTestId('login-id').fill(id);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

const shot = (page: Page, name: string, fullPage = false): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `city-${name}.png`), fullPage });
const tile = (page: Page, hallId: string) => page.getByTestId(`hall-${hallId}`);

beforeAll(async () => {
  browser = await launchBrowser();
  const config = {
    ...base.config,
    name: '重庆市公安局 · 政务服务',
    staff: [
      { name: '市局值班 刘科长', id: 'duty', passwordHash: await hashPassword('city-duty-2026'), hallId: null },
      { name: '南岸大厅 周主任', id: 'nanan', passwordHash: await hashPassword('nanan-hall-2026'), hallId: 'hall-2' },
    ],
  };
  db = await openPglite();
  await prepareCity(db, config.halls);
  city = createCityServer({ db, config, clock: () => Date.now() + cityClock.offset, log: () => undefined });
  cityUrl = await city.listen(0);
  printer = new FakePrinter();
  await printer.setState({ paperOut: true });
  await printer.start();
  for (const id of ids) {
    const hall = testHallConfig({ windows: 4 });
    hubs.push(
      await startHub({
        ...hall,
        hall: {
          ...hall.hall,
          name: id === 'hall-1' ? '綦江区公安局政务服务大厅' : '南岸区出入境接待大厅',
          address: '文龙街道 1 号',
        },
        ...(id === 'hall-1' && { printers: [{ id: 'kiosk-1', uri: printer.uri }] }),
        city: { url: cityUrl, hallId: id, hallKey: base.keys.get(id)!, intervalMs: 100, timeoutMs: 2000 },
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  for (const h of hubs) await h.close();
  await city.close();
  await db.close();
  await printer.stop();
  await browser.close();
});

describe('the city console (/city/)', () => {
  it('shows every hall live, marks a hall whose link is down, and drills into a hall read-only', async () => {
    const [h1, h2] = hubs as [Harness, Harness];
    // 綦江: four tickets; 1号窗口 serves the first, 2号窗口 is paused for a meal.
    for (let i = 0; i < 4; i++)
      await h1.api('POST', '/api/tickets', { requestId: `k1-${i}`, serviceId: 'cert' }, KIOSK);
    const a1 = await h1.login('a1');
    const a2 = await h1.login('a2');
    await h1.api('POST', '/api/windows/w1/sign-in', {}, a1);
    const called = await h1.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await h1.api('POST', '/api/windows/w1/start', {}, a1);
    await h1.api('POST', '/api/windows/w2/sign-in', {}, a2);
    await h1.api('POST', '/api/windows/w2/pause', { reason: 'meal' }, a2);
    // 南岸: two tickets waiting, nobody at a window yet.
    for (let i = 0; i < 2; i++)
      await h2.api('POST', '/api/tickets', { requestId: `k2-${i}`, serviceId: 'idcard' }, KIOSK);
    await until(acked, 'the city to hold both logs and profiles');
    await until(
      async () => (await db.query('SELECT 1 FROM city_printers WHERE hall_id = $1', ['hall-1'])).length === 1,
      'the printer status',
    );

    const page = await open();
    await signIn(page, 'duty', 'wrong-password');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('账号或密码错误');
    await signIn(page, 'duty', 'city-duty-2026');
    await page.getByTestId('hall-grid').waitFor();
    expect(await page.getByTestId('city-name').innerText()).toBe('重庆市公安局 · 政务服务');
    expect(await page.getByTestId('who').innerText()).toBe('市局值班 刘科长');

    const t1 = tile(page, 'hall-1');
    await expect.poll(() => t1.getByTestId('waiting').innerText()).toContain('3');
    expect(await t1.getByTestId('staffed').innerText()).toContain('2 / 4');
    expect(await t1.getByTestId('paused').innerText()).toBe('暂停 1');
    expect(await t1.getByTestId('printer-faults').innerText()).toBe('打印机故障 1');
    expect(await t1.getAttribute('data-open')).toBe('open');
    const t2 = tile(page, 'hall-2');
    expect(await t2.getByTestId('waiting').innerText()).toContain('2');
    expect(await t2.getByTestId('staffed').innerText()).toContain('0 / 4');
    expect(await page.getByTestId('total-waiting').innerText()).toContain('5');

    // A new ticket at a hall is on the console within two seconds.
    const before = Date.now();
    await h2.api('POST', '/api/tickets', { requestId: 'k2-late', serviceId: 'idcard' }, KIOSK);
    await expect.poll(() => t2.getByTestId('waiting').innerText(), { timeout: 2000 }).toContain('3');
    expect(Date.now() - before).toBeLessThan(2000);
    await shot(page, 'overview-1920');

    // 南岸's link goes down (its outbox stops); two minutes later the console says so. 綦江 keeps pushing.
    await h2.hub.cityPush.stop();
    cityClock.offset += 2 * 60_000;
    await h1.api('POST', '/api/tickets', { requestId: 'k1-late', serviceId: 'cert' }, KIOSK);
    await expect.poll(() => t2.getAttribute('data-link')).toBe('down');
    expect(await t2.getByTestId('last-heard').innerText()).toMatch(/失联 2 分 \d+ 秒 · 最后联系 \d\d:\d\d/);
    await expect.poll(() => t1.getAttribute('data-link')).toBe('up');
    expect(await page.getByTestId('total-alerts').innerText()).toContain('1 个失联');
    await shot(page, 'overview-link-down-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'overview-1366');

    // Into 綦江: windows, queues, the last call, its printer and alerts, read-only.
    await t1.click();
    await page.getByTestId('page-hall').waitFor();
    expect(await page.getByTestId('hall-name').innerText()).toBe('綦江区公安局政务服务大厅');
    const number = (called.body as { ticket: { number: string } }).ticket.number;
    await expect.poll(() => page.getByTestId('window-w1').getAttribute('data-state')).toBe('serving');
    expect(await page.getByTestId('window-w1').innerText()).toContain(`办理中 ${number}`);
    expect(await page.getByTestId('window-w2').innerText()).toContain('暂停服务（');
    // Nobody signed in at 3号窗口 during opening hours: an empty post, as the hall itself says.
    expect(await page.getByTestId('window-w3').getAttribute('data-state')).toBe('empty');
    expect(await page.getByTestId('window-w3').innerText()).toContain('无人在岗');
    expect(await page.getByTestId('calls').innerText()).toContain(number);
    expect(await page.getByTestId('printer-kiosk-1').innerText()).toContain('缺纸');
    expect(await page.locator('[data-kind="printer-fault"]').innerText()).toContain('kiosk-1');
    expect(await page.getByTestId('read-only').innerText()).toContain('只读');
    expect(await page.locator('[data-testid="page-hall"] button').allInnerTexts()).toEqual(['← 返回全市总览']);
    await shot(page, 'hall-1366', true);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'hall-1920');
    // A reload keeps the session and the page.
    await page.reload();
    await page.getByTestId('windows').waitFor();
    await page.getByTestId('back').click();
    await page.getByTestId('hall-grid').waitFor();
    await page.getByTestId('logout').click();
    await page.locator('[data-screen="login"]').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('统计报表: each hall’s numbers and the city’s sum over chosen days, charts, low ratings, CSV', async () => {
    const own: { totals: { issued: number } }[] = [];
    for (const h of hubs)
      own.push(
        (await h.api('GET', '/api/reports/daily?date=2026-11-23', undefined, await h.login('m1'))).body as never,
      );
    const page = await open({ width: 1920, height: 1080 });
    await signIn(page, 'duty', 'city-duty-2026');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('page-reports').waitFor();
    await page.getByTestId('rep-from').fill('2026-11-23');
    await page.getByTestId('rep-to').fill('2026-11-23');
    await page.getByTestId('rep-run').click();
    const total = page.getByTestId('rep-total');
    const issued = own.reduce((n, r) => n + r.totals.issued, 0);
    await expect.poll(() => total.locator('[data-col="issued"]').innerText()).toBe(String(issued));
    for (const [i, id] of ids.entries())
      expect(await page.getByTestId(`rep-${id}`).locator('[data-col="issued"]').innerText()).toBe(
        String(own[i]!.totals.issued),
      );
    expect(await page.getByTestId('chart-wait').locator('rect').count()).toBe(2);
    await shot(page, 'reports-1920', true);
    const download = page.waitForEvent('download');
    await page.getByTestId('rep-csv').click();
    expect((await download).suggestedFilename()).toBe('city-report-2026-11-23-2026-11-23.csv');
    const xlsx = page.waitForEvent('download');
    await page.getByTestId('rep-xlsx').click();
    expect((await xlsx).suggestedFilename()).toBe('city-report-2026-11-23-2026-11-23.xlsx');
    // A range the city refuses says why.
    await page.getByTestId('rep-from').fill('2026-11-24');
    await page.getByTestId('rep-run').click();
    await expect.poll(() => page.getByTestId('rep-error').innerText()).toContain('查询条件有误');
    expect(pageErrors).toEqual([]);
  });

  it('a hall manager sees only their own hall, in the grid and by address', async () => {
    const page = await open();
    await signIn(page, 'nanan', 'nanan-hall-2026');
    await page.getByTestId('hall-grid').waitFor();
    expect(await page.locator('[data-testid^="hall-hall-"]').count()).toBe(1);
    await tile(page, 'hall-2').waitFor();
    await page.goto(`${cityUrl}/city/#/hall/hall-1`);
    await expect.poll(() => page.getByTestId('hall-error').innerText()).toContain('无权查看');
    await shot(page, 'hall-forbidden');
  });
});
