import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallReport } from '@yichuang/protocol';
import { hubMessage } from '@yichuang/ui';
import { count, percent, satisfaction, shortDuration } from '../../apps/manager/src/reports/report-format.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { openConsole } from '../support/console-login.ts';

/**
 * Build first: `npx tsx scripts/build-apps.ts manager` (the hub serves apps/manager/dist).
 *
 * A morning in the weekday hall (09:00–17:00) scripted over REST: early, short and late sign-ins, an
 * empty post, tickets served and rated (one low with a coded reason, one with the citizen's own words),
 * a no-show, a transfer, pauses, a carry-over. The page must show what the hub's JSON report says.
 */

const DAY = '2026-11-23'; // a Monday
const MIDNIGHT = Date.UTC(2026, 10, 22, 16, 0); // 2026-11-23 00:00 in Shanghai
const at = (h: number, m: number): number => MIDNIGHT + (h * 60 + m) * 60_000;
const KIOSK = 'kiosk-1-secret';

let browser: Browser;
let h: Harness;
let context: BrowserContext;
let page: Page;
let manager: string;
let report: HallReport;
const pageErrors: string[] = [];

async function ok(method: string, path: string, body: unknown, bearer: string): Promise<any> {
  const res = await h.api(method, path, body, bearer);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The scripted morning: each step at its time on the hub's clock, in order. */
async function playMorning(): Promise<void> {
  const tokens: Record<string, string> = {};
  for (const o of ['a1', 'a2', 'a3', 'm1']) tokens[o] = await h.login(o);
  const holder: Record<string, string> = { w1: 'a1', w2: 'a2', w3: 'a3' };
  const current: Record<string, string> = {};
  let requests = 0;
  const win = (w: string, verb: string, body: unknown = {}): Promise<any> =>
    ok('POST', `/api/windows/${w}/${verb}`, body, tokens[holder[w]!]!);
  const issue =
    (serviceId: string, green = false) =>
    async () => {
      await ok('POST', '/api/tickets', { requestId: `k${++requests}`, serviceId, ...(green ? { green } : {}) }, KIOSK);
    };
  const call = (w: string) => async () => {
    const body = await win(w, 'call-next', { requestId: `c${++requests}` });
    if (body.ticket === null) throw new Error(`${w}: nothing to call`);
    current[w] = body.ticket.id;
  };
  // 好差评 is the citizen's own, from the ticket page (its link secret), not the officer's.
  const rate = (w: string, level: number, reason?: string) => async () => {
    const secret = h.hub.context.ticketSecrets.of(current[w]!);
    const res = await h.api('POST', `/api/tickets/${current[w]!}/rating`, {
      secret,
      level,
      ...(reason ? { reason } : {}),
    });
    if (res.status !== 201) throw new Error(`rating at ${w}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const steps: [number, () => Promise<unknown> | void][] = [
    [at(8, 40), () => win('w1', 'sign-in')], // 20 minutes early
    [at(8, 56), () => win('w2', 'sign-in')], // 4 minutes early: short of the rule
    [at(9, 0), () => h.hub.bus.tick()], // w3 and w4 are empty posts from opening
    [at(9, 2), issue('cert')],
    [at(9, 3), issue('cert')],
    [at(9, 5), issue('idcard')],
    [at(9, 6), issue('cert', true)],
    [at(9, 8), call('w1')],
    [at(9, 9), () => win('w1', 'start')],
    [at(9, 10), call('w2')],
    [at(9, 11), () => win('w2', 'start')],
    [at(9, 12), () => win('w3', 'sign-in')], // 12 minutes late
    [at(9, 13), call('w3')],
    [at(9, 14), () => win('w2', 'finish')],
    [at(9, 14), rate('w2', 4)],
    [at(9, 15), () => win('w1', 'finish')],
    [at(9, 15), rate('w1', 5)],
    [at(9, 16), call('w1')],
    [at(9, 18), () => win('w3', 'start')],
    [at(9, 20), () => win('w1', 'no-show')],
    [at(9, 20), issue('idcard')],
    [at(9, 21), issue('cert')],
    [at(9, 22), call('w2')],
    [at(9, 23), () => win('w2', 'start')],
    [at(9, 25), call('w1')],
    [at(9, 27), () => ok('POST', `/api/tickets/${current.w1}/transfer`, { toQueueId: 'long' }, tokens.a1!)],
    [at(9, 29), () => win('w2', 'finish')],
    [at(9, 29), rate('w2', 1, '材料要求前后说法不一致')],
    [at(9, 30), () => win('w3', 'finish')],
    [at(9, 30), rate('w3', 2, 'attitude')],
    [at(9, 31), call('w3')],
    [at(9, 32), () => win('w3', 'start')],
    [at(9, 50), () => win('w3', 'finish')],
    [at(10, 0), () => win('w3', 'pause', { reason: 'away', note: '取材料' })],
    [at(10, 5), () => win('w3', 'resume')],
    [at(10, 5), issue('cert')],
    [at(10, 6), issue('cert')],
    [at(10, 7), call('w1')],
    [at(10, 8), () => win('w1', 'start')],
    [at(10, 8), call('w2')],
    [at(10, 12), () => win('w1', 'finish')],
    [at(10, 12), rate('w1', 5)],
    [at(10, 15), () => win('w2', 'finish')],
    [at(10, 15), rate('w2', 3)],
    [at(11, 0), issue('cert')],
    [at(11, 1), issue('idcard')],
    [at(11, 30), () => win('w2', 'pause', { reason: 'meal', note: '午餐' })],
    [at(12, 10), () => win('w2', 'resume')],
    // After closing, those still waiting are promised the next open day, first at w1 (延时服务).
    [at(17, 5), () => ok('POST', '/api/hall/carry-over', { requestId: 'carry-1', toWindowId: 'w1' }, tokens.m1!)],
  ];
  for (const [when, run] of steps) {
    h.clock.now = when;
    await run();
  }
  h.clock.now = at(17, 10);
  h.hub.bus.tick();
}

async function shot(name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `manager-reports-${name}.png`), fullPage });
}

/**
 * The whole page at a width: the console scrolls inside its main area, so the window is made as tall as
 * the page for the picture, then put back.
 */
async function longShot(name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const main = document.querySelector<HTMLElement>('.m-main')!;
    return main.offsetTop + main.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await shot(name);
  await page.setViewportSize(size);
}

const text = async (testId: string, col?: string): Promise<string> =>
  (
    await page
      .getByTestId(testId)
      .locator(col === undefined ? ':scope' : `[data-col="${col}"]`)
      .first()
      .innerText()
  ).trim();

beforeAll(async () => {
  h = await startHub(testHallConfig({ hours: 'weekdays' }), at(8, 30));
  await playMorning();
  manager = await h.login('m1');
  const res = await h.api('GET', `/api/reports/daily?date=${DAY}`, undefined, manager);
  expect(res.status).toBe(200);
  report = res.body as HallReport;

  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  // The print dialog would block a headless page: count the calls instead.
  await context.addInitScript(() => {
    const w = window as unknown as { printCalls: number };
    w.printCalls = 0;
    window.print = () => {
      w.printCalls++;
    };
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openConsole(page, h.url);
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-tiles').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(`failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`);
});

describe('manager console: reports', () => {
  it('the script made a morning worth reporting', () => {
    const t = report.totals;
    expect(t).toMatchObject({ issued: 10, served: 7, noShow: 1, transferred: 1, green: 1 });
    expect(t.carriedOver).toBeGreaterThan(0);
    expect(report.ratings.low.map((r) => r.reason)).toEqual(['材料要求前后说法不一致', 'attitude']);
    expect(report.windows.find((w) => w.id === 'w4')!.emptyPostMinutes).toBe(480); // nobody came to w4: 09:00 to closing
  });

  it('opens on today in the hall’s time zone and shows the hub’s numbers in the tiles', async () => {
    expect(await page.getByTestId('report-from').inputValue()).toBe(DAY);
    expect(await page.getByTestId('report-to').inputValue()).toBe(DAY);
    expect(await page.getByTestId('pick-today').getAttribute('aria-pressed')).toBe('true');
    expect(await text('report-period')).toContain(`${DAY} 星期一 日报`);
    const t = report.totals;
    const tile = (id: string): Promise<string> => page.getByTestId(`tile-${id}`).locator('.r-tile__value').innerText();
    expect(await tile('issued')).toBe(count(t.issued));
    expect(await tile('served')).toBe(count(t.served));
    expect(await tile('noShow')).toBe(count(t.noShow));
    expect(await tile('transferred')).toBe(count(t.transferred));
    expect(await tile('carriedOver')).toBe(count(t.carriedOver));
    expect(await tile('green')).toBe(count(t.green));
    expect(await tile('wait')).toBe(shortDuration('zh', t.wait.meanS));
    expect(await tile('service')).toBe(shortDuration('zh', t.service.meanS));
    expect(await tile('satisfied')).toBe(percent(report.ratings.satisfiedRate));
    await shot('1920');
    await longShot('1920-full');
  });

  it('the queue, window and officer tables agree with the JSON report', async () => {
    for (const q of report.queues) {
      const row = `queue-row-${q.id}`;
      for (const k of ['issued', 'served', 'noShow', 'transferred', 'carriedOver'] as const)
        expect(await text(row, k), `${q.id} ${k}`).toBe(count(q[k]));
      expect(await text(row, 'wait.mean')).toBe(q.wait.count === 0 ? '—' : shortDuration('zh', q.wait.meanS));
      expect(await text(row, 'wait.p90')).toBe(q.wait.count === 0 ? '—' : shortDuration('zh', q.wait.p90S));
      expect(await text(row, 'service.p50')).toBe(q.service.count === 0 ? '—' : shortDuration('zh', q.service.p50S));
    }
    for (const w of report.windows) {
      const row = `window-row-${w.id}`;
      expect(await text(row, 'served'), w.id).toBe(count(w.served));
      expect(await text(row, 'noShow')).toBe(count(w.noShow));
      expect(await text(row, 'busy')).toBe(shortDuration('zh', w.busyS));
      for (const r of ['away', 'meeting', 'meal', 'other'] as const)
        expect(await text(row, `pause.${r}`), `${w.id} ${r}`).toBe(String(w.pauseMinutes[r]));
      expect(await text(row, 'emptyMinutes')).toBe(String(w.emptyPostMinutes));
      expect(await text(row, 'emptyPosts')).toBe(count(w.emptyPosts));
      expect(await text(row, 'ratings.count')).toBe(count(w.ratings.count));
      expect(await text(row, 'ratings.satisfied')).toBe(satisfaction(w.ratings));
    }
    // w2 paused 40 minutes for a meal; w3 was away 5; w4 nobody's all morning.
    expect(await text('window-row-w2', 'pause.meal')).toBe('40');
    expect(await text('window-row-w3', 'pause.away')).toBe('5');
    expect(await text('window-row-hall', 'served')).toBe(count(report.totals.served));

    for (const o of report.officers) {
      const row = `officer-row-${o.id}`;
      expect(await text(row, 'served'), o.id).toBe(count(o.served));
      expect(await text(row, 'ratings.low')).toBe(count(o.ratings.levels['1'] + o.ratings.levels['2']));
    }
    expect(await text('officer-row-a1', 'signIns')).toBe('1号窗口 提前 20 分');
    expect(await text('officer-row-a2', 'signIns')).toBe('2号窗口 提前 4 分');
    expect(await text('officer-row-a3', 'signIns')).toBe('3号窗口 迟到 12 分');
    expect(await text('officer-row-a4', 'signIns')).toBe('未签到');
    expect(await page.getByTestId('officer-row-a1').locator('[data-kind]').getAttribute('data-kind')).toBe('early');
    expect(await page.getByTestId('officer-row-a3').locator('[data-kind]').getAttribute('data-kind')).toBe('late');
  });

  it('low ratings are listed with their reasons in words, the citizen’s own words as written', async () => {
    const rows = page.getByTestId('low-ratings-table').locator('tbody tr');
    expect(await rows.count()).toBe(report.ratings.low.length);
    const coded = report.ratings.low.find((r) => r.reason === 'attitude')!;
    const own = report.ratings.low.find((r) => r.reason !== 'attitude')!;
    expect(await text(`low-row-${coded.ticketNumber}`, 'reason')).toBe('服务态度不好');
    expect(await text(`low-row-${coded.ticketNumber}`, 'level')).toBe('不满意');
    expect(await text(`low-row-${coded.ticketNumber}`, 'window')).toBe('3号窗口');
    expect(await text(`low-row-${own.ticketNumber}`, 'reason')).toBe('材料要求前后说法不一致');
    expect(await text(`low-row-${own.ticketNumber}`, 'level')).toBe('非常不满意');
  });

  it('draws the three charts, and they follow the window’s size', async () => {
    for (const id of ['chart-hours', 'chart-load', 'chart-ratings']) {
      const canvas = page.getByTestId(id).locator('canvas').first();
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box?.width, id).toBeGreaterThan(200);
      expect(box?.height, id).toBeGreaterThan(150);
    }
    // Three windows worked, one of them 40 minutes at lunch: the load is not even.
    expect(await page.getByTestId('load-uneven').innerText()).toContain('忙闲不均');
    const wide = (await page.getByTestId('chart-hours').locator('canvas').boundingBox())!.width;
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect
      .poll(async () => (await page.getByTestId('chart-hours').locator('canvas').boundingBox())!.width)
      .not.toBe(wide);
    await shot('1366');
    await longShot('1366-full');
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('exports CSV and XLSX from the hub as downloads', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toBe(`report-test-hall-${DAY}.csv`);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain(`\r\n取号数,${report.totals.issued}\r\n`);
    expect(await page.getByTestId('toast').innerText()).toContain(`report-test-hall-${DAY}.csv`);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`report-test-hall-${DAY}.xlsx`);
    const bytes = readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('a range: this month, day by day, as the hub’s range report', async () => {
    const res = await h.api('GET', `/api/reports/range?from=2026-11-01&to=${DAY}`, undefined, manager);
    const range = res.body as HallReport;
    await page.getByTestId('pick-thisMonth').click();
    await page.getByTestId('day-table').waitFor();
    expect(await page.getByTestId('report-from').inputValue()).toBe('2026-11-01');
    expect(await text('report-period')).toContain('2026-11-01 至 2026-11-23（共 23 天）');
    expect(await page.getByTestId('day-table').locator('tbody tr').count()).toBe(23);
    expect(await text(`day-row-${DAY}`, 'issued')).toBe(count(range.days.at(-1)!.issued));
    expect(await text('day-row-2026-11-22', 'issued')).toBe('0');
    expect(await page.getByTestId('tile-issued').locator('.r-tile__value').innerText()).toBe(
      count(range.totals.issued),
    );
    expect(await page.getByTestId('print-open').innerText()).toBe('打印报表');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`report-test-hall-2026-11-01_${DAY}.xlsx`);
    await longShot('range');
  });

  it('a range with its start after its end shows the hub’s message', async () => {
    const res = await h.api('GET', `/api/reports/range?from=2026-11-24&to=${DAY}`, undefined, manager);
    expect(res.status).toBe(400);
    await page.getByTestId('report-from').fill('2026-11-24');
    await page.getByTestId('report-to').fill(DAY);
    await page.getByTestId('report-load').click();
    await expect
      .poll(() => page.getByTestId('report-error').innerText())
      .toBe(hubMessage(res.body.error.message as string, 'zh'));
    expect(await page.getByTestId('report-error').innerText()).toContain('晚于');
    await page.getByTestId('pick-today').click();
    await page.getByTestId('report-error').waitFor({ state: 'detached' });
    expect(await text('report-period')).toContain(DAY);
  });

  it('speaks English when asked', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.m-page__title').innerText()).toBe('Reports');
    expect(await page.getByTestId('tile-issued').locator('.r-tile__label').innerText()).toBe('Issued');
    const coded = report.ratings.low.find((r) => r.reason === 'attitude')!;
    expect(await text(`low-row-${coded.ticketNumber}`, 'reason')).toBe('Unfriendly attitude');
    expect(await text('officer-row-a3', 'signIns')).toBe('3号窗口 12 min late');
    expect(await text(`tile-wait`)).toContain(shortDuration('en', report.totals.wait.meanS));
    await shot('en');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('.m-page__title').innerText()).toBe('统计报表');
  });

  it('prints the daily report on A4: header, figures, signature lines', async () => {
    await page.getByTestId('print-open').click();
    await page.getByTestId('print-view').waitFor();
    // The print dialog opens once the chart in the sheet has drawn.
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
    expect(await text('print-hall')).toBe('测试大厅');
    expect(await text('print-period')).toBe(`统计日期：${DAY} 星期一`);
    expect(await text('print-generated')).toBe('生成时间：2026-11-23 17:10:00');
    const signatures = await text('print-signatures');
    expect(signatures).toContain('带班领导（签字）');
    expect(signatures).toContain('大厅负责人（签字）');
    expect(await text('print-totals', 'issued')).toBe(count(report.totals.issued));
    // What the screen shows of matters, outcomes and complaints is on the paper too.
    const sheet = await text('print-view');
    expect(sheet).toContain('事项与办理结果');
    expect(sheet).toContain('投诉与回访');
    const sheetCanvas = await page.getByTestId('print-chart-hours').locator('canvas').boundingBox();
    expect(sheetCanvas?.width).toBeGreaterThan(400);
    await longShot('print-screen');

    await page.emulateMedia({ media: 'print' });
    // On paper: the sheet alone, without the console's frame or the print view's buttons.
    expect(await page.locator('.m-nav').isVisible()).toBe(false);
    expect(await page.locator('.m-top').isVisible()).toBe(false);
    expect(await page.getByTestId('print-again').isVisible()).toBe(false);
    // A4 less the sheet's 12 mm margins at 96 dpi: the width Chromium lays the page out at on paper.
    await page.setViewportSize({ width: 703, height: 1040 });
    // In print the frame no longer scrolls inside itself: the document is as long as the sheet.
    await shot('print', true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(SCREENSHOT_DIR, 'manager-reports-print.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1920, height: 1080 });

    await page.getByTestId('print-back').click();
    await page.getByTestId('report-tiles').waitFor();
    expect(await page.getByTestId('print-view').count()).toBe(0);
  });

  it('leaving the page and coming back draws the charts afresh, without an error on the page', async () => {
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('page-audit').waitFor();
    expect(await page.locator('[_echarts_instance_]').count()).toBe(0);
    await page.getByTestId('nav-reports').click();
    for (const id of ['chart-hours', 'chart-load', 'chart-ratings'])
      await page.getByTestId(id).locator('canvas').first().waitFor();
    expect(await page.locator('[_echarts_instance_]').count()).toBe(3);
    expect(pageErrors).toEqual([]);
  });
});
