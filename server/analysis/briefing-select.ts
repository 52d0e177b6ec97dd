// Which indicators a printed briefing shows: the ones whose readings moved most over its range.
import { addDays, daysBetween, type PeriodKind } from './periods.js';
import type { SeriesPoint } from './series.js';

export interface ReadingMove {
  /** The reading in force in the range's first period (carried from before if need be); null if none yet. */
  first: number | null;
  /** The reading in force in the range's last period. */
  last: number | null;
  /** last − first; 0 when either is missing. */
  change: number;
  /** Observations dated in the range. */
  observations: number;
}

/** How an indicator's series moved over the range: its last reading minus its first. */
export function readingMove(points: readonly SeriesPoint[]): ReadingMove {
  const readings = points.map((p) => p.reading).filter((r): r is number => r !== null);
  const first = readings[0] ?? null;
  const last = readings.at(-1) ?? null;
  const change = first === null || last === null ? 0 : Math.round((last - first) * 1e4) / 1e4;
  return { first, last, change, observations: points.reduce((n, p) => n + p.observationCount, 0) };
}

export interface Candidate extends ReadingMove {
  id: string;
  /** How well the indicator separates the scenarios (0–1): breaks ties between equal moves. */
  diagnosticity: number;
}

/**
 * The key indicators: those with readings in the range, by |change| (largest first), then by how
 * many observations arrived, then by diagnosticity, then by id so the order never depends on input
 * order. At most `limit`.
 */
export function keyIndicators<C extends Candidate>(candidates: readonly C[], limit: number): C[] {
  return candidates
    .filter((c) => c.observations > 0)
    .sort(
      (a, b) =>
        Math.abs(b.change) - Math.abs(a.change) ||
        b.observations - a.observations ||
        b.diagnosticity - a.diagnosticity ||
        a.id.localeCompare(b.id)
    )
    .slice(0, limit);
}

/** A briefing's default range: the 90 days up to `today`. */
export const defaultBriefingFrom = (to: string) => addDays(to, -89);

/** The period a briefing charts by: weeks up to half a year, months up to five years, else quarters. */
export function briefingPeriod(from: string, to: string): Exclude<PeriodKind, 'day'> {
  const days = daysBetween(from, to) + 1;
  if (days <= 183) return 'week';
  return days <= 5 * 366 ? 'month' : 'quarter';
}
