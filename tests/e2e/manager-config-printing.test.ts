import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { FakePrinter } from '@yichuang/printer';
import { expectLaidOutFor, printOnPaper } from '../../hardware/printer/src/paper-test-support.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { openConsole } from '../support/console-login.ts';
import { startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Build first: `npx tsx scripts/build-apps.ts manager` (the hub serves apps/manager/dist). */

let browser: Browser;
let h: Harness | null = null;
let printer: FakePrinter | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  await h?.close();
  await printer?.stop();
  h = null;
  printer = null;
});

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `manager-config-printing-${name}.png`) });

describe('manager console: the address phones use and the printer’s characters per line', () => {
  it('are edited in the forms, refused when wrong, and the next ticket prints with them', async () => {
    printer = new FakePrinter();
    const port = await printer.start();
    const base = testHallConfig() as HallConfigInput & { devices: { id: string; printer?: string }[] };
    h = await startHub({
      ...base,
      printers: [{ id: 'p1', uri: `tcp://127.0.0.1:${port}`, paperWidthMm: 80 }],
      devices: base.devices.map((d) => (d.id === 'kiosk-1' ? { ...d, printer: 'p1' } : d)),
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    try {
      await openConsole(page, h.url, { page: 'config' });
      await page.getByTestId('config-version').waitFor();

      await page.getByTestId('tab-hall').click();
      await page.getByTestId('cfg-hall.publicUrl').fill('192.168.1.10:8080');
      await page.getByTestId('tab-printers').click();
      expect(await page.getByTestId('cfg-printers.0.columns').inputValue()).toBe('');
      expect(await page.locator('[data-testid="cfg-printers.0.columns"] option').first().innerText()).toBe('默认 48');
      await page.getByTestId('cfg-printers.0.columns').selectOption('42');
      await shot(page, 'printers');
      await page.getByTestId('save').click();
      await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('refused');
      expect(await page.getByTestId('tab-hall').getAttribute('aria-selected')).toBe('true');
      expect(await page.getByTestId('tab-hall-errors').innerText()).toBe('1');
      expect(await page.getByTestId('error-hall.publicUrl').innerText()).toBe(
        '应为 http:// 或 https:// 开头的网址，如 http://192.168.1.10:8080',
      );
      await page.getByTestId('cfg-hall.publicUrl').scrollIntoViewIfNeeded();
      await shot(page, 'hall-refused');

      await page.getByTestId('cfg-hall.publicUrl').fill('http://192.168.1.10:8080');
      await page.getByTestId('save').click();
      await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('saved');
      const saved = await h.api('GET', '/api/config', undefined, await h.login('m1'));
      expect(saved.body.config.hall.publicUrl).toBe('http://192.168.1.10:8080');
      expect(saved.body.config.printers[0]).toMatchObject({ id: 'p1', paperWidthMm: 80, columns: 42 });

      // Applied live: the next ticket is laid out at 42 columns with the new address in its QR code.
      const res = await h.api('POST', '/api/tickets', { requestId: 'cfg-1', serviceId: 'cert' }, 'kiosk-1-secret');
      expect(res.status).toBe(201);
      await printer.waitForJobs(1, 5000);
      const slip = printOnPaper(printer.jobs[0]!, 42);
      expectLaidOutFor(slip, 42);
      expect(slip.lines.map((l) => l.text)).toContain('-'.repeat(42));
      expect(slip.qr[0]).toMatch(new RegExp(`^http://192\\.168\\.1\\.10:8080/t/${res.body.id as string}\\b`));
    } finally {
      await context.close();
    }
  });
});
