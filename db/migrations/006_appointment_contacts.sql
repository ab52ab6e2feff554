-- Appointments (issue 16). The log and the appointments projection hold a booking's person only masked
-- (张*, 138****5678) and as salted hashes: the clear name and phone, needed to call and message the
-- citizen, live here alone, one row per appointment code, and are deleted after the retention period
-- (booking.contactRetentionDays) without touching the log.
CREATE TABLE appointment_contacts (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  day TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX appointment_contacts_day ON appointment_contacts (day);
CREATE INDEX appointments_day ON appointments (day);
