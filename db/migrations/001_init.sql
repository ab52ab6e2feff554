-- The event log is the record of everything that happened in the hall; it is only appended to.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  request_id TEXT,
  payload TEXT NOT NULL
) STRICT;
CREATE INDEX events_type_at ON events (type, at);

-- A command's first answer, so that a retried requestId returns it and appends nothing.
CREATE TABLE requests (
  request_id TEXT PRIMARY KEY,
  command TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  result TEXT NOT NULL
) STRICT;

-- Projections: the engine's state, kept in step with the log in the same transaction.
CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  queue_id TEXT NOT NULL,
  number TEXT NOT NULL,
  service_id TEXT NOT NULL,
  status TEXT NOT NULL,
  green TEXT,
  window_id TEXT,
  officer_id TEXT,
  first_officer_id TEXT,
  issued_at INTEGER NOT NULL,
  called_at INTEGER,
  started_at INTEGER,
  finished_at INTEGER,
  carried_to_day TEXT,
  -- 1 while the engine holds the ticket in memory (today's, or carried over).
  live INTEGER NOT NULL DEFAULT 1,
  data TEXT NOT NULL
) STRICT;
-- No number is issued twice in a queue on a day.
CREATE UNIQUE INDEX tickets_number ON tickets (day, queue_id, number);
CREATE INDEX tickets_live ON tickets (live) WHERE live = 1;

CREATE TABLE windows (
  id TEXT PRIMARY KEY,
  officer_id TEXT,
  ticket_id TEXT,
  paused INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;
-- A ticket is at one window at most.
CREATE UNIQUE INDEX windows_ticket ON windows (ticket_id) WHERE ticket_id IS NOT NULL;
-- An officer holds one window at most.
CREATE UNIQUE INDEX windows_officer ON windows (officer_id) WHERE officer_id IS NOT NULL;

CREATE TABLE appointments (
  code TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  ticket_id TEXT,
  data TEXT NOT NULL
) STRICT;

CREATE TABLE hall_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  officer_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX tokens_officer ON tokens (officer_id);

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  ticket_id TEXT,
  window_id TEXT,
  officer_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  citizen_name TEXT NOT NULL,
  missing TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX notices_day ON notices (day);

CREATE TABLE ratings (
  ticket_id TEXT PRIMARY KEY,
  window_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  reason TEXT,
  at INTEGER NOT NULL
) STRICT;
