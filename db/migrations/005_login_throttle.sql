-- Failed logins (issue 13), kept across restarts so that restarting the hub gives a guesser no fresh
-- tries. One row per key: `pair:<officer id>@<address>` (that officer from that address) and
-- `addr:<address>` (every officer id from one address). A key with `failures` at or past its limit is
-- locked until `locked_until`, each further failure doubling the lock. The hub bounds the table.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
) STRICT;
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);
