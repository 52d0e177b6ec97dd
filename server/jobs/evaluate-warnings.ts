import { evaluateWarnings } from '../analysis/warnings.js';
import type { Store } from '../db/store.js';
import { warningInput } from '../services/assessment.js';

/**
 * Evaluates every warning as of now and stores what is new. Idempotent: running it again with
 * nothing changed stores nothing. Runs after every recorded observation and on a schedule.
 */
export function runEvaluateWarnings({ store, clock }: { store: Store; clock: () => Date }) {
  const now = clock();
  const events = evaluateWarnings(warningInput(store, now.toISOString().slice(0, 10)));
  return { evaluated: events.length, ...store.warnings.store(events, now) };
}
