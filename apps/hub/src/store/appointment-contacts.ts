import { stmt, type Db } from './open-db.ts';

/** A booking's person in clear: only this table holds it (the log keeps it masked and hashed). */
export interface AppointmentContact {
  code: string;
  name: string;
  phone: string;
  day: string;
}

/** Written in the transaction of the command that made the appointments. */
export function saveContacts(db: Db, contacts: readonly AppointmentContact[], at: number): void {
  const insert = stmt(
    db,
    `INSERT INTO appointment_contacts (code, name, phone, day, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, phone = excluded.phone, day = excluded.day`,
  );
  for (const c of contacts) insert.run(c.code, c.name, c.phone, c.day, at);
}

/** The day of a rescheduled appointment follows it, so that retention counts from the day it is for. */
export function moveContact(db: Db, code: string, day: string): void {
  stmt(db, 'UPDATE appointment_contacts SET day = ? WHERE code = ?').run(day, code);
}

/** Contacts of the appointments of one day, by code (the staff list, messages). */
export function contactsOn(db: Db, day: string): Map<string, AppointmentContact> {
  const rows = stmt(db, 'SELECT code, name, phone, day FROM appointment_contacts WHERE day = ?').all(
    day,
  ) as AppointmentContact[];
  return new Map(rows.map((r) => [r.code, r]));
}

export function contactOf(db: Db, code: string): AppointmentContact | undefined {
  return stmt(db, 'SELECT code, name, phone, day FROM appointment_contacts WHERE code = ?').get(code) as
    AppointmentContact | undefined;
}

/** Deletes the contacts of appointments for days before `day` (the retention period has passed). */
export function purgeContacts(db: Db, day: string): number {
  return stmt(db, 'DELETE FROM appointment_contacts WHERE day < ?').run(day).changes;
}
