import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configPath, readConfigFile, saveSetupForm, writeConfigFile } from './config-store.ts';
import { normalizeHubUrl, parseConfigText, serializeConfig, validateConfig } from './desktop-config.ts';
import { parseOverrides, resolveStartup } from './startup-config.ts';

const KIOSK = { version: 1, role: 'kiosk', hubUrl: 'http://192.168.1.10:8080', deviceKey: 'kiosk-1-secret' };

function expectError(result: ReturnType<typeof validateConfig>, field: string | null, zh: RegExp, en: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.field).toBe(field);
  expect(result.error.zh).toMatch(zh);
  expect(result.error.en).toMatch(en);
  expect(result.error.message).toBe(`${result.error.zh} / ${result.error.en}`);
}

describe('config parsing', () => {
  it('accepts a kiosk config and normalises the hub URL to its origin', () => {
    const r = validateConfig({ ...KIOSK, hubUrl: ' HTTP://192.168.1.10:8080/ ' });
    expect(r).toEqual({ ok: true, config: KIOSK });
    if (r.ok) expect(parseConfigText(serializeConfig(r.config))).toEqual(r);
  });

  it('accepts host:port without a scheme, and drops a device key a counter does not need', () => {
    const r = validateConfig({ role: 'counter', hubUrl: 'hub.hall.local:8080', deviceKey: 'whatever-key' });
    expect(r).toEqual({ ok: true, config: { version: 1, role: 'counter', hubUrl: 'http://hub.hall.local:8080' } });
  });

  it('accepts the guide tablet (导办平板) without a device key', () => {
    const r = validateConfig({ role: 'guide', hubUrl: '10.0.0.2:8080' });
    expect(r).toEqual({ ok: true, config: { version: 1, role: 'guide', hubUrl: 'http://10.0.0.2:8080' } });
  });

  it.each([
    ['ftp://hub:21', 'hubUrl'],
    ['http://', 'hubUrl'],
    ['javascript:alert(1)', 'hubUrl'],
    ['http://hub:8080/kiosk/', 'hubUrlPath'],
    ['http://hub:8080/?key=1', 'hubUrlPath'],
    ['http://admin:pw@hub:8080', 'hubUrlPath'],
    ['   ', 'hubUrlMissing'],
  ])('refuses the hub URL %s', (url, code) => {
    expect(normalizeHubUrl(url)).toEqual({ ok: false, code });
  });

  it('explains a bad role in Chinese and English', () => {
    expectError(validateConfig({ ...KIOSK, role: 'tv' }), 'role', /取号机/, /kiosk, counter, display, manager/);
  });

  it('requires a device key for a kiosk and a display, without spaces', () => {
    const { deviceKey: _k, ...noKey } = KIOSK;
    expectError(validateConfig(noKey), 'deviceKey', /设备密钥/, /device key/);
    expectError(validateConfig({ ...KIOSK, role: 'display', deviceKey: '  ' }), 'deviceKey', /设备密钥/, /device key/);
    expectError(validateConfig({ ...KIOSK, deviceKey: 'has space inside' }), 'deviceKey', /不含空格/, /without spaces/);
    expectError(validateConfig({ ...KIOSK, deviceKey: 'short' }), 'deviceKey', /8 到 200/, /8 to 200/);
  });

  it('refuses broken JSON, non-objects, typos and configs from a newer app', () => {
    expectError(parseConfigText('{"role": "kiosk",'), null, /JSON/, /not valid JSON/);
    expectError(parseConfigText('[]'), null, /对象/, /object/);
    expectError(validateConfig({ ...KIOSK, hubURL: 'x' }), null, /hubURL/, /unknown setting\(s\): hubURL/);
    expectError(validateConfig({ ...KIOSK, version: 2 }), 'version', /升级/, /newer version/);
    expectError(validateConfig({ role: 'kiosk', deviceKey: 'kiosk-1-secret' }), 'hubUrl', /中心服务地址/, /missing/);
    expectError(validateConfig({ ...KIOSK, startAtLogin: 'yes' }), 'startAtLogin', /开机自动启动/, /true or false/);
  });
});

describe('flags and environment', () => {
  it('reads flags in both forms, and flags win over the environment', () => {
    const o = parseOverrides(
      [
        '/opt/yichuang/yichuang',
        '--role=display',
        '--hub-url',
        'http://10.0.0.2:8080',
        '--no-start-at-login',
        '--setup',
      ],
      { YICHUANG_ROLE: 'kiosk', YICHUANG_DEVICE_KEY: 'display-1-secret', YICHUANG_START_AT_LOGIN: '1' },
    );
    expect(o).toEqual({
      values: { role: 'display', hubUrl: 'http://10.0.0.2:8080', deviceKey: 'display-1-secret', startAtLogin: false },
      setup: true,
    });
  });

  it('runs a valid file as it is, and shows setup for a missing or bad one with the reason', () => {
    const none = parseOverrides([], {});
    expect(resolveStartup({ kind: 'ok', config: KIOSK as never }, none)).toEqual({
      mode: 'run',
      config: KIOSK,
      save: false,
    });
    expect(resolveStartup({ kind: 'missing' }, none)).toMatchObject({ mode: 'setup', error: null });
    const bad = resolveStartup(
      { kind: 'invalid', error: { code: 'role' } as never, raw: { hubUrl: 'http://h:1' } },
      none,
    );
    expect(bad).toMatchObject({ mode: 'setup', error: { code: 'role' }, form: { hubUrl: 'http://h:1', role: '' } });
  });

  it('saves a complete config given by flags only when there is no file yet', () => {
    const flags = parseOverrides(['--role=counter', '--hub-url=10.0.0.2:8080'], {});
    expect(resolveStartup({ kind: 'missing' }, flags)).toMatchObject({
      mode: 'run',
      save: true,
      config: { role: 'counter' },
    });
    const over = resolveStartup({ kind: 'ok', config: KIOSK as never }, parseOverrides(['--hub-url=10.0.0.3:80'], {}));
    expect(over).toEqual({ mode: 'run', save: false, config: { ...KIOSK, hubUrl: 'http://10.0.0.3' } });
    const incomplete = resolveStartup({ kind: 'missing' }, parseOverrides(['--role=kiosk', '--hub-url=10.0.0.2'], {}));
    expect(incomplete).toMatchObject({ mode: 'setup', error: { code: 'deviceKeyMissing' }, form: { role: 'kiosk' } });
  });
});

describe('config file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the old config when the setup form is bad, and replaces it when it is good', () => {
    dir = mkdtempSync(join(tmpdir(), 'yc-desktop-'));
    const path = configPath(dir);
    writeConfigFile(path, KIOSK as never);
    const before = readFileSync(path, 'utf8');

    const bad = saveSetupForm(path, {
      role: 'kiosk',
      hubUrl: 'http://hub:8080/kiosk/',
      deviceKey: 'k-123456',
      startAtLogin: true,
    });
    expect(bad.result).toMatchObject({ ok: false, error: { field: 'hubUrl', code: 'hubUrlPath' } });
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readConfigFile(path)).toEqual({ kind: 'ok', config: KIOSK });

    const good = saveSetupForm(path, { role: 'manager', hubUrl: '10.0.0.9:8080', deviceKey: '', startAtLogin: false });
    expect(good.result).toEqual({ ok: true });
    expect(readConfigFile(path)).toEqual({
      kind: 'ok',
      config: { version: 1, role: 'manager', hubUrl: 'http://10.0.0.9:8080', startAtLogin: false },
    });
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('reports a hand-edited bad file with what could be read, and a missing one as missing', () => {
    dir = mkdtempSync(join(tmpdir(), 'yc-desktop-'));
    const path = configPath(dir);
    expect(readConfigFile(path)).toEqual({ kind: 'missing' });
    writeFileSync(path, JSON.stringify({ role: 'kiosk', hubUrl: 'http://10.0.0.2:8080' }));
    expect(readConfigFile(path)).toMatchObject({
      kind: 'invalid',
      error: { code: 'deviceKeyMissing' },
      raw: { role: 'kiosk', hubUrl: 'http://10.0.0.2:8080' },
    });
    writeFileSync(path, '{oops');
    expect(readConfigFile(path)).toMatchObject({ kind: 'invalid', error: { code: 'notJson' }, raw: null });
  });
});
