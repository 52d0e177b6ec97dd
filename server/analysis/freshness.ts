export type Freshness = 'fresh' | 'due' | 'stale' | 'none';

/** Share of the cadence after which the next report is due: a nudge before the indicator goes stale. */
export const DUE_AFTER = 0.75;

/**
 * How current an indicator is: fresh early in its cadence, due in the last quarter of it,
 * stale once no observation falls within the cadence (README, Method: Warnings), none without observations.
 */
export function freshness(ageDays: number | null, cadenceDays: number): Freshness {
  if (ageDays === null) return 'none';
  if (ageDays > cadenceDays) return 'stale';
  return ageDays > DUE_AFTER * cadenceDays ? 'due' : 'fresh';
}
