import type { Db } from './open-db.js';

/** The kept month sums store weights as whole numbers of 1e-4 (migration 0010), so they add exactly. */
const WEIGHT_UNITS = 1e4;

interface MonthSums {
  at: string;
  weightedLevels: number;
  weight: number;
}
/** A month's weighted mean level (README, Method: Series), rounded as the series are. */
const monthReading = (m: MonthSums) => ({
  at: m.at,
  reading: Math.round((m.weightedLevels / m.weight) * 1e4) / 1e4,
  weight: m.weight / WEIGHT_UNITS
});

/**
 * What the kept month sums and observed days (kept per view by triggers, migration 0010) say of an
 * indicator's active observations, without reading the rows: tripwires, novelty, staleness and the
 * series' windows ask these.
 */
export function createIndicatorActivity(db: Db, { includeDemo }: { includeDemo: boolean }) {
  const view = includeDemo ? 'all' : 'real';
  const q = {
    monthly: db.prepare(`SELECT month AS at, weighted_levels AS weightedLevels, weight FROM indicator_months
      WHERE indicator_id = ? AND view = '${view}' AND month >= ? AND readings > 0 ORDER BY month`),
    monthsBackFrom: db.prepare(`SELECT month AS at, weighted_levels AS weightedLevels, weight FROM indicator_months
      WHERE indicator_id = ? AND view = '${view}' AND month < ? AND readings > 0 ORDER BY month DESC`),
    observedDates: db
      .prepare(
        `SELECT day FROM indicator_days WHERE indicator_id = ? AND view = '${view}' AND day >= ? AND readings > 0
      ORDER BY day`
      )
      .pluck(),
    lastObservedBefore: db
      .prepare(
        `SELECT max(day) FROM indicator_days WHERE indicator_id = ? AND view = '${view}' AND day < ?
      AND readings > 0`
      )
      .pluck(),
    lastObservedAt: db
      .prepare(`SELECT max(day) FROM indicator_days WHERE indicator_id = ? AND view = '${view}' AND readings > 0`)
      .pluck(),
    firstObservedAt: db
      .prepare(`SELECT min(day) FROM indicator_days WHERE indicator_id = ? AND view = '${view}' AND readings > 0`)
      .pluck()
  };
  return {
    /**
     * The indicator's observed months with their weighted mean level (README, Method: Series; rounded as the
     * series are), from the kept month sums: what tripwires and novelty look at, without the rows.
     */
    monthlyReadings: (indicatorId: string, since = '0000-01-01') =>
      (q.monthly.all(indicatorId, since) as MonthSums[]).map(monthReading),
    /**
     * The latest observed month before `month` whose reading is `level` or lower (null if none):
     * read backwards from `month`, stopping there.
     */
    lastMonthAtOrBelow(indicatorId: string, month: string, level: number): string | null {
      for (const m of q.monthsBackFrom.iterate(indicatorId, month) as IterableIterator<MonthSums>) {
        if (monthReading(m).reading <= level) return m.at; // leaving the loop closes the statement
      }
      return null;
    },
    /** The distinct dates of the indicator's active observations from `since` on, in order (staleness gaps). */
    observedDates: (indicatorId: string, since = '0000-01-01') => q.observedDates.all(indicatorId, since) as string[],
    /** The indicator's latest observed day before `day` (null without any). */
    lastObservedBefore: (indicatorId: string, day: string) =>
      (q.lastObservedBefore.get(indicatorId, day) as string | null | undefined) ?? null,
    /** The date of the indicator's first active observation (null without any). */
    firstObservedAt: (indicatorId: string) => (q.firstObservedAt.get(indicatorId) as string | null | undefined) ?? null,
    /** The date of the indicator's latest active observation (null without any). */
    lastObservedAt: (indicatorId: string) => (q.lastObservedAt.get(indicatorId) as string | null | undefined) ?? null
  };
}
