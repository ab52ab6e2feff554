-- A requestId answers with its first result only when the retry carries the same command: the hash
-- of the first payload (ID-card numbers already replaced by their salted hash) is kept beside it, so a
-- reused requestId with a different body is refused (409 REQUEST_ID_REUSED) instead of answered
-- with someone else's ticket. Rows from before this migration have no hash and keep the old rule.
ALTER TABLE requests ADD COLUMN payload_hash TEXT;
