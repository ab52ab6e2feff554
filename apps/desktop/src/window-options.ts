/**
 * The BrowserWindow options and lockdown of each role. Only Electron's types are imported (erased
 * at build time), so the option names are checked against Electron without loading it.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { ARG_ROLE, ARG_VERSION } from './desktop-api.ts';
import { isLockedRole, type Role } from './roles.ts';
import type { Rect } from './window-bounds.ts';

export interface Lockdown {
  kiosk: boolean;
  /** Swallow reload/leave/zoom keys (the devtools keys are swallowed for every role). */
  lockShortcuts: boolean;
  lockZoom: boolean;
  hideCursor: boolean;
  preventSleep: boolean;
  rememberBounds: boolean;
  allowDownloads: boolean;
}

export function lockdownFor(role: Role): Lockdown {
  const locked = isLockedRole(role);
  return {
    kiosk: locked,
    lockShortcuts: locked,
    lockZoom: locked,
    hideCursor: role === 'display',
    preventSleep: locked,
    rememberBounds: !locked,
    // The manager downloads daily reports as CSV; nobody else has a reason to save files.
    allowDownloads: role === 'manager',
  };
}

/** Injected into every page of a display: nobody points at a wall screen. */
export const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';

export const WINDOW_TITLE = '一窗 Yichuang';
const BACKGROUND = '#071f45';

export interface WindowOptionsInput {
  preloadPath: string;
  version: string;
  /** For normal windows: the restored (already clamped) bounds. */
  bounds?: Rect;
}

export function windowOptionsFor(role: Role | null, input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const lock = role === null ? null : lockdownFor(role);
  const webPreferences: BrowserWindowConstructorOptions['webPreferences'] = {
    preload: input.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Spellcheck would fetch Hunspell dictionaries from the internet, which a hall LAN does not reach.
    spellcheck: false,
    devTools: false,
    safeDialogs: true,
    additionalArguments: [`${ARG_ROLE}${role ?? ''}`, `${ARG_VERSION}${input.version}`],
  };
  const base: BrowserWindowConstructorOptions = {
    title: WINDOW_TITLE,
    backgroundColor: BACKGROUND,
    autoHideMenuBar: true,
    webPreferences,
  };
  if (lock?.kiosk) {
    return {
      ...base,
      kiosk: true,
      fullscreen: true,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      skipTaskbar: true,
      webPreferences: {
        ...webPreferences,
        zoomFactor: 1,
        // The display speaks calls aloud with nobody touching it.
        autoplayPolicy: 'no-user-gesture-required',
        // An alert() on an unattended screen would wait forever for a click.
        disableDialogs: true,
        backgroundThrottling: false,
      },
    };
  }
  const bounds = input.bounds;
  return {
    ...base,
    ...(bounds ?? {}),
    minWidth: 800,
    minHeight: 600,
    webPreferences: { ...webPreferences, backgroundThrottling: role === 'counter' ? false : true },
  };
}
