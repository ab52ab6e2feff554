import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { eventEnvelopeSchema } from '@yichuang/protocol';
import type { CityDb, Queryable } from './city-db.ts';
import { foldEvent, LIVE_TABLES, refreshLive, type FoldTables, type StoredEvent } from './fold.ts';

export const MAX_BATCH = 1000;
/** Events folded per read while catching up (bounded memory however long the backlog). */
const FOLD_PAGE = 1000;

export const ingestBodySchema = z.strictObject({
  hallId: z.string().min(1).max(64),
  /** The hall's clock when it sent the batch (epoch ms): the console shows hall time and waits by it. */
  now: z.number().int().min(0).max(8_640_000_000_000_000).optional(),
  /** Empty: a heartbeat (the link is up, nothing new). */
  events: z.array(eventEnvelopeSchema).max(MAX_BATCH),
});
export type IngestBody = z.infer<typeof ingestBodySchema>;

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** True when key hashes to keyHash (constant time). */
export function keyMatches(key: string, keyHash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(keyHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The schema, one file per feature in schema/ (`00-core.sql` first), applied in name order. */
const SCHEMA_DIR = new URL('./schema/', import.meta.url);
const SCHEMA_SQL = readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => readFileSync(new URL(f, SCHEMA_DIR), 'utf8'))
  .join('\n');

/** Creates or completes the schema (idempotent) and puts the configured halls in place. */
export async function prepareCity(db: CityDb, halls: { id: string; name: string; keyHash: string }[]): Promise<void> {
  await db.exec(SCHEMA_SQL);
  for (const h of halls)
    await db.query(
      `INSERT INTO halls (hall_id, name, key_hash) VALUES ($1, $2, $3)
       ON CONFLICT (hall_id) DO UPDATE SET name = excluded.name, key_hash = excluded.key_hash`,
      [h.id, h.name, h.keyHash],
    );
}

/**
 * Folds the hall's stored events from folded_seq + 1 while their seqs are contiguous. Returns the new
 * folded seq and the hall time of its event. A gap stops the fold until its events come.
 */
export async function foldContiguous(
  tx: Queryable,
  t: FoldTables,
  hallId: string,
  from: { seq: number; at: number | null },
): Promise<{ seq: number; at: number | null; skipped: number }> {
  let { seq, at } = from;
  let skipped = 0;
  for (;;) {
    const rows = await tx.query<StoredEvent>(
      `SELECT seq, at, type, actor, payload FROM hall_events WHERE hall_id = $1 AND seq > $2 ORDER BY seq LIMIT ${FOLD_PAGE}`,
      [hallId, seq],
    );
    let broke = false;
    for (const e of rows) {
      if (e.seq !== seq + 1) {
        broke = true;
        break;
      }
      if (!(await foldEvent(tx, t, hallId, e))) skipped++;
      seq = e.seq;
      at = e.at;
    }
    if (broke || rows.length < FOLD_PAGE) break;
  }
  if (seq > from.seq) await refreshLive(tx, t, hallId, at);
  return { seq, at, skipped };
}

export type IngestResult =
  | { ok: true; ackSeq: number; stored: number }
  | { ok: false; code: 'UNKNOWN_HALL' }
  /** A seq the city holds came with another time or type: not this hall's log (a hub started afresh?). */
  | { ok: false; code: 'LOG_MISMATCH'; seq: number };

/**
 * Stores a batch (duplicates ignored by the primary key) and folds what became contiguous, in one
 * transaction. The hall's row is locked first, so two batches of one hall fold one after the other.
 */
export async function ingest(db: CityDb, body: IngestBody, now: number): Promise<IngestResult> {
  return db.transaction(async (tx) => {
    const hall = (
      await tx.query<{ folded_seq: number; last_at: number | null }>(
        'SELECT folded_seq, last_at FROM halls WHERE hall_id = $1 FOR UPDATE',
        [body.hallId],
      )
    )[0];
    if (hall === undefined) return { ok: false, code: 'UNKNOWN_HALL' } as const;
    let stored = 0;
    if (body.events.length > 0) {
      const json = JSON.stringify(body.events.map((e) => ({ ...e, payload: e.payload ?? null })));
      const clash = await tx.query<{ seq: number }>(
        `SELECT e.seq FROM jsonb_to_recordset($2::jsonb) AS e(seq bigint, at bigint, type text)
           JOIN hall_events h ON h.hall_id = $1 AND h.seq = e.seq
          WHERE h.at <> e.at OR h.type <> e.type
          ORDER BY e.seq LIMIT 1`,
        [body.hallId, json],
      );
      if (clash[0] !== undefined) return { ok: false, code: 'LOG_MISMATCH', seq: clash[0].seq } as const;
      const res = await tx.query<{ n: number }>(
        `WITH ins AS (
           INSERT INTO hall_events (hall_id, seq, at, type, actor, payload)
           SELECT $1, e.seq, e.at, e.type, e.actor, e.payload
             FROM jsonb_to_recordset($2::jsonb) AS e(seq bigint, at bigint, type text, actor text, payload jsonb)
           ON CONFLICT (hall_id, seq) DO NOTHING RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        [body.hallId, json],
      );
      stored = res[0]?.n ?? 0;
    }
    const folded =
      stored > 0
        ? await foldContiguous(tx, LIVE_TABLES, body.hallId, { seq: hall.folded_seq, at: hall.last_at })
        : { seq: hall.folded_seq, at: hall.last_at };
    await tx.query(
      `UPDATE halls SET acked_seq = $2, folded_seq = $2, last_at = $3, last_heard_at = $4,
         clock_offset = COALESCE($5::bigint - $4::bigint, clock_offset) WHERE hall_id = $1`,
      [body.hallId, folded.seq, folded.at, now, body.now ?? null],
    );
    return { ok: true, ackSeq: folded.seq, stored };
  });
}

export interface VerifyReport {
  ok: boolean;
  halls: { hallId: string; foldedSeq: number; differences: Record<string, number> }[];
}

const COMPARED: (keyof FoldTables)[] = ['tickets', 'ratings', 'windows', 'spells', 'live', 'printers'];

/**
 * Rebuilds the folded tables of every hall from hall_events into scratch tables (dropped at the end)
 * and counts the rows that differ from the live ones, both ways. Clean when every count is 0.
 */
export async function verifyCity(db: CityDb): Promise<VerifyReport> {
  return db.transaction(async (tx) => {
    const scratch: FoldTables = {
      tickets: 'verify_tickets',
      ratings: 'verify_ratings',
      windows: 'verify_windows',
      spells: 'verify_spells',
      live: 'verify_live',
      printers: 'verify_printers',
    };
    for (const k of COMPARED)
      await tx.exec(
        `CREATE TEMP TABLE ${scratch[k]} (LIKE ${LIVE_TABLES[k]} INCLUDING DEFAULTS INCLUDING INDEXES) ON COMMIT DROP`,
      );
    const halls = await tx.query<{ hall_id: string; folded_seq: number }>(
      'SELECT hall_id, folded_seq FROM halls ORDER BY hall_id',
    );
    const report: VerifyReport = { ok: true, halls: [] };
    for (const h of halls) {
      const rebuilt = await foldContiguous(tx, scratch, h.hall_id, { seq: 0, at: null });
      const differences: Record<string, number> = {};
      if (rebuilt.seq !== h.folded_seq) differences.foldedSeq = rebuilt.seq - h.folded_seq;
      for (const k of COMPARED) {
        const diff = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (
             (SELECT * FROM ${LIVE_TABLES[k]} WHERE hall_id = $1 EXCEPT ALL SELECT * FROM ${scratch[k]} WHERE hall_id = $1)
             UNION ALL
             (SELECT * FROM ${scratch[k]} WHERE hall_id = $1 EXCEPT ALL SELECT * FROM ${LIVE_TABLES[k]} WHERE hall_id = $1)
           ) d`,
          [h.hall_id],
        );
        const n = diff[0]?.n ?? 0;
        if (n !== 0) differences[k] = n;
      }
      if (Object.keys(differences).length > 0) report.ok = false;
      report.halls.push({ hallId: h.hall_id, foldedSeq: h.folded_seq, differences });
    }
    return report;
  });
}
