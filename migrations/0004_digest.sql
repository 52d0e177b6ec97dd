-- Weekly digest. NULL means "the role's default" (managers subscribe unless they opt out).
ALTER TABLE users ADD COLUMN digest_subscribed INTEGER CHECK (digest_subscribed IN (0, 1));
ALTER TABLE users ADD COLUMN unsubscribe_token TEXT;
CREATE UNIQUE INDEX users_by_unsubscribe_token ON users (unsubscribe_token);

-- The outbox: a digest is stored, with one row per recipient, before anything is sent.
CREATE TABLE digests (
  id            INTEGER PRIMARY KEY,
  -- The schedule slot it answers (NULL for a run by hand); one digest per slot.
  scheduled_for TEXT UNIQUE,
  covers_from   TEXT,
  covers_to     TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  subject       TEXT NOT NULL,
  html          TEXT NOT NULL,
  text          TEXT NOT NULL,
  -- The trend images' data, so a resumed send renders the same pictures.
  sparks_json   TEXT NOT NULL DEFAULT '[]',
  -- sending: deliveries pending; sent: at least one recipient accepted it; failed: nobody did;
  -- stored: nobody to send to.
  status        TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'stored')),
  finished_at   TEXT
);

CREATE TABLE digest_deliveries (
  id              INTEGER PRIMARY KEY,
  digest_id       INTEGER NOT NULL REFERENCES digests(id),
  user_id         INTEGER NOT NULL REFERENCES users(id),
  email           TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  sent_at         TEXT,
  message_id      TEXT,
  UNIQUE (digest_id, user_id)
);

CREATE INDEX digest_deliveries_pending ON digest_deliveries (status, next_attempt_at);

-- Who may run a job right now: two processes on one database never both send.
CREATE TABLE job_leases (
  name       TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
