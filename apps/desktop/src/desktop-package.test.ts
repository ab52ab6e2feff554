/**
 * The shell as it ships: the esbuild bundle electron-builder packs, and electron-builder.yml
 * checked against electron-builder's own schema (nothing is downloaded or run).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDesktop } from '../scripts/bundle.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
let out = '';
let files: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'yc-desktop-dist-'));
  files = await bundleDesktop(out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function requires(file: string): string[] {
  return [...readFileSync(join(out, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
}

describe('the bundle', () => {
  it('holds main, both preloads and the local pages', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'main.cjs',
        'preload.cjs',
        'setup-preload.cjs',
        'pages/offline.html',
        'pages/setup.html',
      ]),
    );
    for (const f of files) expect(readFileSync(join(out, f)).length, f).toBeGreaterThan(0);
    for (const page of ['offline', 'setup']) {
      const html = readFileSync(join(out, 'pages', `${page}.html`), 'utf8');
      expect(html).toContain(`<script src="${page}.js"></script>`);
      expect(html).toContain('href="pages.css"');
    }
  });

  it('needs nothing at run time but Electron and Node built-ins: no node_modules, no native code', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const mainDeps = new Set(requires('main.cjs'));
    expect([...mainDeps].filter((m) => m !== 'electron' && !builtins.has(m))).toEqual([]);
    expect(mainDeps.has('electron')).toBe(true);
    // A sandboxed preload can require `electron` and nothing else.
    expect(new Set(requires('preload.cjs'))).toEqual(new Set(['electron']));
    expect(new Set(requires('setup-preload.cjs'))).toEqual(new Set(['electron']));
    expect(readFileSync(join(out, 'pages', 'setup.js'), 'utf8')).not.toMatch(/\brequire\(/);
  });

  it('exposes exactly { version, role, diagnostics } from the built preload', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: { invoke: (channel: string) => (invoked.push(channel), Promise.resolve({ role: 'kiosk' })) },
    };
    runInNewContext(readFileSync(join(out, 'preload.cjs'), 'utf8'), {
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`sandboxed preload may not require ${name}`);
        return electron;
      },
      module: { exports: {} },
      exports: {},
      process: {
        argv: ['/opt/yichuang/yichuang', '--type=renderer', '--yichuang-role=display', '--yichuang-version=0.1.0'],
      },
    });
    const api = exposed.yichuangDesktop as { version: string; role: string; diagnostics: () => Promise<unknown> };
    expect(Object.keys(api).sort()).toEqual(['diagnostics', 'role', 'version']);
    expect(api).toMatchObject({ version: '0.1.0', role: 'display' });
    await expect(api.diagnostics()).resolves.toEqual({ role: 'kiosk' });
    expect(invoked).toEqual(['yichuang:diagnostics']);
  });
});

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and packs only the bundle for NSIS, AppImage and deb', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig: (dir: string, file: string, extra: null) => Promise<Record<string, any>>;
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator is real: a misspelt option fails.
    await expect(validateConfiguration({ ...config, nsiss: {} }, new DebugLogger(false))).rejects.toThrow(
      /configuration/,
    );

    expect(config.productName).toBe('一窗');
    expect(config.directories.app).toBe('apps/desktop');
    expect(config.files).toEqual([{ filter: ['dist/**/*', '!dist/**/*.map', 'package.json'] }]);
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeCliInspectArguments: false });
  });

  it('points at the bundle, and the root package keeps Electron from downloading on install', () => {
    const app = JSON.parse(readFileSync(join(ROOT, 'apps', 'desktop', 'package.json'), 'utf8'));
    expect(app.main).toBe('dist/main.cjs');
    expect(app.dependencies).toBeUndefined();
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(root.allowScripts.electron).toBe(false);
    expect(root.scripts.package).toMatch(/electron-builder --config electron-builder\.yml/);
  });
});
