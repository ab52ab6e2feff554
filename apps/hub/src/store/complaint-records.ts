import type {
  Complaint,
  ComplaintListQuery,
  ComplaintRecord,
  EventEnvelope,
  FollowUp,
  FollowUpRecord,
  OpenComplaint,
} from '@yichuang/protocol';
import { MAX_COMPLAINT_LIST } from '@yichuang/protocol';
import type { OpenItems } from '@yichuang/engine';
import { stmt, type Db } from './open-db.ts';

/**
 * Complaints and follow-ups (issue 17), written from their events in the command's transaction
 * (like notices and ratings in records.ts). The engine checks them against its open items first, so
 * an update here always finds its row.
 */
export function writeComplaintRecords(db: Db, events: readonly EventEnvelope[]): void {
  for (const e of events) {
    switch (e.type) {
      case 'complaint:recorded': {
        const c = e.payload.complaint;
        stmt(db, SQL.insertComplaint).run(
          c.id,
          c.day,
          c.receivedAt,
          c.channel,
          c.windowId,
          c.officerId,
          c.ticketNumber,
          JSON.stringify(c),
        );
        break;
      }
      case 'complaint:assigned':
        stmt(db, 'UPDATE complaints SET assigned_to = ?, assigned_at = ? WHERE id = ?').run(
          e.payload.officerId,
          e.at,
          e.payload.complaintId,
        );
        break;
      case 'complaint:closed':
        stmt(db, "UPDATE complaints SET status = 'closed', closed_at = ?, closed_by = ?, result = ? WHERE id = ?").run(
          e.at,
          e.payload.by,
          e.payload.result,
          e.payload.complaintId,
        );
        break;
      case 'followup:opened': {
        const f = e.payload.followUp;
        stmt(db, SQL.insertFollowUp).run(
          f.id,
          f.ticketId,
          f.day,
          f.openedAt,
          f.windowId,
          f.officerId,
          JSON.stringify(f),
        );
        break;
      }
      case 'followup:closed':
        stmt(db, "UPDATE followups SET status = 'closed', closed_at = ?, closed_by = ?, action = ? WHERE id = ?").run(
          e.at,
          e.payload.by,
          e.payload.action,
          e.payload.followUpId,
        );
        break;
      default:
        break;
    }
  }
}

/** The clear name and phone of the person who complained: this table only, never the log or the list. */
export function saveComplaintContact(
  db: Db,
  complaintId: string,
  name: string | undefined,
  phone: string | undefined,
  at: number,
): void {
  if (name === undefined && phone === undefined) return;
  stmt(db, 'INSERT OR IGNORE INTO complaint_contacts (complaint_id, name, phone, created_at) VALUES (?, ?, ?, ?)').run(
    complaintId,
    name ?? null,
    phone ?? null,
    at,
  );
}

/**
 * Deletes the clear name and phone of complaints received before `day` that are closed (the retention
 * period has passed and nobody needs to call the person back). An open complaint keeps its contact.
 */
export function purgeComplaintContacts(db: Db, day: string): number {
  return stmt(
    db,
    "DELETE FROM complaint_contacts WHERE complaint_id IN (SELECT id FROM complaints WHERE day < ? AND status = 'closed')",
  ).run(day).changes;
}

/** What the engine keeps of the open items, read at start. */
export function loadOpenItems(db: Db): OpenItems {
  const complaints = (
    stmt(db, "SELECT id, assigned_to FROM complaints WHERE status = 'open'").all() as {
      id: string;
      assigned_to: string | null;
    }[]
  ).map((r): OpenComplaint => ({ id: r.id, assignedTo: r.assigned_to }));
  const followUps = (
    stmt(db, "SELECT id, ticket_id FROM followups WHERE status = 'open'").all() as { id: string; ticket_id: string }[]
  ).map((r) => ({ id: r.id, ticketId: r.ticket_id }));
  return { complaints, followUps };
}

interface ComplaintRow {
  status: 'open' | 'closed';
  assigned_to: string | null;
  assigned_at: number | null;
  closed_at: number | null;
  closed_by: string | null;
  result: string | null;
  data: string;
}

interface FollowUpRow {
  status: 'open' | 'closed';
  closed_at: number | null;
  closed_by: string | null;
  action: string | null;
  data: string;
}

function where(q: ComplaintListQuery): { sql: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  const add = (sql: string, arg: string): void => {
    parts.push(sql);
    args.push(arg);
  };
  if (q.status !== undefined) add('status = ?', q.status);
  if (q.from !== undefined) add('day >= ?', q.from);
  if (q.to !== undefined) add('day <= ?', q.to);
  return { sql: parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`, args };
}

/** Newest first, at most `limit` (MAX_COMPLAINT_LIST); `before` pages on by the time received. */
export function listComplaints(db: Db, q: ComplaintListQuery): ComplaintRecord[] {
  const w = where(q);
  const sql = `SELECT status, assigned_to, assigned_at, closed_at, closed_by, result, data FROM complaints
    ${w.sql}${q.before === undefined ? '' : `${w.sql === '' ? 'WHERE' : ' AND'} received_at < ?`}
    ORDER BY received_at DESC, id LIMIT ?`;
  const args = [...w.args, ...(q.before === undefined ? [] : [q.before]), q.limit ?? MAX_COMPLAINT_LIST];
  return (db.prepare(sql).all(...args) as ComplaintRow[]).map((r) => ({
    ...(JSON.parse(r.data) as Complaint),
    status: r.status,
    assignedTo: r.assigned_to,
    assignedAt: r.assigned_at,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    result: r.result,
  }));
}

export function listFollowUps(db: Db, q: ComplaintListQuery): FollowUpRecord[] {
  const w = where(q);
  const sql = `SELECT status, closed_at, closed_by, action, data FROM followups
    ${w.sql}${q.before === undefined ? '' : `${w.sql === '' ? 'WHERE' : ' AND'} opened_at < ?`}
    ORDER BY opened_at DESC, id LIMIT ?`;
  const args = [...w.args, ...(q.before === undefined ? [] : [q.before]), q.limit ?? MAX_COMPLAINT_LIST];
  return (db.prepare(sql).all(...args) as FollowUpRow[]).map((r) => ({
    ...(JSON.parse(r.data) as FollowUp),
    status: r.status,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    action: r.action,
  }));
}

const SQL = {
  insertComplaint: `INSERT INTO complaints (id, day, received_at, channel, window_id, officer_id, ticket_number, status, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
  insertFollowUp: `INSERT INTO followups (id, ticket_id, day, opened_at, window_id, officer_id, status, data)
    VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
} as const;
