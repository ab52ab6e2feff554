/**
 * Restore the hall database from a backup, with the hub stopped:
 *   npm run restore -- --data DIR [--from DIR/backups/yichuang-20261123-170500.sqlite]
 * Without --from, the newest backup in DIR/backups is taken. A running hub (it holds the data
 * directory's lock) is never restored under.
 * The backup is checked first (integrity_check, a schema this hub knows); the current database is kept
 * beside it as yichuang.sqlite.before-restore-<time> (with its -wal and -shm), never deleted.
 */
import { copyFileSync, existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDatabase } from '../apps/hub/src/ops/db-check.ts';
import { loadMigrations } from '../apps/hub/src/store/migrate.ts';
import { DataDirLocked, lockDataDir } from '../apps/hub/src/store/data-lock.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, from: { type: 'string' } } });
if (values.data === undefined) {
  console.error('usage: npm run restore -- --data DIR [--from BACKUP.sqlite]   (stop the hub first)');
  process.exit(2);
}
const target = join(values.data, 'yichuang.sqlite');
let lock: ReturnType<typeof lockDataDir>;
try {
  lock = lockDataDir(values.data);
} catch (err) {
  console.error(err instanceof DataDirLocked ? err.message : String(err));
  process.exit(1);
}
const from = values.from ?? newestBackup(join(values.data, 'backups'));
if (from === null) {
  console.error(
    `${values.data}/backups 中没有备份，请用 --from 指定 / no backup in ${values.data}/backups: name one with --from`,
  );
  process.exit(1);
}
if (!existsSync(from)) {
  console.error(`no such backup: ${from}`);
  process.exit(1);
}
if (values.from === undefined) console.log(`using the newest backup: ${from}`);
const check = await checkDatabase(from);
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
copyFileSync(from, target);
lock.release();
console.log(`restored ${from} → ${target}; the old database is kept as ${target}.before-restore-${stamp}`);
console.log('start the hub again: it rebuilds its state from the restored log and carries on');

/** The newest `yichuang-*.sqlite` in the backup folder (names sort by time), or null. */
function newestBackup(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir)
    .filter((f) => /^yichuang-.*\.sqlite$/.test(f))
    .sort();
  const last = names.at(-1);
  return last === undefined ? null : join(dir, last);
}
