import { freshness, type Freshness } from './freshness.js';
import { addDays, daysBetween } from './periods.js';
import { indicatorSeries, type WeightedReading } from './series.js';

export const SPARK_MONTHS = 36;

export interface IndicatorStatus {
  latest: { level: number; words: string; observedAt: string; demo: boolean } | null;
  ageDays: number | null;
  freshness: Freshness;
  spark: { start: string; reading: number | null; carried: boolean }[];
}

/**
 * Where an indicator stands today: its latest observation (level and anchor words), how old
 * that is against the cadence, and monthly readings over the last SPARK_MONTHS months up to the
 * latest observation (so a sparkline shows the shape of what is known, not years of carry).
 */
export function indicatorStatus(input: {
  readings: WeightedReading[]; // ordered by date
  levels: readonly string[];
  cadenceDays: number;
  today: string;
}): IndicatorStatus {
  const last = input.readings.at(-1);
  if (!last) return { latest: null, ageDays: null, freshness: 'none', spark: [] };
  const ageDays = Math.max(0, daysBetween(last.observedAt, input.today));
  const from = [input.readings[0].observedAt, addDays(last.observedAt, -SPARK_MONTHS * 31)].sort().at(-1)!;
  const spark = indicatorSeries({ readings: input.readings, period: 'month', from, to: last.observedAt, cadenceDays: input.cadenceDays })
    .slice(-SPARK_MONTHS)
    .map((p) => ({ start: p.start, reading: p.reading, carried: p.carried }));
  return {
    latest: { level: last.level, words: input.levels[last.level - 1], observedAt: last.observedAt, demo: last.demo ?? false },
    ageDays,
    freshness: freshness(ageDays, input.cadenceDays),
    spark
  };
}
