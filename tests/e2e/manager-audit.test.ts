import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { FakePrinter } from '@yichuang/printer';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { openConsole } from '../support/console-login.ts';

/** Build first: `npx tsx scripts/build-apps.ts manager`. */

const KIOSK = 'kiosk-1-secret';
let browser: Browser;
let h: Harness | null = null;
const contexts: BrowserContext[] = [];
const printers: FakePrinter[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  for (const p of printers.splice(0)) await p.stop();
  await h?.close();
  h = null;
});

async function openAudit(
  x: Harness,
  viewport = { width: 1600, height: 900 },
  login: { officerId?: string; pin?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await openConsole(page, x.url, { page: 'audit', ...login });
  return page;
}

/** The demo hall (db/seed/demo-hall.json), its printers fake network printers that take every slip. */
async function demoHall(): Promise<HallConfigInput> {
  const demo = JSON.parse(
    readFileSync(new URL('../../db/seed/demo-hall.json', import.meta.url), 'utf8'),
  ) as HallConfigInput;
  const uris = new Map<string, string>();
  for (const p of demo.printers ?? []) {
    const fake = new FakePrinter();
    await fake.start();
    printers.push(fake);
    uris.set(p.id, fake.uri);
  }
  return { ...demo, printers: (demo.printers ?? []).map((p) => ({ ...p, uri: uris.get(p.id)! })) };
}

async function ok(x: Harness, method: string, path: string, body: unknown, bearer: string): Promise<any> {
  const res = await x.api(method, path, body, bearer);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const rows = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="audit-table"] tbody tr.a-row').allInnerTexts();

describe('audit log page', () => {
  it('lists what happened today with who and what, filters by person and kind, pages, and shows the raw record', async () => {
    h = await startHub(testHallConfig());
    const a1 = await h.login('a1');
    await h.api('POST', '/api/windows/w1/sign-in', {}, a1);
    for (let i = 0; i < 120; i++) await h.api('POST', '/api/tickets', { requestId: `r${i}`, serviceId: 'cert' }, KIOSK);
    await h.api('POST', '/api/windows/w1/call-next', { requestId: 'c1' }, a1);
    await h.api('POST', '/api/windows/w1/finish', {}, a1);
    await h.api('POST', '/api/windows/w1/pause', { reason: 'meal', note: '午饭' }, a1);

    const page = await openAudit(h);
    await expect.poll(async () => (await rows(page)).length).toBe(100);
    // A meal pause leaves the post: B is asked to cover, and the empty post is on record.
    const [emptyPost, cover, pause] = await rows(page);
    expect(emptyPost).toContain('空岗开始');
    expect(cover).toContain('AB角接岗提醒');
    expect(cover).toContain('1号窗口 甲1 → 乙1（用餐）');
    expect(pause).toContain('暂停服务');
    expect(pause).toContain('甲1（警号 a1）');
    expect(pause).toContain('1号窗口 用餐 · 午饭');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-audit-01.png') });

    await page.getByTestId('audit-more').click();
    await expect.poll(async () => (await rows(page)).length).toBeGreaterThan(100);

    await page.getByTestId('audit-actor').selectOption('officer:a1');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await rows(page)).length).toBe(7);
    const mine = await rows(page);
    expect(mine.map((r) => r.split('\t')[2])).toEqual([
      '空岗开始',
      'AB角接岗提醒',
      '暂停服务',
      '办结',
      '叫号',
      '空岗结束',
      '签到上岗',
    ]);
    expect(mine[4]).toContain('A001 → 1号窗口');

    await page.getByTestId('audit-actor').selectOption('');
    await page.getByTestId('audit-type').selectOption('ticket:issued');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await rows(page))[0]).toContain('A120 无犯罪记录证明');

    await page.locator('tr.a-row').first().click();
    expect(await page.locator('tr.a-raw pre').innerText()).toContain('"number": "A120"');

    await page.getByTestId('audit-from').fill('2026-11-24');
    await page.getByTestId('audit-to').fill('2026-11-24');
    await page.getByTestId('audit-search').click();
    await page.getByText('没有符合条件的记录').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('nav-audit').click();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-audit-02-1366.png') });
  });

  it('says everything in Chinese: names for queues, devices, printers and officers, rating reasons, config sections', async () => {
    h = await startHub(await demoHall());
    const x = h;
    const kioskKey = 'demo-kiosk-1-key';
    const ticket = await ok(x, 'POST', '/api/tickets', { requestId: 'n1', serviceId: 'id-card-renew' }, kioskKey);
    const ticketId: string = ticket.ticket?.id ?? ticket.id;
    const zhang = await x.login('1001', '1234');
    await ok(x, 'POST', '/api/windows/w1/sign-in', {}, zhang);
    await ok(x, 'POST', '/api/windows/w1/call-next', { requestId: 'n-c1' }, zhang);
    await ok(x, 'POST', '/api/windows/w1/start', {}, zhang);
    await ok(x, 'POST', `/api/tickets/${ticketId}/transfer`, { toQueueId: 'hukou', note: '需户籍业务窗口办理' }, zhang);
    await ok(x, 'POST', '/api/windows/w1/call-next', { requestId: 'n-c2' }, zhang);
    await ok(x, 'POST', '/api/windows/w1/start', {}, zhang);
    await ok(x, 'POST', '/api/windows/w1/finish', {}, zhang);
    await ok(x, 'POST', '/api/ratings', { ticketId, level: 1, reason: 'attitude' }, 'demo-rater-w1-key');
    const notice = { ticketId, citizenName: '张三', serviceId: 'id-card-renew', missing: ['居民身份证'] };
    await ok(x, 'POST', '/api/notices', notice, zhang);
    const boss = await x.login('9001', '9999');
    const doc = await ok(x, 'GET', '/api/config', undefined, boss);
    const config = { ...doc.config, kiosk: { ...doc.config.kiosk, idleSeconds: 45 } };
    await ok(x, 'POST', '/api/config', { baseVersion: doc.version, config }, boss);
    // The hub raises alerts as it watches the hall: empty posts at the windows nobody staffs.
    let emptyPost: { id: string } | undefined;
    await expect
      .poll(async () => {
        const alerts = (await ok(x, 'GET', '/api/alerts', undefined, boss)).alerts as { id: string; kind: string }[];
        emptyPost = alerts.find((a) => a.kind === 'empty-post');
        return emptyPost !== undefined;
      })
      .toBe(true);
    await ok(x, 'POST', `/api/alerts/${encodeURIComponent(emptyPost!.id)}/acknowledge`, {}, boss);

    // The slip prints on the window's printer after the notice is stored.
    const printed = x.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'notice:printed'");
    await expect.poll(() => (printed.get() as { n: number }).n).toBe(1);

    const page = await openAudit(x, { width: 1920, height: 1080 }, { officerId: '9001', pin: '9999' });
    await expect.poll(async () => (await rows(page)).join('\n')).toContain('版本 2：修改 取号机设置');
    const all = (await rows(page)).join('\n');
    for (const code of [
      'hukou-quick',
      'kiosk-1',
      'counter-1',
      'rater-w1',
      'attitude',
      ' @ ',
      '修改 kiosk',
      'empty-post',
      '(1001)',
    ])
      expect(all, code).not.toContain(code);
    expect(all).toContain('A001 户籍小业务 → 户籍业务 · 需户籍业务窗口办理');
    expect(all).toMatch(/A001 1号窗口 张警官（警号 1001） · 非常不满意 · 服务态度不好/);
    expect(all).toContain('A001 · 1号取号机打印机');
    expect(all).toMatch(/告知单已打印\t系统\t\d{8}-\d{3} · 1号窗口打印机/);
    expect(all).toMatch(/取号\t1号取号机\tA001 居民身份证换领/);
    expect(all).toMatch(/好差评\t1号窗口评价屏\t/);
    expect(all).toMatch(/确认告警\t王主任（警号 9001）\t空岗 · \d号窗口/);
    const actors = await page.getByTestId('audit-actor').locator('option').allInnerTexts();
    expect(actors).toContain('张警官（警号 1001）');
    expect(actors).toContain('1号取号机');
    expect(actors.join()).not.toContain('kiosk-1');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-audit-03-names-1920.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-audit-04-names-1366.png') });
  });
});
