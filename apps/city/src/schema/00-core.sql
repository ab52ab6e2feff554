-- The city's database (PostgreSQL or PGlite). Applied at every start; every statement is idempotent.
-- Times are epoch milliseconds (bigint), like the halls' own logs; days are the hall's ISO business day.

-- A hall known to the city (from the city config) and how far its log has come in.
CREATE TABLE IF NOT EXISTS halls (
  hall_id text PRIMARY KEY,
  name text NOT NULL,
  -- sha256 hex of the per-hall key; the key itself is never stored.
  key_hash text NOT NULL,
  -- Highest seq such that every seq 1..acked_seq is stored: the hub resumes after it.
  acked_seq bigint NOT NULL DEFAULT 0,
  -- Highest seq folded into the city_* tables (always equal to acked_seq after an ingest commits).
  folded_seq bigint NOT NULL DEFAULT 0,
  -- City clock when the hall last pushed (link health), and the hall time of its newest folded event.
  last_heard_at bigint,
  last_at bigint
);
-- The hall's clock minus the city's when it last pushed: hall time now = city time + clock_offset.
ALTER TABLE halls ADD COLUMN IF NOT EXISTS clock_offset bigint;

-- Every hall's event log as the hall wrote it: appended to, never changed. Idempotent by (hall_id, seq).
CREATE TABLE IF NOT EXISTS hall_events (
  hall_id text NOT NULL REFERENCES halls (hall_id),
  seq bigint NOT NULL,
  at bigint NOT NULL,
  type text NOT NULL,
  actor text NOT NULL,
  payload jsonb NOT NULL,
  PRIMARY KEY (hall_id, seq)
);
CREATE INDEX IF NOT EXISTS hall_events_hall_at ON hall_events (hall_id, at);

-- Folded: one row per ticket of every hall (the city's reports count and time these).
CREATE TABLE IF NOT EXISTS city_tickets (
  hall_id text NOT NULL,
  ticket_id text NOT NULL,
  day text NOT NULL,
  number text NOT NULL,
  queue_id text NOT NULL,
  service_id text NOT NULL,
  status text NOT NULL,
  green text,
  issued_at bigint NOT NULL,
  called_at bigint,
  started_at bigint,
  finished_at bigint,
  service_s integer,
  window_id text,
  officer_id text,
  first_officer_id text,
  transfers integer NOT NULL DEFAULT 0,
  carried_to_day text,
  PRIMARY KEY (hall_id, ticket_id)
);
CREATE INDEX IF NOT EXISTS city_tickets_day ON city_tickets (day, hall_id);
CREATE INDEX IF NOT EXISTS city_tickets_waiting ON city_tickets (hall_id, issued_at) WHERE status = 'waiting';

-- Folded: every 好差评 rating, keyed by the seq of its event.
CREATE TABLE IF NOT EXISTS city_ratings (
  hall_id text NOT NULL,
  seq bigint NOT NULL,
  ticket_id text NOT NULL,
  level integer NOT NULL,
  reason text,
  via text NOT NULL,
  window_id text NOT NULL,
  officer_id text NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (hall_id, seq)
);
CREATE INDEX IF NOT EXISTS city_ratings_at ON city_ratings (hall_id, at);

-- Folded: each window's post as the hall last told it (staffed, paused, empty post, serving).
CREATE TABLE IF NOT EXISTS city_windows (
  hall_id text NOT NULL,
  window_id text NOT NULL,
  officer_id text,
  role text,
  since bigint,
  ticket_id text,
  paused boolean NOT NULL DEFAULT false,
  pause_reason text,
  paused_since bigint,
  empty_since bigint,
  updated_at bigint NOT NULL,
  PRIMARY KEY (hall_id, window_id)
);

-- Folded: pause and empty-post spells that ended, for the minutes in city reports.
CREATE TABLE IF NOT EXISTS city_window_spells (
  hall_id text NOT NULL,
  seq bigint NOT NULL,
  window_id text NOT NULL,
  kind text NOT NULL,
  officer_id text,
  ended_at bigint NOT NULL,
  duration_s integer NOT NULL,
  PRIMARY KEY (hall_id, seq)
);

-- Folded: each hall's live figures for the city console.
CREATE TABLE IF NOT EXISTS city_hall_live (
  hall_id text PRIMARY KEY,
  day text,
  waiting integer NOT NULL DEFAULT 0,
  longest_wait_since bigint,
  updated_at bigint NOT NULL
);
