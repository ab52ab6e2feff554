import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { openConsole } from '../support/console-login.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';

/** Build first: `npx tsx scripts/build-apps.ts manager`. The clock: Monday 2026-11-23 10:00 in Shanghai. */

const KIOSK = 'kiosk-1-secret';
const MONDAY = '2026-11-23';
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

async function open(x: Harness, viewport = { width: 1600, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await openConsole(page, x.url, { page: 'appointments' });
  return page;
}

/** Three bookings today: one checked in at the kiosk, one waiting, one imported from the platform. */
async function seed(x: Harness): Promise<{ waiting: string; arrived: string }> {
  const book = async (phone: string, start: string, name: string) =>
    (
      (
        await x.api('POST', '/api/appointments/book', {
          requestId: `seed-${phone}`,
          serviceId: 'cert',
          day: MONDAY,
          start,
          name,
          phone,
        })
      ).body as { appointment: { code: string } }
    ).appointment.code;
  const arrived = await book('13800000001', '10:00', '张三');
  const waiting = await book('13800000002', '11:00', '李小四');
  await x.api('POST', '/api/tickets', { requestId: 'ci', appointmentCode: arrived.toLowerCase() }, KIOSK);
  const m1 = await x.login('m1');
  await x.api(
    'POST',
    '/api/appointments/import',
    {
      items: [{ code: 'PROV0001', serviceId: 'cert', day: MONDAY, start: '14:00', name: '王五', phone: '13700000000' }],
    },
    m1,
  );
  return { waiting, arrived };
}

describe('console: 预约管理', () => {
  it("shows the day's bookings with arrivals and sources, cancels one, books by phone and imports a CSV", async () => {
    h = await startHub();
    const { waiting, arrived } = await seed(h);
    const page = await open(h);
    const totals = page.getByTestId('ap-totals');
    await expect.poll(() => totals.locator('[data-tile="booked"] .r-tile__value').textContent()).toBe('3');
    await expect.poll(() => totals.locator('[data-tile="arrived"] .r-tile__value').textContent()).toBe('1');
    const table = page.getByTestId('ap-table');
    await expect.poll(() => table.locator(`tr[data-code="${arrived}"]`).getAttribute('data-status')).toBe('checked-in');
    const arrivedRow = (await table.locator(`tr[data-code="${arrived}"]`).textContent()) ?? '';
    expect(arrivedRow).toContain('张三'); // staff see the name …
    expect(arrivedRow).toContain('138****0001'); // … and the phone masked
    expect(arrivedRow).toContain('A001');
    expect(arrivedRow).toContain('网上预约');
    expect(await table.locator('tr[data-code="PROV0001"]').textContent()).toContain('平台导入');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/manager-appointments.png`, fullPage: true });

    // Cancel the one still expected: its place goes back.
    page.once('dialog', (d) => void d.accept());
    await table.locator(`tr[data-code="${waiting}"] button`).click();
    await expect.poll(() => table.locator(`tr[data-code="${waiting}"]`).getAttribute('data-status')).toBe('cancelled');

    // 电话预约 for a caller.
    await page.getByTestId('pb-service').selectOption('cert');
    await expect.poll(() => page.getByTestId('pb-slot').locator('option').count()).toBeGreaterThan(2);
    await page.getByTestId('pb-slot').selectOption('15:00');
    await page.getByTestId('pb-name').fill('赵六');
    await page.getByTestId('pb-phone').fill('13900001111');
    await page.getByTestId('pb-submit').click();
    const done = page.getByTestId('pb-done');
    await done.waitFor();
    const code = (await done.locator('.ap-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await expect.poll(() => table.locator(`tr[data-code="${code}"]`).textContent()).toContain('电话预约');
    const contact = h.db.prepare('SELECT name, phone FROM appointment_contacts WHERE code = ?').get(code);
    expect(contact).toEqual({ name: '赵六', phone: '13900001111' });

    // Import a CSV: one good row, one for a matter the hall does not have.
    await page.getByTestId('ap-import-file').setInputFiles({
      name: 'batch.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '预约码,事项编码,日期,开始时间,姓名,手机号\nCSV00001,cert,2026-11-23,16:00,钱七,13600000000\nCSV00002,nope,2026-11-23,16:00,,\n',
      ),
    });
    const report = page.getByTestId('ap-import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('新增 1 条');
    expect(await report.textContent()).toContain('没有该办事事项');
    await expect.poll(() => table.locator('tr[data-code="CSV00001"]').count()).toBe(1);
    await expect.poll(() => totals.locator('[data-tile="booked"] .r-tile__value').textContent()).toBe('4');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/manager-appointments-after.png`, fullPage: true });
  });

  it('fits a 1366×768 screen and reads in English', async () => {
    h = await startHub();
    await seed(h);
    const page = await open(h, { width: 1366, height: 768 });
    await page.getByTestId('ap-table').locator('tr[data-code]').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/manager-appointments-1366.png`, fullPage: true });
    await page.locator('.m-top button', { hasText: 'English' }).click();
    await expect.poll(() => page.locator('.m-page__title').textContent()).toBe('Appointments');
  });
});
