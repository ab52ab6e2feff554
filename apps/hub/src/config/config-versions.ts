import { createHash } from 'node:crypto';
import type { HallConfig } from '@yichuang/protocol';
import { stmt, type Db } from '../store/open-db.ts';

export interface StoredConfig {
  version: number;
  at: number;
  actor: string;
  source: 'file' | 'console';
  fileHash: string;
  config: HallConfig;
}

/** A config file's identity: the console's edits stand until the file itself is changed. */
export function configHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function latestConfig(db: Db): StoredConfig | null {
  const row = stmt(
    db,
    'SELECT version, at, actor, source, file_hash, config FROM config_versions ORDER BY version DESC LIMIT 1',
  ).get() as
    | { version: number; at: number; actor: string; source: 'file' | 'console'; file_hash: string; config: string }
    | undefined;
  if (row === undefined) return null;
  return {
    version: row.version,
    at: row.at,
    actor: row.actor,
    source: row.source,
    fileHash: row.file_hash,
    config: JSON.parse(row.config) as HallConfig,
  };
}

export function insertConfig(db: Db, c: Omit<StoredConfig, 'version'>): number {
  const info = stmt(
    db,
    'INSERT INTO config_versions (at, actor, source, file_hash, config) VALUES (?, ?, ?, ?, ?)',
  ).run(c.at, c.actor, c.source, c.fileHash, JSON.stringify(c.config));
  return Number(info.lastInsertRowid);
}

/** Window rows of windows no longer in the config: a window added again later starts empty. */
export function dropRemovedWindows(db: Db, config: HallConfig): void {
  const keep = new Set(config.windows.map((w) => w.id));
  for (const { id } of stmt(db, 'SELECT id FROM windows').all() as { id: string }[])
    if (!keep.has(id)) stmt(db, 'DELETE FROM windows WHERE id = ?').run(id);
}
