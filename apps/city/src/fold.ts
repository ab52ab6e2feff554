import { eventPayloadSchemas, type EventType } from '@yichuang/protocol';
import type { Queryable } from './city-db.ts';

/** The folded tables by role; the live ones, or scratch copies that verify() rebuilds. */
export interface FoldTables {
  tickets: string;
  ratings: string;
  windows: string;
  spells: string;
  live: string;
  printers: string;
}

export const LIVE_TABLES: FoldTables = {
  tickets: 'city_tickets',
  ratings: 'city_ratings',
  windows: 'city_windows',
  spells: 'city_window_spells',
  live: 'city_hall_live',
  printers: 'city_printers',
};

/** One stored event of a hall's log, as hall_events holds it. */
export interface StoredEvent {
  seq: number;
  at: number;
  type: string;
  actor: string;
  payload: unknown;
}

/** Puts a window row in place (first event about the window), then patches it. */
async function patchWindow(
  tx: Queryable,
  t: FoldTables,
  hallId: string,
  windowId: string,
  at: number,
  set: string,
  params: unknown[],
): Promise<void> {
  await tx.query(
    `INSERT INTO ${t.windows} (hall_id, window_id, updated_at) VALUES ($1, $2, $3) ON CONFLICT (hall_id, window_id) DO NOTHING`,
    [hallId, windowId, at],
  );
  await tx.query(`UPDATE ${t.windows} SET ${set}, updated_at = $3 WHERE hall_id = $1 AND window_id = $2`, [
    hallId,
    windowId,
    at,
    ...params,
  ]);
}

/** Frees a window of a ticket (finished, no-show, transferred away, expired). */
async function releaseWindow(
  tx: Queryable,
  t: FoldTables,
  hallId: string,
  windowId: string,
  ticketId: string,
  at: number,
) {
  await tx.query(
    `UPDATE ${t.windows} SET ticket_id = NULL, updated_at = $4 WHERE hall_id = $1 AND window_id = $2 AND ticket_id = $3`,
    [hallId, windowId, ticketId, at],
  );
}

/**
 * Applies one event to the folded tables, mirroring the engine's evolve() for what the city reports.
 * A payload that does not parse is kept in hall_events and folds nothing (counted by the caller).
 * Returns false for such an event.
 */
export async function foldEvent(tx: Queryable, t: FoldTables, hallId: string, e: StoredEvent): Promise<boolean> {
  const schema = (eventPayloadSchemas as Record<string, (typeof eventPayloadSchemas)[EventType]>)[e.type];
  if (schema === undefined) return false;
  const parsed = schema.safeParse(e.payload);
  if (!parsed.success) return false;
  const ev = { type: e.type, payload: parsed.data } as {
    [K in EventType]: { type: K; payload: (typeof eventPayloadSchemas)[K]['_output'] };
  }[EventType];
  const tk = (set: string, ticketId: string, params: unknown[] = []): Promise<unknown> =>
    tx.query(`UPDATE ${t.tickets} SET ${set} WHERE hall_id = $1 AND ticket_id = $2`, [hallId, ticketId, ...params]);
  switch (ev.type) {
    case 'ticket:issued': {
      const k = ev.payload.ticket;
      await tx.query(
        `INSERT INTO ${t.tickets} (hall_id, ticket_id, day, number, queue_id, service_id, status, green, issued_at,
           called_at, started_at, finished_at, window_id, officer_id, first_officer_id, carried_to_day)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (hall_id, ticket_id) DO NOTHING`,
        [
          hallId,
          k.id,
          k.day,
          k.number,
          k.queueId,
          k.serviceId,
          k.status,
          k.green,
          k.issuedAt,
          k.calledAt,
          k.startedAt,
          k.finishedAt,
          k.windowId,
          k.officerId,
          k.firstOfficerId,
          k.carriedToDay,
        ],
      );
      return true;
    }
    case 'ticket:called': {
      const p = ev.payload;
      await tk(
        `status = 'called', window_id = $3, officer_id = $4, called_at = $5, first_officer_id = COALESCE(first_officer_id, $4)`,
        p.ticketId,
        [p.windowId, p.officerId, e.at],
      );
      await patchWindow(tx, t, hallId, p.windowId, e.at, 'ticket_id = $4', [p.ticketId]);
      return true;
    }
    case 'ticket:started':
      await tk(`status = 'serving', started_at = $3`, ev.payload.ticketId, [e.at]);
      return true;
    case 'ticket:finished':
      await tk(`status = 'done', finished_at = $3, service_s = $4`, ev.payload.ticketId, [e.at, ev.payload.serviceS]);
      await releaseWindow(tx, t, hallId, ev.payload.windowId, ev.payload.ticketId, e.at);
      return true;
    case 'ticket:no-show':
      await tk(`status = 'no-show', finished_at = $3`, ev.payload.ticketId, [e.at]);
      await releaseWindow(tx, t, hallId, ev.payload.windowId, ev.payload.ticketId, e.at);
      return true;
    case 'ticket:transferred': {
      const p = ev.payload;
      if (p.fromWindowId !== null) await releaseWindow(tx, t, hallId, p.fromWindowId, p.ticketId, e.at);
      await tk(
        `status = 'waiting', queue_id = $3, window_id = NULL, called_at = NULL, started_at = NULL, transfers = transfers + 1`,
        p.ticketId,
        [p.toQueueId],
      );
      return true;
    }
    case 'ticket:carried-over':
      await tk(`status = 'carried', carried_to_day = $3`, ev.payload.ticketId, [ev.payload.toDay]);
      return true;
    case 'ticket:expired': {
      const rows = await tx.query<{ window_id: string | null }>(
        `SELECT window_id FROM ${t.tickets} WHERE hall_id = $1 AND ticket_id = $2`,
        [hallId, ev.payload.ticketId],
      );
      const w = rows[0]?.window_id;
      if (w != null) await releaseWindow(tx, t, hallId, w, ev.payload.ticketId, e.at);
      await tk(`status = 'expired'`, ev.payload.ticketId);
      return true;
    }
    case 'ticket:reactivated':
      await tk(`status = 'waiting', window_id = NULL, called_at = NULL, finished_at = NULL`, ev.payload.ticketId);
      return true;
    case 'ticket:rated': {
      const r = ev.payload.rating;
      await tx.query(
        `INSERT INTO ${t.ratings} (hall_id, seq, ticket_id, level, reason, via, window_id, officer_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (hall_id, seq) DO NOTHING`,
        [hallId, e.seq, r.ticketId, r.level, r.reason, r.via, r.windowId, r.officerId, r.at],
      );
      return true;
    }
    case 'window:signed-in': {
      const p = ev.payload;
      await patchWindow(
        tx,
        t,
        hallId,
        p.windowId,
        e.at,
        'officer_id = $4, role = $5, since = $3, paused = false, pause_reason = NULL, paused_since = NULL',
        [p.officerId, p.role],
      );
      return true;
    }
    case 'window:signed-out': {
      const p = ev.payload;
      if (p.pausedS !== null) await spell(tx, t, hallId, e, p.windowId, 'pause', p.officerId, p.pausedS);
      await patchWindow(
        tx,
        t,
        hallId,
        p.windowId,
        e.at,
        'officer_id = NULL, role = NULL, since = NULL, paused = false, pause_reason = NULL, paused_since = NULL',
        [],
      );
      return true;
    }
    case 'window:paused': {
      const p = ev.payload;
      await patchWindow(tx, t, hallId, p.windowId, e.at, 'paused = true, pause_reason = $4, paused_since = $3', [
        p.reason,
      ]);
      return true;
    }
    case 'window:resumed': {
      const p = ev.payload;
      await spell(tx, t, hallId, e, p.windowId, 'pause', p.officerId, p.pausedS);
      await patchWindow(
        tx,
        t,
        hallId,
        p.windowId,
        e.at,
        'paused = false, pause_reason = NULL, paused_since = NULL',
        [],
      );
      return true;
    }
    case 'window:empty-post-started':
      await patchWindow(tx, t, hallId, ev.payload.windowId, e.at, 'empty_since = $3', []);
      return true;
    case 'printer:status-changed':
      await tx.query(
        `INSERT INTO ${t.printers} (hall_id, printer_id, status, since) VALUES ($1, $2, $3, $4)
         ON CONFLICT (hall_id, printer_id) DO UPDATE SET status = excluded.status, since = excluded.since`,
        [hallId, ev.payload.printerId, ev.payload.status, e.at],
      );
      return true;
    case 'window:empty-post-ended':
      await spell(tx, t, hallId, e, ev.payload.windowId, 'empty-post', null, ev.payload.durationS);
      await patchWindow(tx, t, hallId, ev.payload.windowId, e.at, 'empty_since = NULL', []);
      return true;
    default:
      // Printing, devices, notices, cases, appointments, config: kept in hall_events for later reports.
      return true;
  }
}

async function spell(
  tx: Queryable,
  t: FoldTables,
  hallId: string,
  e: StoredEvent,
  windowId: string,
  kind: 'pause' | 'empty-post',
  officerId: string | null,
  durationS: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${t.spells} (hall_id, seq, window_id, kind, officer_id, ended_at, duration_s)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (hall_id, seq) DO NOTHING`,
    [hallId, e.seq, windowId, kind, officerId, e.at, durationS],
  );
}

/** The hall's live figures from its folded tickets, as of its newest folded event. */
export async function refreshLive(tx: Queryable, t: FoldTables, hallId: string, lastAt: number | null): Promise<void> {
  await tx.query(
    `INSERT INTO ${t.live} (hall_id, day, waiting, longest_wait_since, updated_at)
     SELECT $1, (SELECT max(day) FROM ${t.tickets} WHERE hall_id = $1), count(*), min(issued_at), COALESCE($2::bigint, 0)
       FROM ${t.tickets} WHERE hall_id = $1 AND status = 'waiting'
     ON CONFLICT (hall_id) DO UPDATE SET day = excluded.day, waiting = excluded.waiting,
       longest_wait_since = excluded.longest_wait_since, updated_at = excluded.updated_at`,
    [hallId, lastAt],
  );
}
