// The indicator status as first defined, straight from the readings through the series code:
// the reference the set-based computation (server/services/indicator-statuses.ts) must equal.
import { freshness } from '../../server/analysis/freshness.js';
import { SPARK_MONTHS, sparkFrom, type IndicatorStatus } from '../../server/analysis/indicator-status.js';
import { daysBetween } from '../../server/analysis/periods.js';
import { indicatorSeries, type WeightedReading } from '../../server/analysis/series.js';

/**
 * Where an indicator stands today: its latest observation (level and anchor words), how old
 * that is against the cadence, and monthly readings over the last SPARK_MONTHS months up to the
 * latest observation (so a sparkline shows the shape of what is known, not years of carry).
 */
export function referenceIndicatorStatus(input: {
  readings: WeightedReading[]; // ordered by date
  levels: readonly string[];
  cadenceDays: number;
  today: string;
}): IndicatorStatus {
  const last = input.readings.at(-1);
  if (!last) return { latest: null, ageDays: null, freshness: 'none', spark: [] };
  const ageDays = Math.max(0, daysBetween(last.observedAt, input.today));
  const from = sparkFrom(input.readings[0].observedAt, last.observedAt);
  const spark = indicatorSeries({
    readings: input.readings,
    period: 'month',
    from,
    to: last.observedAt,
    cadenceDays: input.cadenceDays
  })
    .slice(-SPARK_MONTHS)
    .map((p) => ({ start: p.start, reading: p.reading, carried: p.carried }));
  return {
    latest: {
      level: last.level,
      words: input.levels[last.level - 1],
      observedAt: last.observedAt,
      demo: last.demo ?? false
    },
    ageDays,
    freshness: freshness(ageDays, input.cadenceDays),
    spark
  };
}
