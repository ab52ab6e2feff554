import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HallConfigInput } from '@yichuang/protocol';
import { FakePrinter } from '@yichuang/printer';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser.ts';
import { dbFingerprint, startHub, type Harness } from '../support/hub-harness.ts';
import { testHallConfig } from '../support/test-hall.ts';
import { openConsole } from '../support/console-login.ts';

/**
 * Build first: `npx tsx scripts/build-apps.ts manager kiosk` (the hub serves apps/manager/dist and
 * apps/kiosk/dist).
 */

const DEMO_HALL = fileURLToPath(new URL('../../db/seed/demo-hall.json', import.meta.url));

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

async function newPage(viewport: { width: number; height: number }, touch = false): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch: touch, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  return page;
}

/** The console signed in as the hall manager, on the configuration page. */
async function openConfig(x: Harness, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await newPage(viewport);
  await openConsole(page, x.url, { page: 'config' });
  await page.getByTestId('config-version').waitFor();
  return page;
}

async function openKiosk(x: Harness): Promise<Page> {
  const page = await newPage({ width: 1080, height: 1920 }, true);
  await page.goto(`${x.url}/kiosk/?key=kiosk-1-secret`);
  await page.locator('[data-screen="home"]').waitFor({ timeout: 10_000 });
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `manager-config-${name}.png`) });
}

async function runningVersion(x: Harness): Promise<number> {
  const res = await x.api('GET', '/api/config', undefined, await x.login('m1'));
  return res.body.version as number;
}

const confirm = (page: Page): Promise<void> => page.getByTestId('confirm-yes').click();

/** The demo hall (36 matters, 7 queues, 8 windows) with its printers on fake network printers. */
async function demoHall(): Promise<HallConfigInput> {
  const demo = JSON.parse(readFileSync(DEMO_HALL, 'utf8')) as HallConfigInput;
  const uris = new Map<string, string>();
  for (const p of demo.printers ?? []) {
    const fake = new FakePrinter();
    await fake.start();
    printers.push(fake);
    uris.set(p.id, fake.uri);
  }
  return {
    ...demo,
    printers: (demo.printers ?? []).map((p) => ({ ...p, uri: uris.get(p.id)! })),
    officers: [...demo.officers, { id: 'm1', name: '王主任', role: 'manager', pin: '9999' }],
    devices: [...(demo.devices ?? []), { id: 'kiosk-test', kind: 'kiosk', key: 'kiosk-1-secret' }],
    display: { notices: ['办理出入境证件请提前网上预约', '请妥善保管好随身物品'] },
    // A port that is not there: the row shows, the hub reports the device offline.
    serialDevices: [
      { id: 'screen-w1', kind: 'window-screen', path: '/dev/ttyYC-e2e-absent', address: 1, window: 'w1' },
    ],
  };
}

describe('manager console: configuration page', () => {
  it('shows every section of a real hall in its tab (screenshots at 1920×1080 and 1366×768)', async () => {
    h = await startHub(await demoHall());
    const page = await openConfig(h);
    expect(await page.getByTestId('config-version').getAttribute('data-version')).toBe('1');
    const tabs = ['hall', 'services', 'queues', 'windows', 'staff', 'devices', 'printers', 'rules'];
    for (const [i, tab] of tabs.entries()) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByTestId(`form-${tab}`).waitFor();
      await shot(page, `${String(i + 1).padStart(2, '0')}-${tab}`);
    }
    // The printers tab shows each printer's live status from the hub.
    await page.getByTestId('tab-printers').click();
    await expect.poll(() => page.getByTestId('printer-row-0').innerText()).toContain('正常');

    await page.getByTestId('tab-services').click();
    await page.getByTestId('filter-services').fill('wfz');
    expect(await page.locator('[data-testid^="row-services-"]').count()).toBe(1);
    await page.getByTestId('row-services-12').click();
    expect(await page.getByTestId('detail-services').innerText()).toBe('无犯罪记录证明');

    const small = await openConfig(h, { width: 1366, height: 768 });
    await small.getByTestId('tab-services').click();
    await shot(small, '09-services-1366');
    await small.getByTestId('tab-staff').click();
    await shot(small, '10-staff-1366');
    await small.getByTestId('tab-hall').click();
    await shot(small, '11-hall-1366');
    // Scrolled down with an edit pending: the bar and the tabs stay in view.
    await small.getByTestId('tab-services').click();
    await small.getByTestId('cfg-services.0.name').fill('公章刻制备案登记');
    await small.locator('.m-main').evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await shot(small, '11b-sticky-1366');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('tab-windows').click();
    expect(await page.getByTestId('tab-windows').innerText()).toBe('Windows');
    await shot(page, '11c-windows-en');
  });

  it('names devices, printers and config sections in Chinese: the lists and the save banner (1920×1080, 1366×768)', async () => {
    h = await startHub(await demoHall());
    const page = await openConfig(h);
    await page.getByTestId('tab-devices').click();
    // The list names each device; its id stays in the detail's 设备编号 field.
    const devices = (await page.locator('[data-testid^="row-devices-"]').allInnerTexts()).join('\n');
    expect(await page.getByTestId('detail-devices').innerText()).toBe('1号取号机');
    for (const name of ['1号取号机', '2号取号机', '3号取号机', '综合屏', '1号窗口评价屏', '1号取号机打印机'])
      expect(devices, name).toContain(name);
    for (const id of ['kiosk-1', 'kiosk-2', 'display-1', 'rater-w1', 'kiosk-test'])
      expect(devices, id).not.toContain(id);
    const serial = await page.locator('[data-testid="md-devices"] ~ *').allInnerTexts();
    expect(serial.join()).not.toContain('screen-w1 ');
    await shot(page, '20-devices-names-1920');

    await page.getByTestId('tab-printers').click();
    const usage = await page.locator('td.cfg-usage').allInnerTexts();
    expect(usage).toEqual([
      '终端设备：1号取号机',
      '终端设备：2号取号机',
      '窗口：1号窗口',
      '窗口：2号窗口',
      '窗口：3号窗口',
      '窗口：4号窗口',
    ]);
    await shot(page, '21-printers-names-1920');

    // Three edits: a kiosk setting, a printer's columns and a window's printer.
    await page.getByTestId('tab-rules').click();
    await page.getByTestId('cfg-kiosk.idleSeconds').fill('45');
    await page.getByTestId('tab-printers').click();
    await page.getByTestId('cfg-printers.2.columns').selectOption('42');
    await page.getByTestId('tab-windows').click();
    await page.getByTestId('row-windows-4').click();
    await page.getByTestId('cfg-windows.4.printer').selectOption('counter-4');
    const options = await page.getByTestId('cfg-windows.4.printer').locator('option').allInnerTexts();
    expect(options.join('\n')).toContain('4号窗口、5号窗口共用打印机 · tcp://');
    expect(options.join('\n')).not.toMatch(/counter-\d/);
    expect(await page.getByTestId('unsaved-summary').innerText()).toContain('窗口 · 修改 1');

    await page.getByTestId('save').click();
    const outcome = page.getByTestId('outcome');
    await expect.poll(() => outcome.getAttribute('data-kind')).toBe('saved');
    const saved = await outcome.innerText();
    expect(saved).toContain('修改窗口 5号窗口');
    expect(saved).toContain('修改打印机 1号窗口打印机');
    expect(saved).toContain('修改 取号机设置');
    for (const code of ['kiosk', 'counter-1', '(w5)', 'idleSeconds']) expect(saved, code).not.toContain(code);
    await shot(page, '22-saved-names-1920');

    const small = await openConfig(h, { width: 1366, height: 768 });
    await small.getByTestId('tab-devices').click();
    await shot(small, '23-devices-names-1366');
    await small.getByTestId('tab-printers').click();
    await shot(small, '24-printers-names-1366');
    await small.getByTestId('tab-rules').click();
    await small.getByTestId('cfg-kiosk.idleSeconds').fill('50');
    await small.getByTestId('save').click();
    await expect.poll(() => small.getByTestId('outcome').getAttribute('data-kind')).toBe('saved');
    expect(await small.getByTestId('outcome').innerText()).toContain('修改 取号机设置');
    await shot(small, '25-saved-names-1366');
  });

  it('a matter added in the form is offered by an open kiosk at once, without a reload', async () => {
    h = await startHub(testHallConfig());
    const kiosk = await openKiosk(h);
    expect(await kiosk.getByTestId('category-出入境').count()).toBe(0);
    const page = await openConfig(h);

    await page.getByTestId('tab-services').click();
    await page.getByTestId('add-services').click();
    await page.getByTestId('cfg-services.2.id').fill('residence');
    await page.getByTestId('cfg-services.2.name').fill('居住证办理');
    await page.getByTestId('cfg-services.2.queue').selectOption('quick');
    await page.getByTestId('cfg-services.2.category').fill('出入境');
    await page.getByTestId('add-materials').click();
    await page.getByTestId('cfg-services.2.materials.0').fill('居民身份证');
    await page.getByTestId('add-materials').click();
    await page.getByTestId('cfg-services.2.materials.1').fill('租房合同');
    // The half-width ¥ misprints on GB18030 printers: it becomes the full-width ￥ as it is typed.
    await page.getByTestId('cfg-services.2.fee').fill('¥20');
    expect(await page.getByTestId('cfg-services.2.fee').inputValue()).toBe('￥20');
    expect(await page.getByTestId('unsaved-summary').innerText()).toContain('业务事项 · 新增 1');
    expect(await page.getByTestId('tab-services').innerHTML()).toContain('cfg-tab__edited');
    await shot(page, '12-new-matter');

    await page.getByTestId('save').click();
    const outcome = page.getByTestId('outcome');
    await expect.poll(() => outcome.getAttribute('data-kind')).toBe('saved');
    expect(await outcome.innerText()).toContain('新增事项 居住证办理');
    expect(await outcome.innerText()).not.toContain('residence');
    expect(await outcome.innerText()).toContain('版本 2');
    expect(await page.getByTestId('config-version').getAttribute('data-version')).toBe('2');
    expect(await page.getByTestId('unsaved-bar').count()).toBe(0);
    // Saved: the id is now what tickets refer to, shown but no longer edited.
    expect(await page.getByTestId('cfg-services.2.id').evaluate((e) => e.tagName)).toBe('SPAN');
    await shot(page, '13-saved');

    // The kiosk was open all along: the hub's new snapshot brings the matter to its home screen.
    const started = Date.now();
    await kiosk.getByTestId('category-出入境').waitFor({ timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(5000);
    await kiosk.getByTestId('category-出入境').tap();
    await kiosk.getByTestId('service-residence').waitFor();
    expect(await kiosk.getByTestId('service-residence').innerText()).toContain('居住证办理');

    const doc = await h.api('GET', '/api/config', undefined, await h.login('m1'));
    expect(doc.body.version).toBe(2);
    expect(doc.body.config.services[2]).toMatchObject({
      id: 'residence',
      materials: ['居民身份证', '租房合同'],
      fee: '￥20',
      category: '出入境',
    });
    const logged = h.db.prepare("SELECT actor, payload FROM events WHERE type = 'config:changed'").all() as {
      actor: string;
      payload: string;
    }[];
    expect(logged.map((e) => [e.actor, (JSON.parse(e.payload) as { changes: string[] }).changes])).toEqual([
      ['officer:m1', ['新增事项 居住证办理 (residence)']],
    ]);
  });

  it('an invalid edit is refused with the field shown in its tab, and the running hall is untouched', async () => {
    h = await startHub(testHallConfig());
    const kiosk = await openKiosk(h);
    const page = await openConfig(h);
    const before = dbFingerprint(h.db);
    const catalogue = (await h.api('GET', '/api/catalogue')).body;

    // A queue removed while a matter and a window still name it.
    await page.getByTestId('tab-queues').click();
    await page.getByTestId('queues-1-delete').click();
    expect(await page.getByTestId('confirm-dialog').innerText()).toContain('居民身份证换领');
    await confirm(page);
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('refused');
    // The first issue is a window's: the page goes there, with the row and field marked.
    expect(await page.getByTestId('tab-windows').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('detail-windows').innerText()).toBe('3号窗口');
    expect(await page.getByTestId('error-windows.2.queues').innerText()).toBe('队列「long」不存在');
    expect(await page.getByTestId('tab-windows-errors').innerText()).toBe('1');
    expect(await page.getByTestId('tab-services-errors').innerText()).toBe('1');
    expect(await page.getByTestId('outcome').innerText()).toContain(
      '业务事项「居民身份证换领」 › 所属队列：队列「long」不存在',
    );
    await shot(page, '14-refused');
    await page.getByTestId('tab-services').click();
    await page.getByTestId('row-services-1').click();
    expect(await page.getByTestId('error-services.1.queue').innerText()).toBe('队列「long」不存在');

    expect(await runningVersion(h)).toBe(1);
    expect(dbFingerprint(h.db)).toEqual(before);
    expect((await h.api('GET', '/api/catalogue')).body).toEqual(catalogue);
    expect(await kiosk.getByTestId('category-大业务').count()).toBe(1);

    await page.getByTestId('discard').click();
    await confirm(page);
    expect(await page.getByTestId('unsaved-bar').count()).toBe(0);
    expect(await page.getByTestId('tab-services-errors').count()).toBe(0);

    // A duplicate window number: refused at the field; fixing it clears the mark before saving again.
    await page.getByTestId('tab-windows').click();
    await page.getByTestId('row-windows-1').click();
    await page.getByTestId('cfg-windows.1.number').fill('1');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('refused');
    expect(await page.getByTestId('error-windows.1.number').innerText()).toBe('窗口号 1 重复');
    await page.getByTestId('cfg-windows.1.number').fill('6');
    expect(await page.getByTestId('error-windows.1.number').count()).toBe(0);
    expect(await page.getByTestId('outcome').innerText()).toContain('问题都已改正');
    expect(await runningVersion(h)).toBe(1);
    expect(dbFingerprint(h.db)).toEqual(before);
  });

  it('a version changed elsewhere is noticed; saving over it is refused and offers to reload', async () => {
    h = await startHub(testHallConfig());
    const page = await openConfig(h);
    await page.getByTestId('tab-hall').click();
    await page.getByTestId('cfg-hall.name').fill('测试大厅（东厅）');
    const mgr = await h.login('m1');
    expect((await h.api('POST', '/api/windows/w2/open', { open: false }, mgr)).status).toBe(200);
    expect(await page.getByTestId('remote-note').innerText()).toContain('版本 2');

    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('stale');
    expect(await page.getByTestId('outcome').innerText()).toContain('请刷新后重试');
    expect(await runningVersion(h)).toBe(2);
    await page.getByTestId('reload').click();
    await expect.poll(() => page.getByTestId('config-version').getAttribute('data-version')).toBe('2');
    expect(await page.getByTestId('unsaved-bar').count()).toBe(0);
    await page.getByTestId('tab-windows').click();
    await page.getByTestId('row-windows-1').click();
    expect(await page.getByTestId('cfg-windows.1.open').isChecked()).toBe(false);

    // Without edits of its own, the page simply follows a change made elsewhere.
    await h.api('POST', '/api/windows/w2/open', { open: true }, mgr);
    await expect.poll(() => page.getByTestId('config-version').getAttribute('data-version')).toBe('3');
    expect(await page.getByTestId('cfg-windows.1.open').isChecked()).toBe(true);
    expect(await page.getByTestId('remote-note').count()).toBe(0);
  });

  it('a PIN reset applies at once, and an unsaved edit carries on over it without undoing it', async () => {
    h = await startHub(testHallConfig());
    const page = await openConfig(h);
    await page.getByTestId('tab-hall').click();
    await page.getByTestId('cfg-hall.name').fill('测试大厅（东厅）');

    await page.getByTestId('tab-staff').click();
    await page.getByTestId('pin-reset-a1').click();
    // A PIN an attacker tries first is refused before it is sent (and by the hub too).
    await page.getByTestId('pin-new').fill('4321');
    await page.getByTestId('pin-again').fill('4321');
    await page.getByTestId('pin-submit').click();
    expect(await page.getByTestId('pin-error').innerText()).toContain('密码过于简单');
    await page.getByTestId('pin-new').fill('5830');
    await page.getByTestId('pin-again').fill('5831');
    await page.getByTestId('pin-submit').click();
    expect(await page.getByTestId('pin-error').innerText()).toBe('两次输入的密码不一样');
    await page.getByTestId('pin-again').fill('5830');
    await shot(page, '15-pin-reset');
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('pin-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('toast').innerText()).toBe('已重置 甲1 的密码');

    expect((await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '1234' })).status).toBe(401);
    expect((await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '5830' })).status).toBe(200);
    await expect.poll(() => page.getByTestId('config-version').getAttribute('data-version')).toBe('2');

    // The name edit is still there and saves on top of the reset, which stays.
    expect(await page.getByTestId('unsaved-summary').innerText()).toContain('大厅与时间');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('saved');
    expect(await runningVersion(h)).toBe(3);
    expect((await h.api('POST', '/api/auth/login', { officerId: 'a1', pin: '5830' })).status).toBe(200);

    // A new officer needs a first PIN; the save without one is refused at that field.
    // (The test hall has 4 windows' A and B, the manager and the guide: the new one is officers.10.)
    await page.getByTestId('add-officers').click();
    await page.getByTestId('cfg-officers.10.id').fill('c1');
    await page.getByTestId('cfg-officers.10.name').fill('丙1');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('refused');
    expect(await page.getByTestId('error-officers.10.pin').innerText()).toBe('密码为 4 到 8 位数字');
    await page.getByTestId('cfg-officers.10.pin').fill('6666');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('error-officers.10.pin').innerText()).toContain('密码过于简单');
    await page.getByTestId('cfg-officers.10.pin').fill('2468');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('saved');
    expect((await h.api('POST', '/api/auth/login', { officerId: 'c1', pin: '2468' })).status).toBe(200);
  });

  it('device keys stay in the hub: a saved key is never shown; a new or replaced key is shown once, until saved', async () => {
    h = await startHub(testHallConfig());
    const page = await openConfig(h);
    await page.getByTestId('tab-devices').click();
    await page.getByTestId('row-devices-0').click();
    expect(await page.getByTestId('devices-0-key-kept').innerText()).toContain('不再显示');
    expect(await page.getByTestId('devices-0-url').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('kiosk-1-secret');
    await shot(page, '18-device-key-kept');

    // Replace kiosk-1's key: the new one and the device address are shown, with the warning.
    await page.getByTestId('devices-0-key').click();
    await confirm(page);
    const key = await page.getByTestId('cfg-devices.0.key').inputValue();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await page.getByTestId('devices-0-url').inputValue()).toBe(`${h.url}/kiosk/?key=${key}`);
    await page.getByTestId('devices-0-key-once').waitFor();
    await shot(page, '19-device-key-once');

    // A new device gets a key of its own, shown the same way.
    await page.getByTestId('add-devices').click();
    await page.getByTestId('cfg-devices.4.id').fill('kiosk-3');
    const added = await page.getByTestId('cfg-devices.4.key').inputValue();
    expect(added).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('saved');

    // Saved: both keys work, the old one does not, and neither is shown any more.
    expect((await h.api('GET', '/api/hall', undefined, 'kiosk-1-secret')).status).toBe(401);
    expect((await h.api('GET', '/api/hall', undefined, key)).status).toBe(200);
    expect((await h.api('GET', '/api/hall', undefined, added)).status).toBe(200);
    expect((await h.api('GET', '/api/hall', undefined, 'display-1-secret')).status).toBe(200);
    await page.getByTestId('row-devices-0').click();
    await page.getByTestId('devices-0-key-kept').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(key);
  });

  it('export then import of the same file changes nothing; a broken or invalid file is refused', async () => {
    h = await startHub(testHallConfig());
    const page = await openConfig(h);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-config').click()]);
    expect(download.suggestedFilename()).toBe('hall-config-test-hall-v1.json');
    const text = readFileSync(await download.path(), 'utf8');
    const exported = JSON.parse(text);
    // Secrets never leave the hub: no PIN hash, no device key; an import keeps the ones in use.
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('kiosk-1-secret');
    expect(exported.devices.every((d: object) => !('key' in d))).toBe(true);

    const pick = (name: string, body: string): Promise<void> =>
      page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });

    await pick('hall-config-test-hall-v1.json', text);
    expect(await page.getByTestId('import-summary').innerText()).toContain('完全相同');
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('unchanged');
    expect(await page.getByTestId('outcome').innerText()).toContain('配置没有变化');
    expect(await runningVersion(h)).toBe(1);

    const before = dbFingerprint(h.db);
    await pick('broken.json', '{"hall": {"id": "test-hall",');
    expect(await page.getByTestId('import-error').innerText()).toContain('这不是有效的 JSON 文件，没有导入');
    expect(await page.getByTestId('import-apply').count()).toBe(0);
    await shot(page, '16-import-broken');
    await page.keyboard.press('Escape');

    const invalid = structuredClone(exported);
    invalid.services[0].queue = 'nowhere';
    invalid.windows[1].number = 1;
    await pick('invalid.json', JSON.stringify(invalid));
    const error = await page.getByTestId('import-error').innerText();
    expect(error).toContain('业务事项「无犯罪记录证明」 › 所属队列：队列「nowhere」不存在');
    expect(error).toContain('窗口「2号窗口」 › 窗口号：窗口号 1 重复');
    await page.keyboard.press('Escape');
    expect(await runningVersion(h)).toBe(1);
    expect(dbFingerprint(h.db)).toEqual(before);

    const changed = structuredClone(exported);
    changed.services.push({ id: 'residence', name: '居住证办理', queue: 'quick', materials: [] });
    await pick('changed.json', JSON.stringify(changed));
    expect(await page.getByTestId('import-summary').innerText()).toContain('业务事项：新增 1');
    await shot(page, '17-import-summary');
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-kind')).toBe('saved');
    expect(await runningVersion(h)).toBe(2);
  });
});
