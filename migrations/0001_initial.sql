-- Catalogue: synchronised from the topic's data files at every start.
CREATE TABLE topic (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  description TEXT NOT NULL
);

CREATE TABLE documents (
  file      TEXT PRIMARY KEY,
  title     TEXT NOT NULL,
  publisher TEXT,
  published TEXT,
  character TEXT
);

CREATE TABLE families (
  id              TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  description     TEXT NOT NULL,
  provenance_json TEXT NOT NULL,
  position        INTEGER NOT NULL,
  retired_at      TEXT
);

CREATE TABLE indicators (
  id              TEXT PRIMARY KEY,
  family_id       TEXT NOT NULL REFERENCES families(id),
  title           TEXT NOT NULL,
  look_for        TEXT NOT NULL,
  levels_json     TEXT NOT NULL,
  quantity_unit   TEXT,
  quantity_label  TEXT,
  cadence_days    INTEGER NOT NULL CHECK (cadence_days > 0),
  fire_level      INTEGER NOT NULL CHECK (fire_level BETWEEN 1 AND 5),
  recover_level   INTEGER NOT NULL CHECK (recover_level BETWEEN 1 AND 5),
  provenance_json TEXT NOT NULL,
  position        INTEGER NOT NULL,
  -- Set when the indicator left the catalogue while observations still reference it.
  retired_at      TEXT
);

CREATE TABLE scenarios (
  id              TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  summary         TEXT NOT NULL,
  narrative       TEXT NOT NULL,
  prior           REAL NOT NULL CHECK (prior > 0 AND prior < 1),
  signposts_json  TEXT NOT NULL,
  provenance_json TEXT NOT NULL,
  position        INTEGER NOT NULL
);

CREATE TABLE scenario_bands (
  scenario_id  TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  lo           INTEGER NOT NULL CHECK (lo BETWEEN 1 AND 5),
  hi           INTEGER NOT NULL CHECK (hi BETWEEN 1 AND 5 AND hi >= lo),
  PRIMARY KEY (scenario_id, indicator_id)
);

-- Reporting: sources and the observations drawn from them.
CREATE TABLE sources (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL,
  url        TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (title, url)
);

CREATE TABLE observations (
  id           INTEGER PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  observed_at  TEXT NOT NULL CHECK (observed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  quantity     REAL,
  rationale    TEXT NOT NULL,
  source_id    INTEGER NOT NULL REFERENCES sources(id),
  reliability  TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
  credibility  INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
  -- A correction points at the observation it replaces; each can be replaced once.
  supersedes   INTEGER UNIQUE REFERENCES observations(id),
  recorded_at  TEXT NOT NULL,
  demo         INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
);

CREATE INDEX observations_by_indicator ON observations (indicator_id, observed_at);

-- Observations are append-only: corrections supersede, nothing changes in place.
CREATE TRIGGER observations_no_update BEFORE UPDATE ON observations
BEGIN
  SELECT RAISE(ABORT, 'observations are append-only');
END;

CREATE TRIGGER observations_no_delete BEFORE DELETE ON observations
BEGIN
  SELECT RAISE(ABORT, 'observations are append-only');
END;

-- Every write, with before and after, in the order it happened.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT,
  before_json TEXT,
  after_json  TEXT
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Facts about this database: when demonstration data was loaded, and so on.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
