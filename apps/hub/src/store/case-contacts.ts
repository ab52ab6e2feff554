import { stmt, type Db } from './open-db.ts';

/** The applicant of a case or refusal in clear: only this table holds it (the log keeps it masked and hashed). */
export interface CaseContact {
  slipId: string;
  name: string;
  phone: string;
  day: string;
}

/** Written in the transaction of the finish that opened the cases and refusals. */
export function saveCaseContacts(db: Db, contacts: readonly CaseContact[], at: number): void {
  const insert = stmt(
    db,
    `INSERT INTO case_contacts (slip_id, name, phone, day, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (slip_id) DO NOTHING`,
  );
  for (const c of contacts) insert.run(c.slipId, c.name, c.phone, c.day, at);
}

/** The applicant's name in clear for a printed receipt or refusal notice, or null when none was given or purged. */
export function slipContactName(db: Db, slipId: string): string | null {
  const row = stmt(db, 'SELECT name FROM case_contacts WHERE slip_id = ?').get(slipId) as { name: string } | undefined;
  return row === undefined || row.name === '' ? null : row.name;
}

/** The mobile given at the finish for a case, or null. */
export function slipContactPhone(db: Db, slipId: string): string | null {
  const row = stmt(db, 'SELECT phone FROM case_contacts WHERE slip_id = ?').get(slipId) as
    { phone: string } | undefined;
  return row === undefined || row.phone === '' ? null : row.phone;
}

/**
 * Deletes the contacts of refusals and finished cases from days before `day` (the retention period has
 * passed); an open case keeps its applicant until it is done.
 */
export function purgeCaseContacts(db: Db, day: string): number {
  return stmt(
    db,
    "DELETE FROM case_contacts WHERE day < ? AND slip_id NOT IN (SELECT id FROM cases WHERE status != 'done')",
  ).run(day).changes;
}
