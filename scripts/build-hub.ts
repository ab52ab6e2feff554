/**
 * Bundles the hub into dist/hub/cli.mjs: plain JavaScript for production, so the hub runs on
 * `node` without a TypeScript loader (about 40 MB less memory). Our workspace packages are
 * inlined; npm packages stay in node_modules (better-sqlite3 is native). The staffing simulator's
 * thread is a second entry, dist/hub/simulate-worker.mjs, which the bundled hub starts beside itself.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** npm dependencies of every workspace package stay external; our own packages are inlined. */
function externals(): string[] {
  const out = new Set<string>();
  for (const dir of ['apps', 'packages', 'hardware']) {
    const base = new URL(`../${dir}/`, import.meta.url);
    for (const name of readdirSync(base)) {
      const file = new URL(`${name}/package.json`, base);
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
      for (const dep of Object.keys(pkg.dependencies ?? {})) if (!dep.startsWith('@yichuang/')) out.add(dep);
    }
  }
  return [...out];
}

await build({
  entryPoints: {
    cli: new URL('../apps/hub/src/cli.ts', import.meta.url).pathname,
    'simulate-worker': new URL('../apps/hub/src/simulation/simulate-worker.ts', import.meta.url).pathname,
  },
  outdir: new URL('../dist/hub/', import.meta.url).pathname,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: externals(),
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('built dist/hub/cli.mjs and dist/hub/simulate-worker.mjs');
