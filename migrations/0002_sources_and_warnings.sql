-- Sources become records of their own: a kind, and a reliability grade with a history.
ALTER TABLE sources ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
  CHECK (kind IN ('document', 'official', 'media', 'research', 'human', 'social-media', 'other'));

CREATE TABLE source_grades (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
  rationale   TEXT NOT NULL,
  graded_at   TEXT NOT NULL,
  graded_by   TEXT NOT NULL
);

CREATE INDEX source_grades_by_source ON source_grades (source_id, graded_at);

-- A grade, once given, is history: a new grade is a new row.
CREATE TRIGGER source_grades_no_update BEFORE UPDATE ON source_grades
BEGIN
  SELECT RAISE(ABORT, 'source grades are append-only');
END;

-- Sources created before grades had a history take their first observation's grade.
INSERT INTO source_grades (source_id, reliability, rationale, graded_at, graded_by)
SELECT s.id, o.reliability, 'grade of the first observation from this source', s.created_at, 'system:migration'
FROM sources s
JOIN observations o ON o.id = (SELECT min(id) FROM observations WHERE source_id = s.id);

-- Warnings: each stored once (fingerprint), with the time it refers to and its cause.
CREATE TABLE warnings (
  id              INTEGER PRIMARY KEY,
  fingerprint     TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('tripwire', 'recovery', 'novelty', 'staleness', 'shift')),
  indicator_id    TEXT REFERENCES indicators(id),
  scenario_id     TEXT,
  at              TEXT NOT NULL,
  until           TEXT,
  level           REAL,
  cause           TEXT NOT NULL,
  detected_at     TEXT NOT NULL,
  -- Set when a later evaluation finds the condition over (a tripwire recovered, news arrived).
  resolved_at     TEXT,
  acknowledged_at TEXT,
  acknowledged_by TEXT
);

CREATE INDEX warnings_by_time ON warnings (at);
CREATE INDEX warnings_by_indicator ON warnings (indicator_id, at);
