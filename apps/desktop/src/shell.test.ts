import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from './desktop-api.ts';
import { HIDE_CURSOR_CSS } from './window-options.ts';
import { FakeBrowserWindow, fakeEvent, resetFakeElectron, type FakeWebContents } from './testing/fake-electron.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).electronModule);
const { startShell, USER_DATA_DIR } = await import('./shell.ts');

const HUB = 'http://10.0.0.2:8080';
const KIOSK_PAGE = `${HUB}/kiosk/?key=kiosk-1-secret`;
let root = '';
let fake = resetFakeElectron();

function userData(): string {
  return join(root, 'appData', USER_DATA_DIR);
}

function writeConfig(config: Record<string, unknown>): void {
  mkdirSync(userData(), { recursive: true });
  writeFileSync(join(userData(), 'config.json'), JSON.stringify(config));
}

async function start(
  config: Record<string, unknown> | null,
  probe = vi.fn(() => Promise.resolve(true)),
  argv: string[] = [],
) {
  if (config) writeConfig(config);
  const shell = await startShell({ argv, env: {}, probe, random: () => 0.5 });
  const win = FakeBrowserWindow.instances.at(-1);
  return { shell, win, wc: win?.webContents as FakeWebContents, probe };
}

function key(k: string, mods: Record<string, boolean> = {}) {
  return { type: 'keyDown', key: k, code: k, control: false, meta: false, alt: false, shift: false, ...mods };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'yc-shell-'));
  fake = resetFakeElectron();
  fake.app.paths = { appData: join(root, 'appData'), home: join(root, 'home') };
  vi.useFakeTimers({ now: new Date('2025-03-03T10:00:00+08:00') });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('a kiosk', () => {
  const KIOSK = { role: 'kiosk', hubUrl: HUB, deviceKey: 'kiosk-1-secret' };

  it('opens one locked, awake, menu-less kiosk window on the kiosk page with its key', async () => {
    const { win, wc } = await start(KIOSK);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(win?.options).toMatchObject({
      kiosk: true,
      webPreferences: { contextIsolation: true, sandbox: true, devTools: false },
    });
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(fake.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(fake.app.switches).toContainEqual(['disable-pinch', undefined]);
    expect(wc.loads).toEqual([{ kind: 'url', url: KIOSK_PAGE }]);
    expect(wc.zoomLimits).toEqual([1, 1]);
    expect(wc.insertedCss).toEqual([]);
    expect(win?.options.webPreferences).toMatchObject({ preload: join(fake.app.appPath, 'dist', 'preload.cjs') });
  });

  it('denies window.open and navigation away from the hub', async () => {
    const { wc } = await start(KIOSK);
    expect(wc.windowOpenHandler?.({ url: `${HUB}/kiosk/` })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      `http://x@10.0.0.2:8080/`,
      'http://10.0.0.2:8081/',
    ]) {
      const e = fakeEvent(url);
      wc.emit('will-navigate', e);
      expect(e.defaultPrevented, url).toBe(true);
    }
    const ok = fakeEvent(`${HUB}/t/tk_1`);
    wc.emit('will-navigate', ok);
    expect(ok.defaultPrevented).toBe(false);
    const redirect = fakeEvent('http://portal.example/login');
    wc.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
  });

  it('swallows F5 and Ctrl+Shift+I, lets typing through, and quits on the technician chord', async () => {
    const { wc } = await start(KIOSK);
    const f5 = fakeEvent();
    wc.emit('before-input-event', f5, key('F5'));
    expect(f5.defaultPrevented).toBe(true);
    const devtools = fakeEvent();
    wc.emit('before-input-event', devtools, key('I', { control: true, shift: true }));
    expect(devtools.defaultPrevented).toBe(true);
    const letter = fakeEvent();
    wc.emit('before-input-event', letter, key('a'));
    expect(letter.defaultPrevented).toBe(false);
    expect(fake.app.quit).not.toHaveBeenCalled();
    wc.emit('before-input-event', fakeEvent(), {
      ...key('Q', { control: true, alt: true, shift: true }),
      code: 'KeyQ',
    });
    expect(fake.app.quit).toHaveBeenCalledOnce();
  });

  it('will not close on Alt+F4, only when the app quits on purpose', async () => {
    const { win } = await start(KIOSK);
    win?.close();
    expect(win?.isDestroyed()).toBe(false);
    fake.app.quit();
    win?.close();
    expect(win?.isDestroyed()).toBe(true);
    expect(fake.powerSaveBlocker.stop).toHaveBeenCalledWith(7);
  });

  it('reloads after a renderer crash and relaunches after three within two minutes', async () => {
    const { wc } = await start(KIOSK);
    wc.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 });
    expect(wc.loads).toHaveLength(2);
    expect(wc.lastLoad()).toEqual({ kind: 'url', url: KIOSK_PAGE });
    await vi.advanceTimersByTimeAsync(30_000);
    wc.emit('render-process-gone', fakeEvent(), { reason: 'oom', exitCode: 1 });
    expect(wc.loads).toHaveLength(3);
    expect(fake.app.relaunch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30_000);
    wc.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 });
    expect(fake.app.relaunch).toHaveBeenCalledOnce();
    expect(fake.app.exit).toHaveBeenCalledWith(0);
    expect(wc.loads).toHaveLength(3);
    // The relaunch is remembered across the restart, for the relaunch-loop guard.
    expect(JSON.parse(readFileSync(join(userData(), 'recovery.json'), 'utf8'))).toEqual({ relaunches: [Date.now()] });
  });

  it('crashes a hung page on purpose and reloads it once, not counting the crash twice', async () => {
    const { win, wc, shell } = await start(KIOSK);
    win?.emit('unresponsive');
    expect(wc.forcedCrashes).toBe(1);
    expect(wc.loads).toHaveLength(2);
    wc.emit('render-process-gone', fakeEvent(), { reason: 'killed', exitCode: 0 });
    expect(wc.loads).toHaveLength(2);
    expect(shell?.diagnostics().recentFailures).toBe(1);
  });

  it('shows the offline page while the hub is down, backs off, and returns by itself', async () => {
    const probe = vi.fn(() => Promise.resolve(false));
    fake.failingUrls.add(KIOSK_PAGE);
    const { shell, wc } = await start(KIOSK, probe);
    expect(wc.loads[0]).toEqual({ kind: 'url', url: KIOSK_PAGE });
    const offline = wc.lastLoad();
    expect(offline).toMatchObject({
      kind: 'file',
      query: { attempt: '1', retryInMs: '1000', reason: '-102', role: 'kiosk' },
    });
    expect(offline?.kind === 'file' && offline.path).toBe(join(fake.app.appPath, 'dist', 'pages', 'offline.html'));
    expect(shell?.diagnostics().showing).toBe('offline');

    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe).toHaveBeenCalledWith(HUB);
    expect(wc.lastLoad()).toMatchObject({ kind: 'file', query: { attempt: '2', retryInMs: '2000' } });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(wc.lastLoad()).toMatchObject({ kind: 'file', query: { attempt: '3', retryInMs: '4000' } });

    // The health check answers but the page still fails: the back-off keeps growing.
    probe.mockResolvedValue(true);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(wc.loads.slice(-2)).toMatchObject([
      { kind: 'url', url: KIOSK_PAGE },
      { kind: 'file', query: { attempt: '4', retryInMs: '8000' } },
    ]);

    // The hub is back: the kiosk page loads by itself and the back-off starts over.
    fake.failingUrls.clear();
    await vi.advanceTimersByTimeAsync(7_999);
    expect(wc.lastLoad()?.kind).toBe('file');
    await vi.advanceTimersByTimeAsync(1);
    expect(wc.lastLoad()).toEqual({ kind: 'url', url: KIOSK_PAGE });
    expect(shell?.diagnostics()).toMatchObject({ showing: 'hub', offlineAttempt: 0 });
  });

  it('treats a 5xx answer from the hub as down', async () => {
    const { wc } = await start(KIOSK);
    wc.emit('did-navigate', fakeEvent(), KIOSK_PAGE, 503, 'Service Unavailable');
    expect(wc.lastLoad()).toMatchObject({ kind: 'file', query: { reason: 'http-503' } });
  });

  it('denies every permission to a kiosk page and every download', async () => {
    await start(KIOSK);
    const ses = fake.session.defaultSession;
    const granted = vi.fn();
    ses.permissionRequest?.(null, 'media', granted, { requestingUrl: `${HUB}/kiosk/` });
    expect(granted).toHaveBeenCalledWith(false);
    expect(ses.permissionCheck?.(null, 'notifications', HUB)).toBe(false);
    expect(ses.permissionCheck?.(null, 'fullscreen', HUB)).toBe(true);
    const download = fakeEvent();
    ses.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
  });

  it('answers diagnostics to the hub page but not to another origin', async () => {
    await start(KIOSK);
    const handler = fake.handlers.get(IPC.diagnostics)!;
    const d = handler({ senderFrame: { url: `${HUB}/kiosk/` } }) as Record<string, unknown>;
    expect(d).toMatchObject({ version: '0.1.0', role: 'kiosk', hubOrigin: HUB, showing: 'hub' });
    expect(JSON.stringify(d)).not.toContain('kiosk-1-secret');
    expect(() => handler({ senderFrame: { url: 'https://evil.example/' } })).toThrow();
  });

  it('quits at once when another instance already runs', async () => {
    fake.app.singleInstance = false;
    const { shell } = await start(KIOSK);
    expect(shell).toBeNull();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('a display', () => {
  it('hides the cursor on every page it shows', async () => {
    const { wc } = await start({ role: 'display', hubUrl: HUB, deviceKey: 'display-1-secret' });
    expect(wc.loads).toEqual([{ kind: 'url', url: `${HUB}/display/?key=display-1-secret` }]);
    expect(wc.insertedCss).toEqual([HIDE_CURSOR_CSS]);
  });
});

describe('a counter', () => {
  it('opens a normal window where it was left, moved back onto a display that exists', async () => {
    writeConfig({ role: 'counter', hubUrl: HUB });
    writeFileSync(
      join(userData(), 'window-state.json'),
      JSON.stringify({ x: 2500, y: 100, width: 1000, height: 700, maximized: false }),
    );
    const { win, wc } = await start(null);
    expect(win?.options.kiosk).toBeUndefined();
    expect(win?.options).toMatchObject({ x: 460, y: 170, width: 1000, height: 700 });
    expect(fake.powerSaveBlocker.start).not.toHaveBeenCalled();
    expect(wc.loads).toEqual([{ kind: 'url', url: `${HUB}/counter/` }]);

    // F5 is the officer's to use; the developer tools are not.
    const f5 = fakeEvent();
    wc.emit('before-input-event', f5, key('F5'));
    expect(f5.defaultPrevented).toBe(false);

    win!.bounds = { x: 100, y: 80, width: 1100, height: 750 };
    win!.emit('resize');
    await vi.advanceTimersByTimeAsync(600);
    expect(JSON.parse(readFileSync(join(userData(), 'window-state.json'), 'utf8'))).toEqual({
      x: 100,
      y: 80,
      width: 1100,
      height: 750,
      maximized: false,
    });
    win!.close();
    expect(win!.isDestroyed()).toBe(true);
  });
});

describe('first run', () => {
  it('shows the setup page, keeps the old file on bad input, and starts the role once saved', async () => {
    mkdirSync(userData(), { recursive: true });
    writeFileSync(join(userData(), 'config.json'), '{"role":"kiosk"');
    const before = readFileSync(join(userData(), 'config.json'), 'utf8');
    const { win, wc } = await start(null);
    expect(wc.loads).toEqual([
      { kind: 'file', path: join(fake.app.appPath, 'dist', 'pages', 'setup.html'), query: {} },
    ]);
    expect(win?.options.webPreferences).toMatchObject({ preload: join(fake.app.appPath, 'dist', 'setup-preload.cjs') });

    const sender = { sender: wc };
    const state = (await fake.handlers.get(IPC.setupLoad)!(sender)) as { error: { code: string } };
    expect(state.error.code).toBe('notJson');
    // Another page cannot drive setup.
    expect(() => fake.handlers.get(IPC.setupSave)!({ sender: {} }, {})).toThrow();

    const bad = await fake.handlers.get(IPC.setupSave)!(sender, {
      role: 'kiosk',
      hubUrl: HUB,
      deviceKey: '',
      startAtLogin: true,
    });
    expect(bad).toMatchObject({ ok: false, error: { field: 'deviceKey', zh: expect.stringMatching(/设备密钥/) } });
    expect(readFileSync(join(userData(), 'config.json'), 'utf8')).toBe(before);
    expect(FakeBrowserWindow.instances).toHaveLength(1);

    const good = await fake.handlers.get(IPC.setupSave)!(sender, {
      role: 'kiosk',
      hubUrl: '10.0.0.2:8080',
      deviceKey: 'kiosk-1-secret',
      startAtLogin: true,
    });
    expect(good).toEqual({ ok: true });
    expect(JSON.parse(readFileSync(join(userData(), 'config.json'), 'utf8'))).toEqual({
      version: 1,
      role: 'kiosk',
      hubUrl: HUB,
      deviceKey: 'kiosk-1-secret',
      startAtLogin: true,
    });
    expect(win?.isDestroyed()).toBe(true);
    const kiosk = FakeBrowserWindow.instances[1]!;
    expect(kiosk.options).toMatchObject({ kiosk: true });
    expect(kiosk.webContents.loads).toEqual([{ kind: 'url', url: KIOSK_PAGE }]);
  });

  it('starts straight away from installer flags and saves them, registering start at login when packaged', async () => {
    fake.app.isPackaged = true;
    const { wc } = await start(null, undefined, [
      '--role=display',
      `--hub-url=${HUB}`,
      '--device-key=display-1-secret',
    ]);
    expect(wc.loads).toEqual([{ kind: 'url', url: `${HUB}/display/?key=display-1-secret` }]);
    expect(existsSync(join(userData(), 'config.json'))).toBe(true);
    if (process.platform === 'linux') {
      expect(readFileSync(join(root, 'home', '.config', 'autostart', 'yichuang-desktop.desktop'), 'utf8')).toContain(
        'Exec=',
      );
    } else {
      expect(fake.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    }
  });
});
