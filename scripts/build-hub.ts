/**
 * Bundles the hub into dist/hub/cli.mjs: plain JavaScript for production, so the hub runs on
 * `node` without a TypeScript loader (about 40 MB less memory). Our workspace packages are
 * inlined; npm packages stay in node_modules (better-sqlite3 is native).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const hubPkg = JSON.parse(readFileSync(new URL('../apps/hub/package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const external = Object.keys(hubPkg.dependencies).filter((d) => !d.startsWith('@yichuang/'));

await build({
  entryPoints: [new URL('../apps/hub/src/cli.ts', import.meta.url).pathname],
  outfile: new URL('../dist/hub/cli.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: [...external, 'zod'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('built dist/hub/cli.mjs');
