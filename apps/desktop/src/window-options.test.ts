import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linuxAutostartEntry, syncLinuxAutostart } from './autostart.ts';
import { isPermissionGranted } from './permission-policy.ts';
import { ROLES, rolePageUrl } from './roles.ts';
import { lockdownFor, windowOptionsFor } from './window-options.ts';

const INPUT = { preloadPath: '/app/dist/preload.cjs', version: '0.1.0' };

describe('window options per role', () => {
  it.each(['kiosk', 'display'] as const)('%s: a full-screen kiosk window that speaks without a tap', (role) => {
    const o = windowOptionsFor(role, { ...INPUT, bounds: { x: 5, y: 5, width: 900, height: 700 } });
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, frame: false, movable: false, resizable: false });
    expect(o.webPreferences).toMatchObject({
      autoplayPolicy: 'no-user-gesture-required',
      disableDialogs: true,
      zoomFactor: 1,
      devTools: false,
    });
    // Saved bounds belong to officers' windows only.
    expect(o.x).toBeUndefined();
  });

  it.each(['counter', 'manager', 'guide'] as const)('%s: a normal window at the restored bounds', (role) => {
    const bounds = { x: 40, y: 30, width: 1200, height: 800 };
    const o = windowOptionsFor(role, { ...INPUT, bounds });
    expect(o.kiosk).toBeUndefined();
    expect(o).toMatchObject({ ...bounds, minWidth: 800, minHeight: 600 });
    expect(o.webPreferences?.autoplayPolicy).toBeUndefined();
  });

  it.each([...ROLES, null])('%s: isolated, sandboxed, no Node, no devtools, the role passed to the preload', (role) => {
    const w = windowOptionsFor(role, INPUT).webPreferences;
    expect(w).toMatchObject({
      preload: INPUT.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      webSecurity: true,
    });
    expect(w?.additionalArguments).toEqual([`--yichuang-role=${role ?? ''}`, '--yichuang-version=0.1.0']);
  });

  it('locks down what each role needs and no more', () => {
    expect(lockdownFor('kiosk')).toMatchObject({
      kiosk: true,
      hideCursor: false,
      preventSleep: true,
      rememberBounds: false,
    });
    expect(lockdownFor('display')).toMatchObject({ kiosk: true, hideCursor: true, preventSleep: true, lockZoom: true });
    expect(lockdownFor('counter')).toMatchObject({ kiosk: false, rememberBounds: true, allowDownloads: false });
    expect(lockdownFor('manager')).toMatchObject({ kiosk: false, rememberBounds: true, allowDownloads: true });
  });

  it('gives the device key only to device pages', () => {
    expect(rolePageUrl('http://10.0.0.2:8080', 'kiosk', 'k/1 secret')).toBe(
      'http://10.0.0.2:8080/kiosk/?key=k%2F1+secret',
    );
    expect(rolePageUrl('http://10.0.0.2:8080', 'counter', 'k-1-secret')).toBe('http://10.0.0.2:8080/counter/');
    // The 导办 tablet opens the guide page; the guide signs in with a PIN.
    expect(rolePageUrl('http://10.0.0.2:8080', 'guide', 'k-1-secret')).toBe('http://10.0.0.2:8080/guide/');
  });
});

describe('permissions', () => {
  const HUB = 'http://10.0.0.2:8080';
  it('denies a kiosk the camera, microphone and notifications, even from the hub', () => {
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])
      expect(isPermissionGranted('kiosk', HUB, p, HUB)).toBe(false);
  });
  it('lets the hub notify an officer, but nobody else', () => {
    expect(isPermissionGranted('counter', HUB, 'notifications', `${HUB}/counter/`)).toBe(true);
    expect(isPermissionGranted('counter', HUB, 'notifications', 'http://10.0.0.3:8080')).toBe(false);
    expect(isPermissionGranted('counter', HUB, 'media', HUB)).toBe(false);
    expect(isPermissionGranted(null, null, 'notifications', HUB)).toBe(false);
  });
});

describe('start at login on Linux', () => {
  it('writes and removes an autostart entry, quoting a path with spaces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yc-autostart-'));
    try {
      const file = syncLinuxAutostart(dir, true, '/home/hall/Apps/一窗 Yichuang.AppImage');
      expect(readFileSync(file, 'utf8')).toContain('Exec="/home/hall/Apps/一窗 Yichuang.AppImage"\n');
      expect(linuxAutostartEntry('/opt/yichuang/yichuang')).toContain('Exec=/opt/yichuang/yichuang\n');
      syncLinuxAutostart(dir, false, '/x');
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
