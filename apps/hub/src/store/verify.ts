import { isDeepStrictEqual } from 'node:util';
import type { HallConfig, HallStateData } from '@yichuang/protocol';
import { businessDay, replay, stateData } from '@yichuang/engine';
import { iterateEvents, type DamagedEvent } from './event-log.ts';
import { damagedRows, type Db } from './open-db.ts';
import { loadState } from './projections.ts';

export interface VerifyReport {
  ok: boolean;
  events: number;
  /** Parts of the state that differ between the stored projections and a replay of the log. */
  differences: string[];
}

/**
 * Rebuild the state from the event log alone and compare it with the stored projections. Damaged rows
 * (a payload that does not parse or match its type) are named by seq instead of crashing the check.
 */
export function verifyStore(db: Db, config: HallConfig): VerifyReport {
  const damagedProjections = damagedRows(db).filter((r) => !r.startsWith('events '));
  if (damagedProjections.length > 0)
    return { ok: false, events: 0, differences: damagedProjections.map((r) => `${r}: data is not valid JSON`) };
  const first = db.prepare('SELECT at FROM events ORDER BY seq LIMIT 1').get() as { at: number } | undefined;
  const stored = loadState(db, config, businessDay(Date.now(), config.hall.timezone));
  if (first === undefined) return { ok: true, events: 0, differences: [] };
  let count = 0;
  const damaged: DamagedEvent[] = [];
  const counted = (function* () {
    for (const e of iterateEvents(db, (d) => damaged.push(d))) {
      count++;
      yield e;
    }
  })();
  const replayed = replay(config, businessDay(first.at, config.hall.timezone), counted);
  if (damaged.length > 0)
    return {
      ok: false,
      events: count,
      differences: damaged.map((d) => `event seq ${d.seq} (${d.type}): ${d.problem}`),
    };
  const a = stateData(stored);
  const b = stateData(replayed);
  const differences: string[] = [];
  for (const key of Object.keys(a) as (keyof HallStateData)[]) {
    if (key === 'tickets') {
      const byId = new Map(b.tickets.map((t) => [t.id, t]));
      for (const t of a.tickets)
        if (!isDeepStrictEqual(t, byId.get(t.id))) differences.push(`ticket ${t.id} (${t.number})`);
      const ids = new Set(a.tickets.map((t) => t.id));
      for (const t of b.tickets)
        if (!ids.has(t.id)) differences.push(`ticket ${t.id} (${t.number}) missing from the projections`);
    } else if (!isDeepStrictEqual(a[key], b[key])) differences.push(key);
  }
  return { ok: differences.length === 0, events: count, differences };
}
