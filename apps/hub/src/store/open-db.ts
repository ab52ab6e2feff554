import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';

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
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`数据库校验失败 / database quick_check failed: ${String(check)}`);
    migrate(db);
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
