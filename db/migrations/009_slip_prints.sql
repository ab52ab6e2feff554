-- The print history of acceptance receipts (受理回执) and refusal notices (不予受理告知书), issue 17:
-- written from slip:printed / slip:print-failed. The slips themselves are the cases and refusals (008).
CREATE TABLE slip_prints (
  kind TEXT NOT NULL CHECK (kind IN ('receipt', 'refusal')),
  -- The case id of a receipt, the refusal id of a refusal notice.
  slip_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  -- NULL when the window had no printer.
  printer_id TEXT,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  reprint INTEGER NOT NULL CHECK (reprint IN (0, 1)),
  error TEXT
) STRICT;
CREATE INDEX slip_prints_slip ON slip_prints (kind, slip_id);
