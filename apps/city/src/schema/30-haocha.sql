-- 好差评 upload to the provincial platform (HAOCHA.md): each batch as it was built and sent, and which
-- ratings it holds. A rating is in at most one batch (the primary key), so nothing is sent twice.
CREATE TABLE IF NOT EXISTS haocha_batches (
  id text PRIMARY KEY,
  created_at bigint NOT NULL,
  count integer NOT NULL,
  body text NOT NULL,
  sha256 text NOT NULL,
  -- pending (built, not yet accepted), sent (the platform accepted it), exported (written to a file).
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at bigint,
  response text
);
CREATE TABLE IF NOT EXISTS haocha_items (
  hall_id text NOT NULL,
  seq bigint NOT NULL,
  batch_id text NOT NULL REFERENCES haocha_batches (id),
  PRIMARY KEY (hall_id, seq)
);
-- The first and last record of each batch (evaluation ids, oldest first), to find a rating's batch by eye.
ALTER TABLE haocha_batches ADD COLUMN IF NOT EXISTS first_id text;
ALTER TABLE haocha_batches ADD COLUMN IF NOT EXISTS last_id text;
