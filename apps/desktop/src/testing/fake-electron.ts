/**
 * A stand-in for the `electron` module in tests (the real binary cannot run here). It records
 * what the shell asks of Electron and lets a test emit the events Electron would.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  preventDefault: () => void;
  defaultPrevented: boolean;
  url: string;
}

export function fakeEvent(url = ''): FakeEvent {
  const e: FakeEvent = {
    url,
    defaultPrevented: false,
    preventDefault: () => {
      e.defaultPrevented = true;
    },
  };
  return e;
}

export type Load = { kind: 'url'; url: string } | { kind: 'file'; path: string; query: Record<string, string> };

export class FakeWebContents extends EventEmitter {
  loads: Load[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  insertedCss: string[] = [];
  zoomLimits: [number, number] | null = null;
  zoomFactor = 1;
  forcedCrashes = 0;

  loadURL = vi.fn((url: string) => {
    this.loads.push({ kind: 'url', url });
    if (fake.failingUrls.has(url)) {
      this.emit('did-fail-load', fakeEvent(), -102, 'ERR_CONNECTION_REFUSED', url, true, 1, 1);
      return Promise.reject(new Error('ERR_CONNECTION_REFUSED'));
    }
    this.emit('did-navigate', fakeEvent(), url, 200, 'OK');
    this.emit('dom-ready');
    return Promise.resolve();
  });

  loadFile = vi.fn((path: string, options?: { query?: Record<string, string> }) => {
    this.loads.push({ kind: 'file', path, query: options?.query ?? {} });
    this.emit('dom-ready');
    return Promise.resolve();
  });

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  setZoomFactor(f: number): void {
    this.zoomFactor = f;
  }
  insertCSS(css: string): Promise<string> {
    this.insertedCss.push(css);
    return Promise.resolve('key');
  }
  forcefullyCrashRenderer(): void {
    this.forcedCrashes += 1;
  }
  lastLoad(): Load | undefined {
    return this.loads.at(-1);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  destroyed = false;
  maximized = false;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(public options: Record<string, unknown>) {
    super();
    const o = options as { x?: number; y?: number; width?: number; height?: number };
    this.bounds = { x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 800, height: o.height ?? 600 };
    FakeBrowserWindow.instances.push(this);
    fake.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }
  close(): void {
    const e = fakeEvent();
    this.emit('close', e);
    if (e.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  paths: Record<string, string> = {};
  singleInstance = true;
  isPackaged = false;
  appPath = '/opt/yichuang/resources/app.asar';
  switches: [string, string | undefined][] = [];
  commandLine = { appendSwitch: (name: string, value?: string) => this.switches.push([name, value]) };
  relaunch = vi.fn();
  exit = vi.fn();
  quit = vi.fn(() => {
    this.emit('before-quit', fakeEvent());
  });
  setLoginItemSettings = vi.fn();
  getPath(name: string): string {
    const p = this.paths[name];
    if (p === undefined) throw new Error(`no fake path ${name}`);
    return p;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.1.0';
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
}

class FakeSession extends EventEmitter {
  permissionRequest:
    ((wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void) | null = null;
  permissionCheck: ((wc: unknown, p: string, origin: string) => boolean) | null = null;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(): void {}
}

const display = (x: number, width: number, height: number) => ({ workArea: { x, y: 0, width, height } });

function createFake() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    app: new FakeApp(),
    session: { defaultSession: new FakeSession() },
    handlers,
    ipcMain: {
      handle: (channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, h),
    },
    Menu: { setApplicationMenu: vi.fn() },
    powerSaveBlocker: { start: vi.fn(() => 7), stop: vi.fn(), isStarted: vi.fn(() => true) },
    displays: [display(0, 1920, 1040)],
    net: { fetch: vi.fn(() => Promise.resolve({ ok: true })) },
    /** Hub URLs that are down: loading one fails like Chromium does (did-fail-load, then a rejection). */
    failingUrls: new Set<string>(),
  };
}

export let fake = createFake();

export function resetFakeElectron(): typeof fake {
  fake = createFake();
  FakeBrowserWindow.instances = [];
  return fake;
}

/** The module object `vi.mock('electron', …)` returns; getters so a reset is seen by the shell. */
export const electronModule = {
  get app() {
    return fake.app;
  },
  get session() {
    return fake.session;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get Menu() {
    return fake.Menu;
  },
  get powerSaveBlocker() {
    return fake.powerSaveBlocker;
  },
  get net() {
    return fake.net;
  },
  screen: {
    getPrimaryDisplay: () => fake.displays[0],
    getAllDisplays: () => fake.displays,
  },
  BrowserWindow: FakeBrowserWindow,
};
