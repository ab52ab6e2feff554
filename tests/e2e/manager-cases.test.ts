import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { caseHall, caseIds, finishVisit } from '../support/case-seed.ts';
import { openConsole } from '../support/console-login.ts';
import { startHub, waitFor, type Harness } from '../support/hub-harness.ts';
import { layoutProblems } from '../support/layout-checks.ts';

/** Build first: `npm run build:apps -- manager`. The clock: Monday 2026-11-23 10:00 in Shanghai. */

const DAY = 24 * 60 * 60_000;
const PHONE = '13800138000';
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
      for (const [j, p] of c.pages().entries()) await p.screenshot({ path: `/tmp/cases-failed-${i}-${j}.png` });
  for (const c of contexts.splice(0)) await c.close();
  await h?.close();
  h = null;
});

async function open(x: Harness, viewport: { width: number; height: number }, lang?: 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await openConsole(page, x.url, { page: 'cases' });
  if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
  return page;
}

async function signIn(x: Harness, officerId: string, windowId: string): Promise<string> {
  const token = await x.login(officerId);
  await x.api('POST', `/api/windows/${windowId}/sign-in`, {}, token);
  return token;
}

/**
 * Monday: at w1 张三丰 has 无犯罪记录证明 accepted and 身份证换领 accepted with 户口簿 to follow; at w2
 * 李小四 has 无犯罪记录证明 accepted. Wednesday: both 无犯罪记录证明 are a working day overdue, the 身份证
 * is due tomorrow; a new 身份证 is accepted at w1 and one 无犯罪记录证明 accepted and done the same day.
 */
async function seed(x: Harness): Promise<{ a1: string }> {
  let a1 = await signIn(x, 'a1', 'w1');
  const a2 = await signIn(x, 'a2', 'w2');
  await finishVisit(x, a1, 'w1', 'cert', {
    matters: [
      { serviceId: 'cert', outcome: 'accepted' },
      { serviceId: 'idcard', outcome: 'accepted-pending', pendingMaterials: ['居民户口簿', '近期免冠照片'] },
    ],
    citizenName: '张三丰',
    phone: PHONE,
  });
  await finishVisit(x, a2, 'w2', 'cert', {
    matters: [{ serviceId: 'cert', outcome: 'accepted' }],
    citizenName: '李小四',
  });
  x.clock.now += 2 * DAY;
  x.hub.bus.tick();
  a1 = await signIn(x, 'a1', 'w1');
  await finishVisit(x, a1, 'w1', 'idcard', {
    matters: [{ serviceId: 'idcard', outcome: 'accepted' }],
    citizenName: '王五',
  });
  await finishVisit(x, a1, 'w1', 'cert', {
    matters: [{ serviceId: 'cert', outcome: 'accepted' }],
    citizenName: '赵六',
  });
  const ids = await caseIds(x, a1);
  await x.api('POST', `/api/cases/${ids.get('SL20261125-002')}/update`, { action: 'done' }, a1);
  return { a1 };
}

const count = (page: Page, tab: string): Promise<string | null> => page.getByTestId(`cs-count-${tab}`).textContent();
const rows = (page: Page) => page.getByTestId('cs-table').locator('tbody tr');

describe('console: 受理件', () => {
  it('lists cases due soon, overdue, open and done; 办结 with a note; follows new cases live (1366×768)', async () => {
    h = await startHub(caseHall());
    const { a1 } = await seed(h);
    const page = await open(h, { width: 1366, height: 768 });

    await expect.poll(() => count(page, 'open')).toBe('4');
    expect(await count(page, 'overdue')).toBe('2');
    expect(await count(page, 'due-soon')).toBe('1');
    expect(await count(page, 'done')).toBe('1');

    // All open: the overdue rows first and red, the one due tomorrow amber.
    const table = page.getByTestId('cs-table');
    const overdueRow = table.locator('tr[data-no="SL20261123-001"]');
    expect(await overdueRow.getAttribute('data-urgency')).toBe('overdue');
    const overdueText = await overdueRow.innerText();
    expect(overdueText).toContain('无犯罪记录证明');
    expect(overdueText).toContain('甲1（警号 a1）');
    expect(overdueText).toContain('1号窗口');
    expect(overdueText).toContain('2026-11-24');
    expect(overdueText).toContain('逾期 1 个工作日');
    expect(overdueText).toContain('张**');
    const bg = await overdueRow
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(bg).toBe('rgb(253, 236, 235)');
    const pending = table.locator('tr[data-no="SL20261123-002"]');
    expect(await pending.getAttribute('data-urgency')).toBe('due-soon');
    const pendingText = await pending.innerText();
    expect(pendingText).toContain('容缺受理');
    expect(pendingText).toContain('居民户口簿、近期免冠照片');
    expect(pendingText).toContain('剩余 1 个工作日');
    expect(pendingText).toContain('待补材料');
    expect(await pending.getByTestId('cs-materials').count()).toBe(1);
    expect(await overdueRow.getByTestId('cs-materials').count()).toBe(0);
    const normal = table.locator('tr[data-no="SL20261125-001"]');
    expect(await normal.innerText()).toContain('剩余 3 个工作日');

    // Names masked, never a phone.
    const body = await page.locator('body').innerText();
    for (const secret of ['张三丰', '李小四', PHONE, '138****8000']) expect(body).not.toContain(secret);
    expect(await layoutProblems(page, ['[data-testid="cs-table"] th', '.cs-tab', '[data-testid="cs-window"]'])).toEqual(
      [],
    );
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(1366);
    // The table fits inside its card's padding (no column pushed past the edge).
    const spill = await page.getByTestId('cs-table').evaluate((t) => {
      const card = t.parentElement!;
      const pad = parseFloat(getComputedStyle(card).paddingRight);
      return t.getBoundingClientRect().right - (card.getBoundingClientRect().right - pad);
    });
    expect(spill).toBeLessThanOrEqual(0.5);
    await page.screenshot({ path: '/tmp/cases-manager-1366.png', fullPage: true });

    // The overdue tab, with the alert in the console's words.
    await page.getByTestId('cs-tab-overdue').click();
    await expect.poll(() => rows(page).count()).toBe(2);
    await waitFor(
      () => h!.hub.context.alerts.list().filter((a) => a.kind === 'case-overdue').length === 2,
      3000,
      'two overdue alerts',
    );

    // 办结 one with a note: it leaves the overdue tab and the done count grows.
    await overdueRow.getByTestId('cs-done').click();
    const dialog = page.getByTestId('case-dialog');
    expect(await dialog.innerText()).toContain('确认受理件 SL20261123-001 已办结？');
    await page.getByTestId('case-note').fill('证明已出具，电话通知领取');
    await page.screenshot({ path: '/tmp/cases-manager-dialog.png' });
    await page.getByTestId('case-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => count(page, 'overdue')).toBe('1');
    expect(await count(page, 'done')).toBe('2');
    expect(await count(page, 'open')).toBe('3');
    expect(await rows(page).count()).toBe(1);
    const logged = h.db.prepare("SELECT payload FROM events WHERE type = 'case:updated'").all() as {
      payload: string;
    }[];
    expect(logged.map((e) => JSON.parse(e.payload) as { note: string }).map((p) => p.note)).toContain(
      '证明已出具，电话通知领取',
    );
    await waitFor(
      () => h!.hub.context.alerts.list().some((a) => a.subject === 'SL20261123-001' && a.clearedAt !== null),
      3000,
      'the overdue alert cleared',
    );

    // 材料已补齐 on the 容缺 one from the due-soon tab.
    await page.getByTestId('cs-tab-due-soon').click();
    await rows(page).first().getByTestId('cs-materials').click();
    expect(await page.getByTestId('case-dialog').innerText()).toContain('居民户口簿、近期免冠照片');
    await page.getByTestId('case-confirm').click();
    await expect.poll(() => rows(page).first().getByTestId('cs-status').innerText()).toBe('材料已补齐');
    expect(await rows(page).first().getByTestId('cs-materials').count()).toBe(0);

    // A case accepted at a window now shows up without a reload.
    await page.getByTestId('cs-tab-open').click();
    await finishVisit(h, a1, 'w1', 'idcard', {
      matters: [{ serviceId: 'idcard', outcome: 'accepted-pending', pendingMaterials: ['申请表'] }],
      citizenName: '孙七',
    });
    await expect.poll(() => count(page, 'open')).toBe('4');
    await expect.poll(() => table.locator('tr[data-no="SL20261125-003"]').count()).toBe(1);

    // The window filter: w2 has the one overdue case.
    await page.getByTestId('cs-window').selectOption('w2');
    await expect.poll(() => count(page, 'open')).toBe('1');
    expect(await rows(page).first().getAttribute('data-no')).toBe('SL20261123-003');
    // A date range with nothing in it says so in words.
    await page.getByTestId('cs-from').fill('2026-11-25');
    await expect.poll(() => page.getByTestId('cs-empty').isVisible()).toBe(true);
    expect(await page.getByTestId('cs-empty').innerText()).toBe(
      '没有在办的受理件：窗口受理或容缺受理的事项会列在这里 （已按窗口或日期筛选）',
    );
  });

  it('reads well at 1600×900 and in English', async () => {
    h = await startHub(caseHall());
    await seed(h);
    const page = await open(h, { width: 1600, height: 900 });
    await expect.poll(() => count(page, 'open')).toBe('4');
    await page.screenshot({ path: '/tmp/cases-manager-1600.png', fullPage: true });
    await page.getByTestId('cs-tab-done').click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain('办结');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('cs-tab-open').click();
    await expect.poll(() => page.getByTestId('cs-tab-overdue').innerText()).toContain('Overdue');
    const text = await page.getByTestId('cs-table').innerText();
    expect(text).toContain('1 working day overdue');
    expect(text).toContain('Materials to follow');
    expect(await layoutProblems(page, ['[data-testid="cs-table"] th', '.cs-tab'])).toEqual([]);
    await page.screenshot({ path: '/tmp/cases-manager-en.png', fullPage: true });

    // The live page's alert list names the overdue cases in the console's words.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByTestId('nav-live').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('受理件超期');
    const live = await page.locator('body').innerText();
    expect(live).toContain(
      '受理件 SL20261123-001（无犯罪记录证明，1号窗口）已超过办结期限 2026-11-24，逾期 1 个工作日',
    );
    await page.screenshot({ path: '/tmp/cases-manager-alerts.png' });
  });
});
