import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A path inside the repository this hub runs from, whether it runs as source (apps/hub/src) or
 * bundled (dist/hub): found by walking up to the folder that holds `marker`.
 */
export function repoPath(relative: string, marker = 'db/migrations'): string {
  let dir = new URL('./', import.meta.url);
  for (let i = 0; i < 8; i++) {
    if (existsSync(new URL(marker, dir))) return fileURLToPath(new URL(relative, dir));
    dir = new URL('../', dir);
  }
  return fileURLToPath(new URL(relative, pathToFileURL(`${process.cwd()}/`)));
}
