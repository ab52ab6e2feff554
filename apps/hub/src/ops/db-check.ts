import { Worker } from 'node:worker_threads';

/**
 * `PRAGMA integrity_check` reads every page: on a year's database it takes seconds, so it runs on a
 * thread of its own with its own read-only connection, and the hub keeps answering meanwhile.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
let result;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma(workerData.pragma);
    const lines = rows.map((r) => Object.values(r)[0]);
    result = { ok: lines.length === 1 && lines[0] === 'ok', detail: lines.slice(0, 20).join('; '), version: db.pragma('user_version', { simple: true }) };
  } finally {
    db.close();
  }
} catch (err) {
  result = { ok: false, detail: String(err && err.message || err), version: null };
}
parentPort.postMessage(result);
`;

export interface DbCheck {
  ok: boolean;
  /** `ok`, or what SQLite found wrong (the first 20 problems). */
  detail: string;
  /** The file's schema version (PRAGMA user_version), or null when it could not be opened. */
  version: number | null;
}

export function checkDatabase(
  file: string,
  pragma: 'integrity_check' | 'quick_check' = 'integrity_check',
): Promise<DbCheck> {
  return new Promise((resolve) => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, pragma } });
    w.once('message', (r: DbCheck) => resolve(r));
    w.once('error', (err) => resolve({ ok: false, detail: err.message, version: null }));
  });
}
