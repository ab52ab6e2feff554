/**
 * The shell's own pages in Debian's Chromium, loaded from file:// as Electron loads them, with
 * the setup bridge stubbed the way the setup preload provides it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, launchBrowser } from '../../../tests/support/browser.ts';
import { bundleDesktop } from '../scripts/bundle.ts';

let out = '';
let browser: Browser;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'yc-desktop-pages-'));
  await bundleDesktop(out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

function pageUrl(name: string, query = ''): string {
  return `${pathToFileURL(join(out, 'pages', name)).href}${query}`;
}

async function open(width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

describe('offline page', () => {
  it('tells a citizen at a portrait kiosk, in Chinese first, that it reconnects by itself', async () => {
    const page = await open(1080, 1920);
    await page.goto(pageUrl('offline.html', '?attempt=3&retryInMs=8000&reason=-102&role=kiosk'));
    await expect.poll(() => page.textContent('h1')).toContain('系统正在连接，请稍候');
    const text = await page.textContent('body');
    expect(text).toContain('恢复后本页面会自动返回');
    expect(text).toContain('请联系导办人员或前往咨询台');
    expect(text).toContain('Connecting to the service');
    expect(await page.textContent('#countdown')).toMatch(/[78] 秒后自动重试/);
    expect(await page.textContent('#footer')).toContain('第 3 次重试');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'desktop-offline-kiosk.png') });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('counts down to "reconnecting" on a landscape display', async () => {
    const page = await open(1920, 1080);
    await page.goto(pageUrl('offline.html', '?attempt=1&retryInMs=1000&reason=http-503&role=display'));
    await expect.poll(() => page.textContent('#countdown'), { timeout: 4_000 }).toContain('正在重新连接');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'desktop-offline-display.png') });
    await page.close();
  });
});

describe('setup page', () => {
  it('shows why the old config failed, hides the key for a counter, and shows the save error', async () => {
    const page = await open(900, 940);
    await page.addInitScript(() => {
      const saves: unknown[] = [];
      (window as unknown as { saves: unknown[] }).saves = saves;
      (window as unknown as { yichuangSetup: unknown }).yichuangSetup = {
        load: () =>
          Promise.resolve({
            form: { role: 'kiosk', hubUrl: 'http://10.0.0.2:8080', deviceKey: '', startAtLogin: true },
            error: {
              code: 'deviceKeyMissing',
              field: 'deviceKey',
              zh: '缺少设备密钥',
              en: 'no device key',
              message: '',
            },
            configPath: 'C:\\Users\\hall\\AppData\\Roaming\\yichuang-desktop\\config.json',
          }),
        probe: () => Promise.resolve({ ok: true, origin: 'http://10.0.0.2:8080' }),
        save: (form: unknown) => {
          saves.push(form);
          return Promise.resolve({
            ok: false,
            error: {
              code: 'hubUrl',
              field: 'hubUrl',
              zh: '中心服务地址无效，应类似 http://192.168.1.10:8080',
              en: 'the hub URL is not valid',
              message: '',
            },
          });
        },
      };
    });
    await page.goto(pageUrl('setup.html'));
    await expect.poll(() => page.textContent('#previous')).toContain('现有配置无法使用：缺少设备密钥');
    expect(await page.isChecked('input[value=kiosk]')).toBe(true);
    expect(await page.isVisible('#deviceKey')).toBe(true);
    expect(await page.textContent('h1')).toContain('一窗 · 首次设置');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'desktop-setup.png'), fullPage: true });

    await page.click('#probe');
    await expect.poll(() => page.textContent('#probeResult')).toContain('连接成功');

    await page.check('input[value=counter]');
    expect(await page.isVisible('#deviceKey')).toBe(false);
    await page.fill('#hubUrl', 'http://10.0.0.2:8080/counter/');
    await page.click('#save');
    await expect.poll(() => page.textContent('#error')).toContain('中心服务地址无效');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hubUrl');
    expect(await page.evaluate(() => (window as unknown as { saves: unknown[] }).saves)).toEqual([
      { role: 'counter', hubUrl: 'http://10.0.0.2:8080/counter/', deviceKey: '', startAtLogin: true },
    ]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'desktop-setup-error.png'), fullPage: true });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });
});
