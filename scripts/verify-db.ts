/**
 * Rebuild every projection from the event log and compare with the stored ones:
 *   npm run verify -- --config hall.json --data DIR
 * Prints `ok <events> events` and exits 0, or the parts that differ and exits 1. Read-only: safe
 * beside a running hub.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ConfigError, readHallConfig } from '../apps/hub/src/config-loader.ts';
import { explainStartupError } from '../apps/hub/src/store/storage-errors.ts';
import { latestConfig } from '../apps/hub/src/config/config-versions.ts';
import { parseHallConfig } from '../apps/hub/src/config-loader.ts';
import { verifyStore } from '../apps/hub/src/store/verify.ts';

const { values } = parseArgs({ options: { config: { type: 'string' }, data: { type: 'string', default: 'data' } } });
if (values.config === undefined) {
  console.error('usage: npm run verify -- --config hall.json --data DIR');
  process.exit(2);
}
let report: ReturnType<typeof verifyStore>;
try {
  const db = new Database(join(values.data, 'yichuang.sqlite'), { readonly: true, fileMustExist: true });
  try {
    // The hall runs on the config stored with its data (console edits included) when there is one.
    const stored = latestConfig(db);
    const config = stored === null ? readHallConfig(values.config, { pinCost: 1024 }) : parseHallConfig(stored.config);
    report = verifyStore(db, config);
  } finally {
    db.close();
  }
} catch (err) {
  // A file that cannot be opened or read is named in one sentence, never a stack.
  console.error(err instanceof ConfigError ? err.message : explainStartupError(err, values.data));
  process.exit(1);
}
if (report.ok) {
  console.log(`ok ${report.events} events replayed; every projection matches`);
} else {
  console.log(`DIFFERENT after replaying ${report.events} events:\n  ${report.differences.join('\n  ')}`);
  process.exit(1);
}
