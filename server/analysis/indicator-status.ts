import { freshness, type Freshness } from './freshness.js';
import { addDays, daysBetween } from './periods.js';

export const SPARK_MONTHS = 36;

export interface IndicatorStatus {
  latest: { level: number; words: string; observedAt: string; demo: boolean } | null;
  ageDays: number | null;
  freshness: Freshness;
  spark: { start: string; reading: number | null; carried: boolean }[];
}

/** The sparkline's first day: SPARK_MONTHS × 31 days before the latest reading, or the first reading if later. */
export function sparkFrom(firstAt: string, latestAt: string): string {
  return [firstAt, addDays(latestAt, -SPARK_MONTHS * 31)].sort().at(-1)!;
}

/**
 * Where an indicator stands today: its latest observation (level and anchor words), how old
 * that is against the cadence, and monthly readings over the last SPARK_MONTHS months up to the
 * latest observation (so a sparkline shows the shape of what is known, not years of carry).
 * An observed month reads its weighted mean level (README, Method: Series); a month without observations
 * carries the last one, flagged `carried`. Built from the indicator's two ends and its observed
 * months inside the window plus the last one before it (the carry's seed), so the caller never
 * reads the whole history.
 */
export function indicatorStatusFromMonths(input: {
  ends: { firstAt: string; latestAt: string; latestLevel: number; latestDemo: boolean } | undefined;
  months: { start: string; reading: number }[]; // ordered by start
  levels: readonly string[];
  cadenceDays: number;
  today: string;
}): IndicatorStatus {
  const { ends } = input;
  if (!ends) return { latest: null, ageDays: null, freshness: 'none', spark: [] };
  const ageDays = Math.max(0, daysBetween(ends.latestAt, input.today));
  const starts = monthStarts(sparkFrom(ends.firstAt, ends.latestAt), ends.latestAt);
  const observed = new Map(input.months.map((m) => [m.start, m.reading]));
  let carry = input.months.filter((m) => m.start < starts[0]).at(-1)?.reading ?? null;
  const spark = starts.map((start) => {
    const reading = observed.get(start);
    if (reading !== undefined) carry = reading;
    return { start, reading: carry === null ? null : round4(carry), carried: reading === undefined && carry !== null };
  });
  return {
    latest: {
      level: ends.latestLevel,
      words: input.levels[ends.latestLevel - 1],
      observedAt: ends.latestAt,
      demo: ends.latestDemo
    },
    ageDays,
    freshness: freshness(ageDays, input.cadenceDays),
    spark: spark.slice(-SPARK_MONTHS)
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** First days of the months from the one holding `from` to the one holding `to`, by string arithmetic (a hot path). */
export function monthStarts(from: string, to: string): string[] {
  const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const starts: string[] = [];
  for (let k = index(from); k <= index(to); k++) {
    starts.push(`${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}-01`);
  }
  return starts;
}
