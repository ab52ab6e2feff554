/**
 * Bundles the shell with esbuild: the main process and both preloads as CommonJS (Electron's
 * sandboxed preloads cannot load ES modules), the local pages as plain scripts. Everything we
 * use (zod included) is inlined, so the packaged app ships dist/ and no node_modules at all.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const SRC = join(import.meta.dirname, '..', 'src');
const PAGE_FILES = ['offline.html', 'setup.html', 'pages.css'];
/** Electron 40 runs Chromium 144 and Node 24. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome130';

export async function bundleDesktop(outDir: string): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'pages'), { recursive: true });
  const common = { bundle: true, legalComments: 'none', logLevel: 'warning', sourcemap: true } as const;

  await Promise.all([
    build({
      ...common,
      entryPoints: {
        main: join(SRC, 'main.ts'),
        preload: join(SRC, 'preload.ts'),
        'setup-preload': join(SRC, 'setup-preload.ts'),
      },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      format: 'cjs',
      target: NODE_TARGET,
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: { offline: join(SRC, 'pages', 'offline-page.ts'), setup: join(SRC, 'pages', 'setup-page.ts') },
      outdir: join(outDir, 'pages'),
      platform: 'browser',
      format: 'iife',
      target: CHROME_TARGET,
    }),
  ]);
  for (const file of PAGE_FILES) copyFileSync(join(SRC, 'pages', file), join(outDir, 'pages', file));
  return [
    'main.cjs',
    'preload.cjs',
    'setup-preload.cjs',
    ...['offline.js', 'setup.js', ...PAGE_FILES].map((f) => `pages/${f}`),
  ];
}
