import { periodOf } from '../analysis/periods.js';
import { evaluateWarnings } from '../analysis/warnings.js';
import type { Store } from '../db/store.js';
import { EVERYTHING, warningInput, type WarningScope } from '../services/warning-input.js';

/**
 * Evaluates the warnings in `scope` (all of them by default) as of now and stores what is new.
 * Idempotent: running it again with nothing changed stores nothing. A write evaluates only the
 * indicators it touched and the shift checks from its date on; the schedule evaluates everything.
 */
export function runEvaluateWarnings({ store, clock, scope = EVERYTHING }: { store: Store; clock: () => Date; scope?: WarningScope }) {
  const now = clock();
  // Shift warnings are dated by week start: a scope from a Thursday covers its whole week.
  const scoped = { ...scope, shiftFrom: scope.shiftFrom && periodOf(scope.shiftFrom, 'week').start };
  const events = evaluateWarnings(warningInput(store, now.toISOString().slice(0, 10), scoped));
  return { evaluated: events.length, ...store.warnings.store(events, now, scoped) };
}
