import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/**
 * Builds every React app under apps/ that has a vite.config.ts, one after the other.
 * `npm run build:apps -- counter display` builds only those.
 */
const root = join(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const apps = readdirSync(join(root, 'apps'))
  .filter((name) => existsSync(join(root, 'apps', name, 'vite.config.ts')))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

for (const name of apps) {
  await build({ configFile: join(root, 'apps', name, 'vite.config.ts'), logLevel: 'warn' });
}
