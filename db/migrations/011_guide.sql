-- 导办 (issue 17): a guide at the entrance issues a ticket for a person. The log and the tickets
-- projection hold the person only masked (张*, 138****5678) and the phone as a salted hash: the clear
-- name and phone, for staff to call the person over, live here alone, one row per ticket, and are
-- deleted after the retention period (booking.contactRetentionDays) without touching the log. A phone
-- left here also goes to ticket_contacts, so the ticket's SMS notices reach it.
CREATE TABLE guide_contacts (
  ticket_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  day TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX guide_contacts_day ON guide_contacts (day);
