/**
 * The one window of a configured machine: opens the role's hub page and keeps it there. It wires
 * the plain decision modules to Electron: navigation guard, shortcut filter, zoom and cursor
 * lockdown, the offline page with back-off, and reload or relaunch after crashes and hangs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, powerSaveBlocker, screen } from 'electron';
import type { DesktopConfig } from './desktop-config.ts';
import { isAllowedNavigation, isHubUrl } from './navigation-guard.ts';
import {
  OFFLINE_BACKOFF,
  backoffDelayMs,
  decideRecovery,
  parseRelaunchTimes,
  serializeRelaunchTimes,
  type RecoveryHistory,
} from './recovery-policy.ts';
import { rolePageUrl } from './roles.ts';
import { shortcutAction } from './shortcut-filter.ts';
import { clampBounds, parseWindowState, serializeWindowState } from './window-bounds.ts';
import { HIDE_CURSOR_CSS, lockdownFor, windowOptionsFor } from './window-options.ts';

export const WINDOW_STATE_FILE = 'window-state.json';
export const RECOVERY_FILE = 'recovery.json';
/** Chromium's ERR_ABORTED: a load replaced by another one, which is not a failure. */
const ERR_ABORTED = -3;
/** A hung renderer we crash on purpose reports `render-process-gone` soon after; it is not a second failure. */
const FORCED_CRASH_GRACE_MS = 10_000;

export interface RoleWindowDeps {
  config: DesktopConfig;
  version: string;
  userData: string;
  preloadPath: string;
  offlinePage: string;
  /** Resolves true when the hub answers its health check. */
  probe: (hubOrigin: string) => Promise<boolean>;
  random: () => number;
  now: () => number;
  isQuitting: () => boolean;
  quit: () => void;
  relaunch: () => void;
}

export interface RoleWindow {
  window: BrowserWindow;
  showing(): 'hub' | 'offline';
  offlineAttempt(): number;
  recentFailures(): number;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function writeText(path: string, text: string): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (e) {
    // Losing a window position or a relaunch count must never take the screen down.
    console.warn(`[desktop] could not write ${path}: ${(e as Error).message}`);
  }
}

export function openRoleWindow(deps: RoleWindowDeps): RoleWindow {
  const { config } = deps;
  const { role, hubUrl: hub } = config;
  const lock = lockdownFor(role);
  const hubPage = rolePageUrl(hub, role, config.deviceKey);
  const statePath = join(deps.userData, WINDOW_STATE_FILE);
  const recoveryPath = join(deps.userData, RECOVERY_FILE);

  const saved = lock.rememberBounds ? parseWindowState(readText(statePath)) : null;
  const bounds = lock.rememberBounds
    ? clampBounds(
        saved,
        [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
      )
    : undefined;
  const win = new BrowserWindow(
    windowOptionsFor(role, { preloadPath: deps.preloadPath, version: deps.version, bounds }),
  );
  if (saved?.maximized) win.maximize();
  const wc = win.webContents;
  const blocker = lock.preventSleep ? powerSaveBlocker.start('prevent-display-sleep') : null;

  let showing: 'hub' | 'offline' = 'hub';
  let offlineAttempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  let history: RecoveryHistory = { failures: [], relaunches: parseRelaunchTimes(readText(recoveryPath)) };
  let forcedCrashAt = Number.NEGATIVE_INFINITY;

  const clearTimers = (): void => {
    if (retryTimer !== null) clearTimeout(retryTimer);
    if (reloadTimer !== null) clearTimeout(reloadTimer);
    retryTimer = reloadTimer = null;
  };

  const loadHub = (): void => {
    clearTimers();
    showing = 'hub';
    // A refused connection rejects here and also emits did-fail-load, which is where it is handled.
    wc.loadURL(hubPage).catch(() => undefined);
  };

  const goOffline = (reason: string): void => {
    if (retryTimer !== null || win.isDestroyed()) return;
    const delay = backoffDelayMs(offlineAttempt, OFFLINE_BACKOFF, deps.random);
    offlineAttempt += 1;
    showing = 'offline';
    const query = { attempt: String(offlineAttempt), retryInMs: String(delay), reason, role };
    wc.loadFile(deps.offlinePage, { query }).catch(() => undefined);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      const next = (ok: boolean): void => {
        if (win.isDestroyed()) return;
        if (ok) loadHub();
        else goOffline(reason);
      };
      deps.probe(hub).then(next, () => next(false));
    }, delay);
  };

  const recover = (hung: boolean): void => {
    const { decision, history: next } = decideRecovery(history, deps.now());
    history = next;
    if (decision.action === 'relaunch') {
      writeText(recoveryPath, serializeRelaunchTimes(next.relaunches));
      deps.relaunch();
      return;
    }
    if (hung) {
      forcedCrashAt = deps.now();
      wc.forcefullyCrashRenderer();
    }
    if (decision.delayMs === 0) loadHub();
    else {
      clearTimers();
      reloadTimer = setTimeout(loadHub, decision.delayMs);
    }
  };

  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url, hub)) event.preventDefault();
  };
  wc.on('will-navigate', guard);
  wc.on('will-redirect', guard);
  wc.on('will-frame-navigate', guard);
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));

  wc.on('before-input-event', (event, input) => {
    const action = shortcutAction(input, role);
    if (action === 'allow') return;
    event.preventDefault();
    if (action === 'admin-quit') deps.quit();
  });

  wc.on('dom-ready', () => {
    if (lock.lockZoom) {
      wc.setZoomFactor(1);
      wc.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
    }
    if (lock.hideCursor) wc.insertCSS(HIDE_CURSOR_CSS, { cssOrigin: 'user' }).catch(() => undefined);
  });
  wc.on('zoom-changed', () => {
    if (lock.lockZoom) wc.setZoomFactor(1);
  });

  wc.on('did-fail-load', (_event, code, _description, url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED || !isHubUrl(url, hub)) return;
    goOffline(String(code));
  });
  wc.on('did-navigate', (_event, url, status) => {
    if (!isHubUrl(url, hub)) return;
    // A hub that answers 5xx (restarting, app not built) is as good as down for a citizen.
    if (status >= 500) goOffline(`http-${status}`);
    else offlineAttempt = 0;
  });

  wc.on('render-process-gone', (_event, details) => {
    if (deps.isQuitting()) return;
    if (deps.now() - forcedCrashAt < FORCED_CRASH_GRACE_MS) {
      forcedCrashAt = Number.NEGATIVE_INFINITY;
      return;
    }
    console.warn(`[desktop] renderer gone: ${details.reason} (${details.exitCode})`);
    recover(false);
  });
  win.on('unresponsive', () => {
    console.warn('[desktop] page unresponsive');
    recover(true);
  });

  if (lock.kiosk) {
    // Alt+F4 and the like reach here where the OS lets them; only a deliberate quit closes the window.
    win.on('close', (event) => {
      if (!deps.isQuitting()) event.preventDefault();
    });
  }
  if (lock.rememberBounds) {
    let saveTimer: ReturnType<typeof setTimeout> | null = null;
    const save = (): void => {
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = null;
      if (win.isDestroyed()) return;
      writeText(statePath, serializeWindowState({ ...win.getNormalBounds(), maximized: win.isMaximized() }));
    };
    const saveSoon = (): void => {
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = setTimeout(save, 500);
    };
    win.on('resize', saveSoon);
    win.on('move', saveSoon);
    win.on('maximize', saveSoon);
    win.on('unmaximize', saveSoon);
    win.on('close', save);
  }
  win.on('closed', () => {
    clearTimers();
    if (blocker !== null && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });

  loadHub();
  return {
    window: win,
    showing: () => showing,
    offlineAttempt: () => offlineAttempt,
    recentFailures: () => history.failures.length,
  };
}
