import type { Case, EventEnvelope, Refusal } from '@yichuang/protocol';
import { updatedCase } from '@yichuang/engine';
import { stmt, type Db } from './open-db.ts';

/** Cases and refusals are written from their events, in the command's transaction (records.ts calls this). */
export function writeCaseRecords(db: Db, e: EventEnvelope, day: string): void {
  switch (e.type) {
    case 'case:opened': {
      const c = e.payload.case;
      stmt(db, SQL.insertCase).run(
        c.id,
        c.no,
        c.day,
        c.serviceId,
        c.windowId,
        c.officerId,
        c.status,
        c.dueDay,
        c.acceptedAt,
        JSON.stringify(c),
      );
      return;
    }
    case 'case:updated': {
      const c = findCase(db, e.payload.caseId);
      if (c === null) return;
      const next = updatedCase(c, e.payload, e.at);
      stmt(db, 'UPDATE cases SET status = ?, done_day = ?, data = ? WHERE id = ?').run(
        next.status,
        next.status === 'done' ? day : null,
        JSON.stringify(next),
        c.id,
      );
      return;
    }
    case 'refusal:issued': {
      const r = e.payload.refusal;
      stmt(db, SQL.insertRefusal).run(
        r.id,
        r.no,
        r.day,
        r.serviceId,
        r.windowId,
        r.officerId,
        r.reason,
        r.at,
        JSON.stringify(r),
      );
      return;
    }
    default:
      return;
  }
}

export function findCase(db: Db, id: string): Case | null {
  const row = stmt(db, 'SELECT data FROM cases WHERE id = ?').get(id) as { data: string } | undefined;
  return row === undefined ? null : (JSON.parse(row.data) as Case);
}

/** By 受理编号, case-insensitively (people type sl20261206-001). */
export function findCaseByNo(db: Db, no: string): Case | null {
  const row = stmt(db, 'SELECT data FROM cases WHERE no = ?').get(no.trim().toUpperCase()) as
    { data: string } | undefined;
  return row === undefined ? null : (JSON.parse(row.data) as Case);
}

export function findRefusal(db: Db, id: string): Refusal | null {
  const row = stmt(db, 'SELECT data FROM refusals WHERE id = ?').get(id) as { data: string } | undefined;
  return row === undefined ? null : (JSON.parse(row.data) as Refusal);
}

/** The cases the engine keeps at start: those not done, and those done today. */
export function liveCases(db: Db, today: string): Case[] {
  return (
    stmt(db, "SELECT data FROM cases WHERE status != 'done' OR done_day >= ? ORDER BY no").all(today) as {
      data: string;
    }[]
  ).map((r) => JSON.parse(r.data) as Case);
}

/** At most this many rows in one list answer. */
export const MAX_CASE_ROWS = 2000;

export interface CaseQuery {
  /** open: not done (incl. materials received); done: finished; all. */
  status: 'open' | 'done' | 'all';
  /** Accepted on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
  windowId?: string;
}

export function listCases(db: Db, q: CaseQuery): { cases: Case[]; truncated: boolean } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.status === 'open') where.push("status != 'done'");
  if (q.status === 'done') where.push("status = 'done'");
  const add = (clause: string, arg: string | undefined): void => {
    if (arg === undefined) return;
    where.push(clause);
    args.push(arg);
  };
  add('day >= ?', q.from);
  add('day <= ?', q.to);
  add('window_id = ?', q.windowId);
  const sql = `SELECT data FROM cases ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
    ORDER BY status = 'done', due_day, no LIMIT ${MAX_CASE_ROWS + 1}`;
  const rows = db.prepare(sql).all(...args) as { data: string }[];
  return {
    cases: rows.slice(0, MAX_CASE_ROWS).map((r) => JSON.parse(r.data) as Case),
    truncated: rows.length > MAX_CASE_ROWS,
  };
}

export function refusalsOn(db: Db, day: string): Refusal[] {
  return (stmt(db, 'SELECT data FROM refusals WHERE day = ? ORDER BY no').all(day) as { data: string }[]).map(
    (r) => JSON.parse(r.data) as Refusal,
  );
}

/** Open cases whose due day is before `today`: the overdue alert. */
export function overdueCases(db: Db, today: string): { id: string; no: string; dueDay: string; windowId: string }[] {
  return stmt(
    db,
    "SELECT id, no, due_day AS dueDay, window_id AS windowId FROM cases WHERE status != 'done' AND due_day < ? ORDER BY due_day LIMIT 500",
  ).all(today) as { id: string; no: string; dueDay: string; windowId: string }[];
}

const SQL = {
  insertCase: `INSERT INTO cases (id, no, day, service_id, window_id, officer_id, status, due_day, accepted_at, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertRefusal: `INSERT INTO refusals (id, no, day, service_id, window_id, officer_id, reason, at, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;
