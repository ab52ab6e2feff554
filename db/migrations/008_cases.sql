-- Outcomes at finish (issue 17). Accepted matters (受理, 容缺受理) are cases with a due day; refused
-- matters (不予受理) are refusals. Both are written from their events in the command's transaction; `data`
-- is the JSON of the Case or Refusal as the log has it (the applicant's name masked, the phone hashed).
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  window_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  status TEXT NOT NULL,
  due_day TEXT NOT NULL,
  accepted_at INTEGER NOT NULL,
  done_day TEXT,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX cases_open ON cases (status, due_day);
CREATE INDEX cases_day ON cases (day);

CREATE TABLE refusals (
  id TEXT PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  window_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX refusals_day ON refusals (day);

-- The applicant of a case or refusal in clear, for the printed receipt or notice: only this table holds
-- it, keyed by the case's or refusal's id, deleted after cases.contactRetentionDays.
CREATE TABLE case_contacts (
  slip_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  day TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX case_contacts_day ON case_contacts (day);
