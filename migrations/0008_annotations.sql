-- Annotations: dated notes (an event or a stretch of time) drawn on the charts in their scope.
-- Like observations they are append-only: a correction is a new row that supersedes the old one,
-- and retiring one records who and why in annotation_retirements; nothing is updated or deleted.
-- Scope names a family or an indicator by id without a foreign key, so the catalogue sync may
-- still retire or drop an indicator; the service checks ids when an annotation is written.
CREATE TABLE annotations (
  id           INTEGER PRIMARY KEY,
  starts_on    TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- NULL for a point in time; a range includes its last day.
  ends_on      TEXT CHECK (ends_on IS NULL OR (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND ends_on >= starts_on)),
  text         TEXT NOT NULL,
  scope        TEXT NOT NULL CHECK (scope IN ('all', 'family', 'indicator')),
  family_id    TEXT,
  indicator_id TEXT,
  source       TEXT NOT NULL,
  source_url   TEXT,
  supersedes   INTEGER UNIQUE REFERENCES annotations(id),
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES users(id),
  demo         INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
  CHECK ((scope = 'all' AND family_id IS NULL AND indicator_id IS NULL)
      OR (scope = 'family' AND family_id IS NOT NULL AND indicator_id IS NULL)
      OR (scope = 'indicator' AND indicator_id IS NOT NULL AND family_id IS NULL))
);

CREATE INDEX annotations_by_date ON annotations (starts_on);

CREATE TABLE annotation_retirements (
  annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id),
  retired_at    TEXT NOT NULL,
  retired_by    INTEGER REFERENCES users(id),
  reason        TEXT NOT NULL
);

CREATE TRIGGER annotations_no_update BEFORE UPDATE ON annotations
BEGIN
  SELECT RAISE(ABORT, 'annotations are append-only');
END;

CREATE TRIGGER annotations_no_delete BEFORE DELETE ON annotations
BEGIN
  SELECT RAISE(ABORT, 'annotations are append-only');
END;

CREATE TRIGGER annotation_retirements_no_update BEFORE UPDATE ON annotation_retirements
BEGIN
  SELECT RAISE(ABORT, 'retirements are final');
END;

CREATE TRIGGER annotation_retirements_no_delete BEFORE DELETE ON annotation_retirements
BEGIN
  SELECT RAISE(ABORT, 'retirements are final');
END;
