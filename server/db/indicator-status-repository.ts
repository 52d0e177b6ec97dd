import { CREDIBILITY_WEIGHT, RELIABILITY_WEIGHT } from '../analysis/grading.js';
import type { Db } from './open-db.js';

/** Each indicator's first and latest active reading: the ends its status and sparkline hang on. */
export interface IndicatorEnds {
  indicatorId: string;
  firstAt: string;
  latestAt: string;
  latestLevel: number;
  latestDemo: boolean;
}

/** One indicator's observed month inside a sparkline window, as exact integer sums. */
export interface MonthSums {
  indicatorId: string;
  start: string;
  /** Σ weight·level and Σ weight, in units of 1e-4 weight, so the sums do not depend on row order. */
  weightedLevels: number;
  weight: number;
}

/** A window to sum months over: from the month `monthFrom` (or the last observed month before it) to `to`. */
export interface SparkWindow {
  indicatorId: string;
  monthFrom: string;
  to: string;
}

/** A grade's weight in units of 1e-2 (the grading table has two decimals at most), as SQL. */
const gradeUnits = (column: string, table: Record<string, number>, quote: boolean) =>
  `CASE ${column} ${Object.entries(table).map(([k, w]) => `WHEN ${quote ? `'${k}'` : k} THEN ${Math.round(w * 100)}`).join(' ')} END`;

/**
 * The overview's indicator table in a few set-based statements (no query per indicator in a
 * loop): the ends are an index search per indicator inside one statement, and the month sums
 * read only the sparkline windows from the covering index `observations_for_warnings`, so
 * neither reads history older than the window.
 */
export function createIndicatorStatusRepository(db: Db, { includeDemo }: { includeDemo: boolean }) {
  const visible = includeDemo ? '1 = 1' : 'o.demo = 0';
  const visibleCorrection = includeDemo ? '1 = 1' : 'c.demo = 0';
  // Corrections are few: the set of superseded ids is built once per statement from the unique
  // index on `supersedes`, rather than probed row by row.
  const active = `${visible} AND o.id NOT IN (SELECT c.supersedes FROM observations c
    WHERE c.supersedes IS NOT NULL AND ${visibleCorrection})`;
  const units = `(${gradeUnits('o.reliability', RELIABILITY_WEIGHT, true)} * ${gradeUnits('o.credibility', CREDIBILITY_WEIGHT, false)})`;
  const q = {
    ends: db.prepare(`WITH e AS (
        SELECT i.id AS indicatorId,
          (SELECT o.id FROM observations o INDEXED BY observations_by_indicator WHERE o.indicator_id = i.id AND ${active}
            ORDER BY o.observed_at DESC, o.id DESC LIMIT 1) AS latestId,
          (SELECT o.observed_at FROM observations o INDEXED BY observations_by_indicator WHERE o.indicator_id = i.id AND ${active}
            ORDER BY o.observed_at LIMIT 1) AS firstAt
        FROM indicators i)
      SELECT e.indicatorId, e.firstAt, o.observed_at AS latestAt, o.level AS latestLevel, o.demo AS latestDemo
      FROM e JOIN observations o ON o.id = e.latestId`),
    months: db.prepare(`WITH w AS (
        SELECT json_extract(value, '$.indicatorId') AS indicatorId, json_extract(value, '$.monthFrom') AS monthFrom,
          json_extract(value, '$.to') AS upTo FROM json_each(?)),
      s AS (
        SELECT w.indicatorId, w.upTo, coalesce((SELECT substr(o.observed_at, 1, 7) || '-01' FROM observations o
            INDEXED BY observations_by_indicator
            WHERE o.indicator_id = w.indicatorId AND o.observed_at < w.monthFrom AND ${active}
            ORDER BY o.observed_at DESC LIMIT 1), w.monthFrom) AS start
        FROM w)
      SELECT s.indicatorId, substr(o.observed_at, 1, 7) || '-01' AS start,
        sum(${units} * o.level) AS weightedLevels, sum(${units}) AS weight
      FROM s JOIN observations o INDEXED BY observations_for_warnings
        ON o.indicator_id = s.indicatorId AND o.observed_at >= s.start AND o.observed_at <= s.upTo
      WHERE ${active}
      GROUP BY 1, 2 ORDER BY 1, 2`)
  };
  return {
    /** First and latest active reading of every indicator that has one. */
    ends: (): IndicatorEnds[] =>
      (q.ends.all() as (Omit<IndicatorEnds, 'latestDemo'> & { latestDemo: number })[]).map((r) => ({ ...r, latestDemo: r.latestDemo === 1 })),
    /** Observed months in each window, plus the last observed month before it (the carry's seed). */
    months: (windows: SparkWindow[]): MonthSums[] => (windows.length ? (q.months.all(JSON.stringify(windows)) as MonthSums[]) : [])
  };
}

export type IndicatorStatusRepository = ReturnType<typeof createIndicatorStatusRepository>;
