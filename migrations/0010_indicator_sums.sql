-- Per-indicator sums that stay small however much history piles up, kept by triggers in the
-- same transaction as every insert, so the overview's sparklines and the warnings read a few
-- rows per indicator instead of every observation.
--
-- Two views, as the observation repository filters: 'all' (demonstration rows shown) counts
-- every reading that no correction supersedes; 'real' counts non-demonstration readings that no
-- non-demonstration correction supersedes. Weights are the grading table's (METHOD §2,
-- server/analysis/grading.ts) in integer units of 1e-4, so sums are exact and independent of
-- the order rows arrive in; a month whose readings were all superseded keeps readings = 0.

-- Each observed month: Σ weight·level, Σ weight, number of readings.
CREATE TABLE indicator_months (
  indicator_id    TEXT NOT NULL,
  view            TEXT NOT NULL CHECK (view IN ('all', 'real')),
  month           TEXT NOT NULL, -- its first day
  weighted_levels INTEGER NOT NULL,
  weight          INTEGER NOT NULL,
  readings        INTEGER NOT NULL,
  PRIMARY KEY (indicator_id, view, month)
) WITHOUT ROWID;

-- Each observed day: number of readings (staleness gaps need the dates, not the rows).
CREATE TABLE indicator_days (
  indicator_id TEXT NOT NULL,
  view         TEXT NOT NULL CHECK (view IN ('all', 'real')),
  day          TEXT NOT NULL,
  readings     INTEGER NOT NULL,
  PRIMARY KEY (indicator_id, view, day)
) WITHOUT ROWID;

INSERT INTO indicator_months (indicator_id, view, month, weighted_levels, weight, readings)
  SELECT o.indicator_id, v.view, substr(o.observed_at, 1, 7) || '-01', sum(((CASE o.reliability WHEN 'A' THEN 100 WHEN 'B' THEN 80 WHEN 'C' THEN 60 WHEN 'D' THEN 40 WHEN 'E' THEN 20 WHEN 'F' THEN 50 END)
      * (CASE o.credibility WHEN 1 THEN 100 WHEN 2 THEN 80 WHEN 3 THEN 60 WHEN 4 THEN 40 WHEN 5 THEN 20 WHEN 6 THEN 50 END)) * o.level), sum(((CASE o.reliability WHEN 'A' THEN 100 WHEN 'B' THEN 80 WHEN 'C' THEN 60 WHEN 'D' THEN 40 WHEN 'E' THEN 20 WHEN 'F' THEN 50 END)
      * (CASE o.credibility WHEN 1 THEN 100 WHEN 2 THEN 80 WHEN 3 THEN 60 WHEN 4 THEN 40 WHEN 5 THEN 20 WHEN 6 THEN 50 END))), count(*)
  FROM observations o JOIN (SELECT 'all' AS view UNION ALL SELECT 'real') v ON v.view = 'all' OR o.demo = 0
  WHERE NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND (v.view = 'all' OR c.demo = 0))
  GROUP BY 1, 2, 3;

INSERT INTO indicator_days (indicator_id, view, day, readings)
  SELECT o.indicator_id, v.view, o.observed_at, count(*)
  FROM observations o JOIN (SELECT 'all' AS view UNION ALL SELECT 'real') v ON v.view = 'all' OR o.demo = 0
  WHERE NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND (v.view = 'all' OR c.demo = 0))
  GROUP BY 1, 2, 3;

-- A new reading joins its views.
CREATE TRIGGER observations_add_to_sums AFTER INSERT ON observations
BEGIN
  INSERT INTO indicator_months (indicator_id, view, month, weighted_levels, weight, readings)
    SELECT NEW.indicator_id, v.view, substr(NEW.observed_at, 1, 7) || '-01', ((CASE NEW.reliability WHEN 'A' THEN 100 WHEN 'B' THEN 80 WHEN 'C' THEN 60 WHEN 'D' THEN 40 WHEN 'E' THEN 20 WHEN 'F' THEN 50 END)
      * (CASE NEW.credibility WHEN 1 THEN 100 WHEN 2 THEN 80 WHEN 3 THEN 60 WHEN 4 THEN 40 WHEN 5 THEN 20 WHEN 6 THEN 50 END)) * NEW.level, ((CASE NEW.reliability WHEN 'A' THEN 100 WHEN 'B' THEN 80 WHEN 'C' THEN 60 WHEN 'D' THEN 40 WHEN 'E' THEN 20 WHEN 'F' THEN 50 END)
      * (CASE NEW.credibility WHEN 1 THEN 100 WHEN 2 THEN 80 WHEN 3 THEN 60 WHEN 4 THEN 40 WHEN 5 THEN 20 WHEN 6 THEN 50 END)), 1
    FROM (SELECT 'all' AS view UNION ALL SELECT 'real' WHERE NEW.demo = 0) v WHERE 1
    ON CONFLICT (indicator_id, view, month) DO UPDATE SET weighted_levels = weighted_levels + excluded.weighted_levels,
      weight = weight + excluded.weight, readings = readings + excluded.readings;
  INSERT INTO indicator_days (indicator_id, view, day, readings)
    SELECT NEW.indicator_id, v.view, NEW.observed_at, 1
    FROM (SELECT 'all' AS view UNION ALL SELECT 'real' WHERE NEW.demo = 0) v WHERE 1
    ON CONFLICT (indicator_id, view, day) DO UPDATE SET readings = readings + 1;
END;

-- The reading a correction supersedes leaves the views the correction is seen in.
CREATE TRIGGER observations_remove_superseded_from_sums AFTER INSERT ON observations WHEN NEW.supersedes IS NOT NULL
BEGIN
  INSERT INTO indicator_months (indicator_id, view, month, weighted_levels, weight, readings)
    SELECT o.indicator_id, v.view, substr(o.observed_at, 1, 7) || '-01', -((CASE o.reliability WHEN 'A' THEN 100 WHEN 'B' THEN 80 WHEN 'C' THEN 60 WHEN 'D' THEN 40 WHEN 'E' THEN 20 WHEN 'F' THEN 50 END)
      * (CASE o.credibility WHEN 1 THEN 100 WHEN 2 THEN 80 WHEN 3 THEN 60 WHEN 4 THEN 40 WHEN 5 THEN 20 WHEN 6 THEN 50 END)) * o.level, -((CASE o.reliability WHEN 'A' THEN 100 WHEN 'B' THEN 80 WHEN 'C' THEN 60 WHEN 'D' THEN 40 WHEN 'E' THEN 20 WHEN 'F' THEN 50 END)
      * (CASE o.credibility WHEN 1 THEN 100 WHEN 2 THEN 80 WHEN 3 THEN 60 WHEN 4 THEN 40 WHEN 5 THEN 20 WHEN 6 THEN 50 END)), -1
    FROM observations o JOIN (SELECT 'all' AS view UNION ALL SELECT 'real' WHERE NEW.demo = 0) v ON v.view = 'all' OR o.demo = 0
    WHERE o.id = NEW.supersedes
    ON CONFLICT (indicator_id, view, month) DO UPDATE SET weighted_levels = weighted_levels + excluded.weighted_levels,
      weight = weight + excluded.weight, readings = readings + excluded.readings;
  INSERT INTO indicator_days (indicator_id, view, day, readings)
    SELECT o.indicator_id, v.view, o.observed_at, -1
    FROM observations o JOIN (SELECT 'all' AS view UNION ALL SELECT 'real' WHERE NEW.demo = 0) v ON v.view = 'all' OR o.demo = 0
    WHERE o.id = NEW.supersedes
    ON CONFLICT (indicator_id, view, day) DO UPDATE SET readings = readings - 1;
END;

-- The overview's demonstration count reads only the demonstration rows.
CREATE INDEX observations_demo ON observations (id) WHERE demo = 1;

-- Open warnings (counts on the overview, fingerprints after a write) without reading the
-- resolved ones, which pile up with history.
CREATE INDEX warnings_open ON warnings (kind, acknowledged_at, indicator_id, at, fingerprint) WHERE resolved_at IS NULL;
