-- Vote segments move to an ordinary (rowid) table with a small unique key. As a WITHOUT ROWID
-- table the whole row was its key: once an indicator's vote holds a dozen sources (about 1.5 kB of
-- JSON), every row spilled onto overflow pages and each lookup by (indicator, day) read them at
-- every step of the key search, so a lookup cost grew with the evidence (8.6 ms for one segment
-- per voting indicator at 200,000 observations, against 1.3 ms now). The rows are copied as
-- they are: the materialised assessment stays what it was.

CREATE TABLE assessment_segments_new (
  id                  INTEGER PRIMARY KEY,
  indicator_id        TEXT NOT NULL,
  from_day            TEXT NOT NULL,
  weight_sum          REAL NOT NULL,
  log_likelihood_json TEXT NOT NULL,
  distance_json       TEXT NOT NULL,
  readings_json       TEXT NOT NULL,
  UNIQUE (indicator_id, from_day)
);

INSERT INTO assessment_segments_new (indicator_id, from_day, weight_sum, log_likelihood_json, distance_json, readings_json)
  SELECT indicator_id, from_day, weight_sum, log_likelihood_json, distance_json, readings_json
  FROM assessment_segments ORDER BY from_day, indicator_id;

DROP TABLE assessment_segments;
ALTER TABLE assessment_segments_new RENAME TO assessment_segments;
CREATE INDEX assessment_segments_by_day ON assessment_segments (from_day);
