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

/**
 * The overview's indicator table in two set-based statements (no query per indicator in a
 * loop): the ends are an index search per indicator inside one statement, and the month sums
 * come from `indicator_months` (kept by triggers, migration 0010), a few rows per indicator
 * whatever the amount of history.
 */
export function createIndicatorStatusRepository(db: Db, { includeDemo }: { includeDemo: boolean }) {
  const visible = includeDemo ? '1 = 1' : 'o.demo = 0';
  const visibleCorrection = includeDemo ? '1 = 1' : 'c.demo = 0';
  const view = includeDemo ? 'all' : 'real';
  const active = `${visible} AND NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND ${visibleCorrection})`;
  const q = {
    ends: db.prepare(`WITH e AS (
        SELECT i.id AS indicatorId,
          (SELECT o.id FROM observations o WHERE o.indicator_id = i.id AND ${active}
            ORDER BY o.observed_at DESC, o.id DESC LIMIT 1) AS latestId,
          (SELECT o.observed_at FROM observations o WHERE o.indicator_id = i.id AND ${active}
            ORDER BY o.observed_at LIMIT 1) AS firstAt
        FROM indicators i)
      SELECT e.indicatorId, e.firstAt, o.observed_at AS latestAt, o.level AS latestLevel, o.demo AS latestDemo
      FROM e JOIN observations o ON o.id = e.latestId`),
    months: db.prepare(`WITH w AS (
        SELECT json_extract(value, '$.indicatorId') AS indicatorId, json_extract(value, '$.monthFrom') AS monthFrom,
          json_extract(value, '$.to') AS upTo FROM json_each(?)),
      s AS (
        SELECT w.indicatorId, w.upTo, coalesce((SELECT m.month FROM indicator_months m
            WHERE m.indicator_id = w.indicatorId AND m.view = '${view}' AND m.month < w.monthFrom AND m.readings > 0
            ORDER BY m.month DESC LIMIT 1), w.monthFrom) AS start
        FROM w)
      SELECT s.indicatorId, m.month AS start, m.weighted_levels AS weightedLevels, m.weight
      FROM s JOIN indicator_months m ON m.indicator_id = s.indicatorId AND m.view = '${view}'
        AND m.month >= s.start AND m.month <= s.upTo
      WHERE m.readings > 0
      ORDER BY 1, 2`)
  };
  return {
    /** First and latest active reading of every indicator that has one. */
    ends: (): IndicatorEnds[] =>
      (q.ends.all() as (Omit<IndicatorEnds, 'latestDemo'> & { latestDemo: number })[]).map((r) => ({
        ...r,
        latestDemo: r.latestDemo === 1
      })),
    /** Observed months in each window, plus the last observed month before it (the carry's seed). */
    months: (windows: SparkWindow[]): MonthSums[] =>
      windows.length ? (q.months.all(JSON.stringify(windows)) as MonthSums[]) : []
  };
}

export type IndicatorStatusRepository = ReturnType<typeof createIndicatorStatusRepository>;
