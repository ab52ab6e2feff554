import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { AUTOCHECKPOINT_BACKSTOP_PAGES } from './checkpointer.ts';
import { DamagedRowsError } from './storage-errors.ts';

export type Db = Database.Database;

/** Open (creating if missing) the hall database in `dataDir`: WAL, synchronous=FULL, migrated. */
export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'yichuang.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Checkpoints run on a thread of their own (checkpointer.ts); this connection only as a backstop.
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_BACKSTOP_PAGES}`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    migrate(db);
    const damaged = damagedRows(db);
    if (damaged.length > 0) throw new DamagedRowsError(damaged);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per database and SQL text. */
export function stmt(db: Db, sql: string): Database.Statement {
  let byDb = statementCache.get(db);
  if (byDb === undefined) {
    byDb = new Map();
    statementCache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (s === undefined) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s;
}

/**
 * Rows whose JSON cannot be read back (a flipped byte on the disk): the log's payloads and the
 * projections' data. SQLite checks them in place, without parsing them in JavaScript.
 */
export function damagedRows(db: Db, limit = 20): string[] {
  const bad = (sql: string, label: (k: string | number) => string): string[] =>
    (db.prepare(`${sql} LIMIT ${limit}`).all() as { k: string | number }[]).map((r) => label(r.k));
  return [
    ...bad('SELECT seq AS k FROM events WHERE NOT json_valid(payload) ORDER BY seq', (k) => `events seq ${k}`),
    ...bad('SELECT id AS k FROM tickets WHERE live = 1 AND NOT json_valid(data)', (k) => `tickets ${k}`),
    ...bad('SELECT id AS k FROM windows WHERE NOT json_valid(data)', (k) => `windows ${k}`),
    ...bad('SELECT code AS k FROM appointments WHERE NOT json_valid(data)', (k) => `appointments ${k}`),
  ];
}
