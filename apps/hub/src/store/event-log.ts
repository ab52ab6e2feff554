import { eventPayloadSchemas, type DomainEvent, type EventEnvelope } from '@yichuang/protocol';
import { stmt, type Db } from './open-db.ts';

export interface StoredRequest {
  command: string;
  actor: string;
  result: unknown;
  /** Hash of the first payload; null on rows stored before payloads were hashed. */
  payloadHash: string | null;
}

/** Append-only event log and the requestId ledger. Plain functions taking `db` first. */
export function appendEvents(db: Db, events: DomainEvent[], actor: string, requestId: string | null): EventEnvelope[] {
  const insert = stmt(db, 'INSERT INTO events (at, type, actor, request_id, payload) VALUES (?, ?, ?, ?, ?)');
  return events.map((e) => {
    const info = insert.run(e.at, e.type, actor, requestId, JSON.stringify(e.payload));
    return { ...e, seq: Number(info.lastInsertRowid), actor };
  });
}

export function lastSeq(db: Db): number {
  const row = stmt(db, 'SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null };
  return row.seq ?? 0;
}

export function readEvents(db: Db, afterSeq = 0, limit = Number.MAX_SAFE_INTEGER): EventEnvelope[] {
  const rows = db
    .prepare('SELECT seq, at, type, actor, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?')
    .all(afterSeq, limit) as { seq: number; at: number; type: string; actor: string; payload: string }[];
  return rows.map(
    (r) =>
      ({
        seq: r.seq,
        at: r.at,
        type: r.type,
        actor: r.actor,
        payload: JSON.parse(r.payload) as unknown,
      }) as EventEnvelope,
  );
}

/** A stored event whose payload cannot be read back or is not what its type says. */
export interface DamagedEvent {
  seq: number;
  type: string;
  problem: string;
}

/**
 * Iterate the whole log without holding it in memory. A row that does not parse, or whose payload
 * does not match its type's schema, is handed to `onDamaged` (named by seq) and skipped.
 */
export function* iterateEvents(db: Db, onDamaged?: (d: DamagedEvent) => void): Generator<EventEnvelope> {
  // A statement of its own: a cached one could be reused by a nested query while iterating.
  const query = db.prepare('SELECT seq, at, type, actor, payload FROM events ORDER BY seq');
  for (const r of query.iterate() as IterableIterator<{
    seq: number;
    at: number;
    type: string;
    actor: string;
    payload: string;
  }>) {
    let payload: unknown;
    try {
      payload = JSON.parse(r.payload);
    } catch (err) {
      onDamaged?.({ seq: r.seq, type: r.type, problem: `payload is not valid JSON (${(err as Error).message})` });
      continue;
    }
    const schema = (eventPayloadSchemas as Record<string, { safeParse: (v: unknown) => { success: boolean } }>)[r.type];
    if (onDamaged !== undefined && (schema === undefined || !schema.safeParse(payload).success)) {
      onDamaged({
        seq: r.seq,
        type: r.type,
        problem: schema === undefined ? 'unknown event type' : 'payload does not match its type',
      });
      continue;
    }
    yield { seq: r.seq, at: r.at, type: r.type, actor: r.actor, payload } as EventEnvelope;
  }
}

export function findRequest(db: Db, requestId: string): StoredRequest | undefined {
  const row = stmt(db, 'SELECT command, actor, result, payload_hash FROM requests WHERE request_id = ?').get(
    requestId,
  ) as { command: string; actor: string; result: string; payload_hash: string | null } | undefined;
  return row === undefined
    ? undefined
    : { command: row.command, actor: row.actor, result: JSON.parse(row.result), payloadHash: row.payload_hash };
}

export function saveRequest(
  db: Db,
  requestId: string,
  command: string,
  actor: string,
  at: number,
  result: unknown,
  payloadHash: string,
): void {
  stmt(db, 'INSERT INTO requests (request_id, command, actor, at, result, payload_hash) VALUES (?, ?, ?, ?, ?, ?)').run(
    requestId,
    command,
    actor,
    at,
    JSON.stringify(result),
    payloadHash,
  );
}
