-- Notices and ratings as the hub stores them (issue 4): serial number, ticket number, print history.
-- 001 created notices and ratings, but no released hub wrote to them: they are replaced, not altered.
DROP TABLE notices;
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  day TEXT NOT NULL,
  ticket_id TEXT,
  window_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- The whole notice as issued (citizen name and missing items included): 留底备查.
  data TEXT NOT NULL
) STRICT;
CREATE INDEX notices_day ON notices (day);

CREATE TABLE notice_prints (
  notice_id TEXT NOT NULL REFERENCES notices (id),
  at INTEGER NOT NULL,
  printer_id TEXT,
  ok INTEGER NOT NULL,
  reprint INTEGER NOT NULL,
  error TEXT
) STRICT;
CREATE INDEX notice_prints_notice ON notice_prints (notice_id);

DROP TABLE ratings;
CREATE TABLE ratings (
  ticket_id TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  ticket_number TEXT NOT NULL,
  window_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  reason TEXT,
  via TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX ratings_day ON ratings (day);
CREATE INDEX ratings_officer ON ratings (officer_id, day);
