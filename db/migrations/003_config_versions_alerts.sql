-- The hall config as applied, one row per change (issue 6): the file the hub started with, then each
-- edit from the manager console. The newest row is the running config; `file_hash` is the hash of the
-- config file the row descends from, so an edited file on disk is noticed at the next start.
CREATE TABLE config_versions (
  version INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('file', 'console')),
  file_hash TEXT NOT NULL,
  config TEXT NOT NULL
) STRICT;

-- Alerts the hub raised for the manager (empty post, long wait, printer fault, device offline, not
-- signed in before opening): listed until acknowledged; an acknowledgement is also an event in the log.
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'warning')),
  subject TEXT NOT NULL,
  window_id TEXT,
  message TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  cleared_at INTEGER,
  acknowledged_at INTEGER,
  acknowledged_by TEXT
) STRICT;
CREATE INDEX alerts_day ON alerts (day);
