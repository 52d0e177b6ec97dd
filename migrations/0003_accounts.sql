-- Local accounts: every read and write now has a person behind it.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  email         TEXT,
  role          TEXT NOT NULL CHECK (role IN ('watch_officer', 'manager', 'admin')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  disabled_at   TEXT
);

-- Server-side sessions, so they can be revoked. Only a hash of the cookie's token is kept.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT,
  address      TEXT
);

CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed logins per account ("user:<name>") and per address ("address:<ip>"), for lockout with back-off.
CREATE TABLE login_throttle (
  key          TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  locked_until TEXT,
  last_failure TEXT NOT NULL
);

-- Who recorded each observation and each correction.
ALTER TABLE observations ADD COLUMN recorded_by INTEGER REFERENCES users(id);
