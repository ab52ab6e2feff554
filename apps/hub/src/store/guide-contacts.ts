import { stmt, type Db } from './open-db.ts';

/** The person a guide issued a ticket for, in clear: only this table holds it (the log keeps it masked). */
export interface GuideContact {
  ticketId: string;
  /** '' when the guide gave no name (or no phone). */
  name: string;
  phone: string;
  day: string;
  officerId: string;
}

/** Written in the transaction of the ticket:issue command. */
export function saveGuideContact(db: Db, c: GuideContact, at: number): void {
  stmt(
    db,
    `INSERT INTO guide_contacts (ticket_id, name, phone, day, officer_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (ticket_id) DO UPDATE SET name = excluded.name, phone = excluded.phone`,
  ).run(c.ticketId, c.name, c.phone, c.day, c.officerId, at);
}

export function guideContactOf(db: Db, ticketId: string): GuideContact | undefined {
  return stmt(
    db,
    'SELECT ticket_id AS ticketId, name, phone, day, officer_id AS officerId FROM guide_contacts WHERE ticket_id = ?',
  ).get(ticketId) as GuideContact | undefined;
}

/** Deletes the people of tickets issued before `day` (the retention period has passed). */
export function purgeGuideContacts(db: Db, day: string): number {
  return stmt(db, 'DELETE FROM guide_contacts WHERE day < ?').run(day).changes;
}
