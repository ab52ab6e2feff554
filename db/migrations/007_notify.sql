-- Messages to citizens (issue 16, 短信提醒): a durable outbox. A message is written here in the same
-- flow that publishes the committed events it follows, then sent by the hub's send loop, at least once:
-- `dedupe_key` is unique (a replayed event adds nothing) and goes to the gateway so it can drop a repeat.
-- status: queued (waiting or being sent; `next_at` is when it may go), sent, failed (last try failed,
-- a retry is due), dead (given up, or refused by the gateway). Phones are kept in clear only in these
-- two tables, because a message cannot be sent without one; rows older than notify.retentionDays go.
CREATE TABLE notify_outbox (
  id INTEGER PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'wechat')),
  phone TEXT NOT NULL,
  ticket_id TEXT,
  template TEXT NOT NULL,
  params TEXT NOT NULL CHECK (json_valid(params)),
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  last_error TEXT
) STRICT;
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_at);
CREATE INDEX notify_outbox_created ON notify_outbox (created_at);
CREATE INDEX notify_outbox_phone ON notify_outbox (phone, created_at);

-- The phone a citizen left for one ticket (at the kiosk or with an officer).
CREATE TABLE ticket_contacts (
  ticket_id TEXT PRIMARY KEY,
  phone TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'wechat')),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX ticket_contacts_created ON ticket_contacts (created_at);
