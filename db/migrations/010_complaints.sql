-- Complaints and 差评回访整改 follow-ups (issue 17). Both are written from their events in the command's
-- transaction; the engine keeps the open ones in memory (loaded from here at start) to check that an
-- assign or close names an open item. The person who complained is masked (张*, 138****5678) and hashed
-- here and in the log; their clear name and phone are in complaint_contacts alone.
CREATE TABLE complaints (
  id TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('onsite', 'phone', 'hotline', 'letter', 'online', 'other')),
  window_id TEXT,
  officer_id TEXT,
  ticket_number TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  assigned_to TEXT,
  assigned_at INTEGER,
  closed_at INTEGER,
  closed_by TEXT,
  result TEXT,
  -- The complaint as recorded (masked name and phone, text, who recorded it).
  data TEXT NOT NULL CHECK (json_valid(data))
) STRICT;
CREATE INDEX complaints_day ON complaints (day);
CREATE INDEX complaints_open ON complaints (status) WHERE status = 'open';

CREATE TABLE complaint_contacts (
  -- Written in the same transaction as the complaint's row (before it: no foreign key).
  complaint_id TEXT PRIMARY KEY,
  name TEXT,
  phone TEXT,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE followups (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE,
  day TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  window_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_at INTEGER,
  closed_by TEXT,
  action TEXT,
  -- The follow-up as opened (ticket number, level, reason).
  data TEXT NOT NULL CHECK (json_valid(data))
) STRICT;
CREATE INDEX followups_day ON followups (day);
CREATE INDEX followups_open ON followups (status) WHERE status = 'open';
