import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, localToEpoch } from '@yichuang/engine';
import Database from 'better-sqlite3';
import type { StoredEvent } from './history.ts';
import { SimulationError } from './simulation-error.ts';

/**
 * The `ticket:issued` and `ticket:finished` events of one business day from the hub's database,
 * opened read-only (the hub may be running and writing to it).
 */
export function readDayEvents(dataDir: string, day: string, timezone: string): StoredEvent[] {
  const file = join(dataDir, 'yichuang.sqlite');
  if (!existsSync(file)) throw new SimulationError(`找不到数据库 / no database at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const from = localToEpoch(day, '00:00', timezone);
    const to = localToEpoch(addDays(day, 1), '00:00', timezone);
    const rows = db
      .prepare(
        "SELECT at, type, payload FROM events WHERE type IN ('ticket:issued', 'ticket:finished') AND at >= ? AND at < ? ORDER BY seq",
      )
      .all(from, to) as { at: number; type: string; payload: string }[];
    return rows.map((r) => ({ at: r.at, type: r.type, payload: r.payload }));
  } finally {
    db.close();
  }
}
