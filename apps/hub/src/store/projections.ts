import type { Appointment, HallConfig, Ticket, WindowRecord } from '@yichuang/protocol';
import { HELP_EVENT_TYPES, restoreHelpRequests, restoreState, type Dirty, type HallState } from '@yichuang/engine';
import type { DomainEvent } from '@yichuang/protocol';
import { stmt, type Db } from './open-db.ts';
import { liveCases } from './case-records.ts';
import { loadOpenItems } from './complaint-records.ts';

/** Write what the engine changed into the projection tables (inside the command's transaction). */
export function writeProjections(db: Db, state: HallState, dirty: Dirty, dayTurned: boolean): void {
  for (const id of dirty.tickets) {
    const t = state.tickets.get(id);
    if (t !== undefined) stmt(db, SQL.upsertTicket).run(ticketRow(t));
  }
  for (const id of dirty.windows) {
    const w = state.windows.get(id);
    if (w !== undefined) stmt(db, SQL.upsertWindow).run(windowRow(w));
  }
  for (const code of dirty.appointments) {
    const a = state.appointments.get(code);
    if (a !== undefined) stmt(db, SQL.upsertAppointment).run(appointmentRow(a));
  }
  if (dirty.meta || dayTurned) {
    stmt(db, SQL.setMeta).run('day', JSON.stringify(state.day));
    stmt(db, SQL.setMeta).run('counters', JSON.stringify(Object.fromEntries(state.counters)));
    stmt(db, SQL.setMeta).run('samples', JSON.stringify(Object.fromEntries(state.samples)));
    stmt(db, SQL.setMeta).run('firstSignIns', JSON.stringify(Object.fromEntries(state.firstSignIns)));
    stmt(db, SQL.setMeta).run('noticesToday', JSON.stringify(state.noticesToday));
    stmt(db, SQL.setMeta).run('casesToday', JSON.stringify(state.casesToday));
    stmt(db, SQL.setMeta).run('refusalsToday', JSON.stringify(state.refusalsToday));
  }
  if (dayTurned) {
    // The engine let go of yesterday's tickets; they stay in the table, no longer live.
    stmt(db, 'UPDATE tickets SET live = 0 WHERE live = 1').run();
    for (const id of state.tickets.keys()) stmt(db, SQL.markLive).run(id);
  }
}

/** Rebuild the engine's state from the projection tables. */
export function loadState(db: Db, config: HallConfig, today: string): HallState {
  const meta = new Map(
    (db.prepare('SELECT key, value FROM hall_meta').all() as { key: string; value: string }[]).map((r) => [
      r.key,
      JSON.parse(r.value) as unknown,
    ]),
  );
  const tickets = (db.prepare('SELECT data FROM tickets WHERE live = 1').all() as { data: string }[]).map(
    (r) => JSON.parse(r.data) as Ticket,
  );
  const windows = (db.prepare('SELECT data FROM windows').all() as { data: string }[]).map(
    (r) => JSON.parse(r.data) as WindowRecord,
  );
  const appointments = (
    db
      .prepare('SELECT data FROM appointments WHERE day >= ?')
      .all((meta.get('day') as string | undefined) ?? today) as {
      data: string;
    }[]
  ).map((r) => JSON.parse(r.data) as Appointment);
  const state = restoreState(
    config,
    {
      day: (meta.get('day') as string | undefined) ?? today,
      tickets,
      windows,
      counters: (meta.get('counters') as Record<string, number> | undefined) ?? {},
      samples: (meta.get('samples') as Record<string, number[]> | undefined) ?? {},
      firstSignIns: (meta.get('firstSignIns') as Record<string, number> | undefined) ?? {},
      noticesToday: (meta.get('noticesToday') as number | undefined) ?? 0,
      casesToday: (meta.get('casesToday') as number | undefined) ?? 0,
      refusalsToday: (meta.get('refusalsToday') as number | undefined) ?? 0,
    },
    appointments,
    liveCases(db, (meta.get('day') as string | undefined) ?? today),
    loadOpenItems(db),
  );
  restoreHelpRequests(state, todaysHelpEvents(db));
  return state;
}

/** 请求帮办 events since the day's turn (issue 17): the requests still standing are rebuilt from them. */
function* todaysHelpEvents(db: Db): Generator<DomainEvent> {
  const turn = db.prepare("SELECT MAX(seq) AS seq FROM events WHERE type = 'hall:day-started'").get() as {
    seq: number | null;
  };
  const rows = db
    .prepare(
      `SELECT at, type, payload FROM events WHERE seq > ? AND type IN (${HELP_EVENT_TYPES.map(() => '?').join(', ')})
       ORDER BY seq`,
    )
    .iterate(turn.seq ?? 0, ...HELP_EVENT_TYPES) as IterableIterator<{ at: number; type: string; payload: string }>;
  for (const r of rows) yield { at: r.at, type: r.type, payload: JSON.parse(r.payload) as unknown } as DomainEvent;
}

export function isFreshDb(db: Db): boolean {
  return db.prepare("SELECT 1 FROM hall_meta WHERE key = 'day'").get() === undefined;
}

function ticketRow(t: Ticket): Record<string, unknown> {
  return {
    id: t.id,
    day: t.day,
    queue_id: t.queueId,
    number: t.number,
    service_id: t.serviceId,
    status: t.status,
    green: t.green,
    window_id: t.windowId,
    officer_id: t.officerId,
    first_officer_id: t.firstOfficerId,
    issued_at: t.issuedAt,
    called_at: t.calledAt,
    started_at: t.startedAt,
    finished_at: t.finishedAt,
    carried_to_day: t.carriedToDay,
    data: JSON.stringify(t),
  };
}

function windowRow(w: WindowRecord): Record<string, unknown> {
  return {
    id: w.id,
    officer_id: w.holder?.officerId ?? null,
    ticket_id: w.ticketId,
    paused: w.pause === null ? 0 : 1,
    data: JSON.stringify(w),
  };
}

function appointmentRow(a: Appointment): Record<string, unknown> {
  return { code: a.code, day: a.day, service_id: a.serviceId, ticket_id: a.ticketId, data: JSON.stringify(a) };
}

const SQL = {
  upsertTicket: `INSERT INTO tickets (id, day, queue_id, number, service_id, status, green, window_id,
        officer_id, first_officer_id, issued_at, called_at, started_at, finished_at, carried_to_day, live, data)
      VALUES (@id, @day, @queue_id, @number, @service_id, @status, @green, @window_id, @officer_id, @first_officer_id,
        @issued_at, @called_at, @started_at, @finished_at, @carried_to_day, 1, @data)
      ON CONFLICT (id) DO UPDATE SET queue_id = excluded.queue_id, status = excluded.status, window_id = excluded.window_id,
        officer_id = excluded.officer_id, first_officer_id = excluded.first_officer_id, called_at = excluded.called_at,
        started_at = excluded.started_at, finished_at = excluded.finished_at, carried_to_day = excluded.carried_to_day,
        live = 1, data = excluded.data`,
  upsertWindow: `INSERT INTO windows (id, officer_id, ticket_id, paused, data)
      VALUES (@id, @officer_id, @ticket_id, @paused, @data)
      ON CONFLICT (id) DO UPDATE SET officer_id = excluded.officer_id, ticket_id = excluded.ticket_id,
        paused = excluded.paused, data = excluded.data`,
  upsertAppointment: `INSERT INTO appointments (code, day, service_id, ticket_id, data)
      VALUES (@code, @day, @service_id, @ticket_id, @data)
      ON CONFLICT (code) DO UPDATE SET ticket_id = excluded.ticket_id, data = excluded.data`,
  setMeta: 'INSERT INTO hall_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  markLive: 'UPDATE tickets SET live = 1 WHERE id = ?',
} as const;
