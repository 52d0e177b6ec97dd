import type { WarningKind } from './detector.js';

export type WarningSeverity = 'high' | 'medium' | 'low';

/**
 * How much each kind of warning asks of a reader, defined once for the API, the filters and the page.
 * - high: a tripwire (a threshold agreed in advance as "act now") or a shift (the assessment itself
 *   changed its leader or moved 15 points);
 * - medium: novelty (a reading above any in three years: news, but no agreed threshold);
 * - low: staleness (a collection gap, not evidence of change) and recovery (a tripwire standing down).
 */
export const WARNING_SEVERITY: Record<WarningKind, WarningSeverity> = {
  tripwire: 'high',
  shift: 'high',
  novelty: 'medium',
  staleness: 'low',
  recovery: 'low'
};

/** The severity as an SQL expression over `w.kind`, so the store filters by it without a second definition. */
export const SEVERITY_SQL = `CASE w.kind ${Object.entries(WARNING_SEVERITY)
  .map(([kind, severity]) => `WHEN '${kind}' THEN '${severity}'`)
  .join(' ')} END`;
