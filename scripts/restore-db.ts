/**
 * Restore the hall database from a backup, with the hub stopped:
 *   npm run restore -- --data DIR --from DIR/backups/yichuang-20261123-170500.sqlite
 * The backup is checked first (integrity_check, a schema this hub knows); the current database is kept
 * beside it as yichuang.sqlite.before-restore-<time> (with its -wal and -shm), never deleted.
 */
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDatabase } from '../apps/hub/src/ops/db-check.ts';
import { loadMigrations } from '../apps/hub/src/store/migrate.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, from: { type: 'string' } } });
if (values.data === undefined || values.from === undefined) {
  console.error('usage: npm run restore -- --data DIR --from BACKUP.sqlite   (stop the hub first)');
  process.exit(2);
}
const target = join(values.data, 'yichuang.sqlite');
if (!existsSync(values.from)) {
  console.error(`no such backup: ${values.from}`);
  process.exit(1);
}
const check = await checkDatabase(values.from);
const known = loadMigrations().at(-1)?.version ?? 0;
if (!check.ok) {
  console.error(`the backup fails integrity_check, nothing changed: ${check.detail}`);
  process.exit(1);
}
if (check.version !== null && check.version > known) {
  console.error(`the backup's schema (${check.version}) is newer than this hub's (${known}): upgrade the hub first`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '');
for (const suffix of ['', '-wal', '-shm']) {
  if (existsSync(target + suffix)) renameSync(target + suffix, `${target}.before-restore-${stamp}${suffix}`);
}
copyFileSync(values.from, target);
console.log(`restored ${values.from} → ${target}; the old database is kept as ${target}.before-restore-${stamp}`);
console.log('start the hub again: it rebuilds its state from the restored log and carries on');
