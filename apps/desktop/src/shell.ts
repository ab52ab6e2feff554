/**
 * The app's lifecycle: one instance, the config (file, flags, or the first-run page), the session's
 * permission policy, IPC for the preloads, and start at login. The role's window lives in
 * role-window.ts; every decision lives in a plain module with its own tests.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BrowserWindow,
  Menu,
  app,
  ipcMain,
  net,
  screen,
  session,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { syncLinuxAutostart } from './autostart.ts';
import { configPath, readConfigFile, saveSetupForm, writeConfigFile } from './config-store.ts';
import { IPC, type DesktopDiagnostics, type SetupForm, type SetupState } from './desktop-api.ts';
import { effectiveStartAtLogin, normalizeHubUrl, type DesktopConfig } from './desktop-config.ts';
import { isAllowedNavigation, isHubUrl } from './navigation-guard.ts';
import { isPermissionGranted } from './permission-policy.ts';
import { openRoleWindow, type RoleWindow } from './role-window.ts';
import { isLockedRole } from './roles.ts';
import { parseOverrides, resolveStartup } from './startup-config.ts';
import { centeredIn } from './window-bounds.ts';
import { lockdownFor, windowOptionsFor } from './window-options.ts';

/** A fixed ASCII folder, whatever the product name: `%APPDATA%\yichuang-desktop`, `~/.config/yichuang-desktop`. */
export const USER_DATA_DIR = 'yichuang-desktop';

export interface ShellOptions {
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  probe?: (hubOrigin: string) => Promise<boolean>;
  random?: () => number;
  now?: () => number;
}

export interface Shell {
  config(): DesktopConfig | null;
  roleWindow(): RoleWindow | null;
  setupWindow(): BrowserWindow | null;
  diagnostics(): DesktopDiagnostics;
}

/** The hub's health check, over Chromium's network stack (proxy settings and all). */
export async function probeHub(hubOrigin: string): Promise<boolean> {
  try {
    const res = await net.fetch(new URL('/api/health', hubOrigin).href, {
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

function toSetupForm(input: unknown): SetupForm {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    role: str(o.role),
    hubUrl: str(o.hubUrl),
    deviceKey: str(o.deviceKey),
    startAtLogin: o.startAtLogin === true,
  };
}

export async function startShell(options: ShellOptions = {}): Promise<Shell | null> {
  const env = options.env ?? process.env;
  const probe = options.probe ?? probeHub;
  const now = options.now ?? Date.now;
  app.setPath('userData', join(app.getPath('appData'), USER_DATA_DIR));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  Menu.setApplicationMenu(null);

  const userData = app.getPath('userData');
  const cfgPath = configPath(userData);
  const dist = join(app.getAppPath(), 'dist');
  const pagesUrl = pathToFileURL(join(dist, 'pages')).href;
  const version = app.getVersion();

  let config: DesktopConfig | null = null;
  let roleWindow: RoleWindow | null = null;
  let setupWindow: BrowserWindow | null = null;
  let setupState: SetupState | null = null;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  const quit = (): void => {
    quitting = true;
    app.quit();
  };

  const startup = resolveStartup(readConfigFile(cfgPath), parseOverrides(options.argv ?? process.argv, env));
  if (startup.mode === 'run' && startup.save) writeConfigFile(cfgPath, startup.config);
  if (startup.mode === 'run' && isLockedRole(startup.config.role)) {
    // Chromium-level belts under the page-level braces; only settable before `ready`.
    app.commandLine.appendSwitch('disable-pinch');
    app.commandLine.appendSwitch('overscroll-history-navigation', '0');
  }

  app.on('second-instance', () => {
    const win = roleWindow?.window ?? setupWindow;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Every web contents, including any we did not create on purpose: no popups, no webviews, no leaving the hub.
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url, config?.hubUrl ?? null)) event.preventDefault();
    });
  });

  await app.whenReady();

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionGranted(config?.role ?? null, config?.hubUrl ?? null, permission, details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionGranted(config?.role ?? null, config?.hubUrl ?? null, permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => {
    if (config === null || !lockdownFor(config.role).allowDownloads) event.preventDefault();
  });

  const diagnostics = (): DesktopDiagnostics => ({
    version,
    role: config?.role ?? null,
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    platform: `${process.platform}-${process.arch}`,
    hubOrigin: config?.hubUrl ?? null,
    showing: roleWindow ? roleWindow.showing() : setupWindow ? 'setup' : 'none',
    uptimeS: Math.round(process.uptime()),
    recentFailures: roleWindow?.recentFailures() ?? 0,
    offlineAttempt: roleWindow?.offlineAttempt() ?? 0,
  });

  const applyStartAtLogin = (cfg: DesktopConfig): void => {
    // In development the executable is the bare Electron binary: registering it would be wrong.
    if (!app.isPackaged) return;
    const enabled = effectiveStartAtLogin(cfg);
    if (process.platform === 'linux') {
      const configHome = env.XDG_CONFIG_HOME || join(app.getPath('home'), '.config');
      syncLinuxAutostart(configHome, enabled, env.APPIMAGE || process.execPath);
    } else {
      app.setLoginItemSettings({ openAtLogin: enabled });
    }
  };

  const runRole = (cfg: DesktopConfig): void => {
    config = cfg;
    applyStartAtLogin(cfg);
    roleWindow = openRoleWindow({
      config: cfg,
      version,
      userData,
      preloadPath: join(dist, 'preload.cjs'),
      offlinePage: join(dist, 'pages', 'offline.html'),
      probe,
      random: options.random ?? Math.random,
      now,
      isQuitting: () => quitting,
      quit,
      relaunch: () => {
        quitting = true;
        app.relaunch();
        app.exit(0);
      },
    });
  };

  const openSetup = (state: SetupState): void => {
    setupState = state;
    const bounds = centeredIn({ width: 900, height: 940 }, screen.getPrimaryDisplay().workArea);
    setupWindow = new BrowserWindow(
      windowOptionsFor(null, { preloadPath: join(dist, 'setup-preload.cjs'), version, bounds }),
    );
    setupWindow.on('closed', () => {
      setupWindow = null;
    });
    setupWindow.webContents.loadFile(join(dist, 'pages', 'setup.html')).catch(() => undefined);
  };

  const fromSetup = (event: IpcMainInvokeEvent): boolean =>
    setupWindow !== null && !setupWindow.isDestroyed() && event.sender === setupWindow.webContents;

  ipcMain.handle(IPC.diagnostics, (event) => {
    const url = event.senderFrame?.url ?? '';
    if (!isHubUrl(url, config?.hubUrl ?? null) && !url.startsWith(pagesUrl)) throw new Error('not allowed');
    return diagnostics();
  });
  ipcMain.handle(IPC.setupLoad, (event) => {
    if (!fromSetup(event) || setupState === null) throw new Error('not allowed');
    return setupState;
  });
  ipcMain.handle(IPC.setupProbe, async (event, hubUrl: unknown) => {
    if (!fromSetup(event)) throw new Error('not allowed');
    const hub = normalizeHubUrl(typeof hubUrl === 'string' ? hubUrl : '');
    return hub.ok ? { ok: await probe(hub.origin), origin: hub.origin } : { ok: false, origin: null };
  });
  ipcMain.handle(IPC.setupSave, (event, form: unknown) => {
    if (!fromSetup(event)) throw new Error('not allowed');
    const saved = saveSetupForm(cfgPath, toSetupForm(form));
    if (saved.config !== null) {
      const done = setupWindow;
      // The role window opens first: closing the last window would quit the app.
      runRole(saved.config);
      setupWindow = null;
      done?.close();
    }
    return saved.result;
  });

  if (startup.mode === 'run') runRole(startup.config);
  else openSetup({ form: startup.form, error: startup.error, configPath: cfgPath });

  return {
    config: () => config,
    roleWindow: () => roleWindow,
    setupWindow: () => setupWindow,
    diagnostics,
  };
}
