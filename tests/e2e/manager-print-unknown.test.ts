import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { FakePrinter } from '@yichuang/printer';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { openConsole } from '../support/console-login.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { testHallConfig } from '../support/test-hall.ts';

/** Build first: `npx tsx scripts/build-apps.ts manager` (the hub serves apps/manager/dist). */

const dir = mkdtempSync(join(tmpdir(), 'yichuang-console-print-unknown-'));
const printer = new FakePrinter();
let browser: Browser;
let hub: HubProcess | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  hub?.child.kill('SIGKILL');
  await browser.close();
  await printer.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function take(url: string, requestId: string): Promise<{ status: number; number: string }> {
  const res = await fetch(`${url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer kiosk-1-secret' },
    body: JSON.stringify({ requestId, serviceId: 'cert' }),
  });
  return { status: res.status, number: ((await res.json()) as { number: string }).number };
}

describe('the console’s find-and-reprint list', () => {
  it('marks a ticket whose printing the hub never finished (killed mid-print) as 打印结果未知', async () => {
    const port = await printer.start();
    const config = testHallConfig() as HallConfigInput & { devices: { id: string; printer?: string }[] };
    config.hall = { ...config.hall, publicUrl: 'http://192.168.50.2:8080' };
    config.printers = [{ id: 'kiosk-1', uri: `tcp://127.0.0.1:${port}`, paperWidthMm: 80 }];
    config.devices = config.devices.map((d) => (d.id === 'kiosk-1' ? { ...d, printer: 'kiosk-1' } : d));
    const configFile = join(dir, 'hall.json');
    writeFileSync(configFile, JSON.stringify(config));
    const data = join(dir, 'data');

    hub = await spawnHub({ config: configFile, data });
    expect(await take(hub.url, 'r1')).toEqual({ status: 201, number: 'A001' });
    await printer.waitForJobs(1, 5000);
    // A002's slip comes out; the printer then stays silent and the hub is killed before it hears back.
    const first = hub;
    const off = printer.onJob(() => {
      if (printer.jobs.length < 2) return;
      off();
      void printer.setState({ silent: true });
      first.child.kill('SIGKILL');
    });
    expect(await take(hub.url, 'r2')).toEqual({ status: 201, number: 'A002' });
    await first.exited;
    await printer.setState({ silent: false });

    hub = await spawnHub({ config: configFile, data });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(8000);
    await openConsole(page, hub.url);
    await page.getByTestId('open-reprint').click();
    await page.getByTestId('rp-ticket-number').fill('A');
    await page.getByTestId('rp-ticket-find').click();
    await expect.poll(() => page.locator('[data-testid="rp-ticket-rows"] tbody tr').count()).toBe(2);
    await expect.poll(() => page.getByTestId('rp-ticket-A002-print-unknown').innerText()).toBe('打印结果未知');
    expect(await page.getByTestId('rp-ticket-A001').innerText()).toContain('已打印');
    expect(await page.getByTestId('rp-ticket-A001-print-unknown').count()).toBe(0);
    expect(await page.getByTestId('rp-print-unknown-note').innerText()).toContain('请与群众核实');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'manager-reprint-print-unknown.png') });

    // Reprinted: the mark gives way to 已打印.
    await page.getByTestId('rp-ticket-A002-reprint').click();
    await printer.waitForJobs(3, 5000);
    await page.getByTestId('rp-ticket-find').click();
    await expect.poll(() => page.getByTestId('rp-ticket-A002').innerText()).toContain('已打印');
    expect(await page.getByTestId('rp-ticket-A002-print-unknown').count()).toBe(0);
    await page.close();
    hub.child.kill('SIGTERM');
    await hub.exited;
    hub = null;
  }, 60_000);
});
