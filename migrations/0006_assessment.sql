-- The scenario assessment, materialised (METHOD §4). Derived from observations and the
-- catalogue; rebuilt whenever either changes in ways a write does not cover.

-- The topic's assessment settings, synchronised from topic.yaml.
ALTER TABLE topic ADD COLUMN half_life_days REAL;
ALTER TABLE topic ADD COLUMN assess_from TEXT;
ALTER TABLE topic ADD COLUMN observable_from TEXT;

-- An indicator's vote from from_day until its next segment: its current readings (each
-- source's latest) summarised at anchor from_day, so any later day's vote is O(scenarios).
CREATE TABLE assessment_segments (
  indicator_id        TEXT NOT NULL,
  from_day            TEXT NOT NULL,
  weight_sum          REAL NOT NULL,
  log_likelihood_json TEXT NOT NULL,
  distance_json       TEXT NOT NULL,
  readings_json       TEXT NOT NULL,
  PRIMARY KEY (indicator_id, from_day)
) WITHOUT ROWID;

CREATE INDEX assessment_segments_by_day ON assessment_segments (from_day);

-- The assessment on every day from the first segment to the last (later days decay only and
-- are computed from each indicator's latest segment).
CREATE TABLE assessment_days (
  day                TEXT PRIMARY KEY,
  probabilities_json TEXT NOT NULL,
  inconsistency_json TEXT NOT NULL,
  covered            INTEGER NOT NULL,
  sources            INTEGER NOT NULL,
  evidence           INTEGER NOT NULL
) WITHOUT ROWID;

-- Forces a rebuild at the next start.
DELETE FROM meta WHERE key = 'assessment_fingerprint';

-- Each source's readings of an indicator, for "latest per source" and the write path.
CREATE INDEX observations_by_indicator_source ON observations (indicator_id, source_id, observed_at);

-- The first active date (default ranges) without reading every observation.
CREATE INDEX observations_by_date ON observations (observed_at);

-- Month sums and observation dates for an indicator's warnings, read from the index alone.
CREATE INDEX observations_for_warnings ON observations (indicator_id, observed_at, level, reliability, credibility, demo);
