import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import { repoPath } from '../repo-path.ts';

const MIGRATIONS_DIR = pathToFileURL(repoPath('db/migrations/'));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered files `NNN_name.sql`, in order. */
export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(new URL(f, dir), 'utf8') }));
}

export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `数据库版本 ${found} 高于本程序支持的 ${known}，请升级一窗 / database schema ${found} is newer than this hub (${known}); upgrade the hub`,
    );
  }
}

/** Bring the database to the newest schema, each migration in its own transaction. */
export function migrate(db: Database.Database, migrations: Migration[] = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new SchemaTooNewError(current, newest);
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return newest;
}
