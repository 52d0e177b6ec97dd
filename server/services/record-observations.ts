// The one write path for observations: store, update the assessment, then the warnings.
import type { RecordOptions } from '../db/observation-repository.js';
import type { Store } from '../db/store.js';
import { runEvaluateWarnings } from '../jobs/evaluate-warnings.js';
import type { Observation, ObservationInput } from '../schemas/index.js';
import { refreshAssessment } from './assessment-upkeep.js';

export interface Recorded {
  observations: Observation[];
  /** Set when the warnings could not be updated; the observations are stored regardless. */
  warningsError: unknown;
}

/** Each touched indicator with the earliest date its evidence changed (a correction moves two dates). */
function changedFrom(store: Store, stored: Observation[]): Map<string, string> {
  const changes = new Map<string, string>();
  const note = (id: string, date: string) => {
    const seen = changes.get(id);
    if (!seen || date < seen) changes.set(id, date);
  };
  for (const o of stored) {
    note(o.indicatorId, o.observedAt);
    if (o.supersedes !== null) note(o.indicatorId, store.observations.get(o.supersedes)!.observedAt);
  }
  return changes;
}

/**
 * Records observations (new ones and corrections) in one transaction, which also brings the
 * materialised assessment up to date from the earliest date they touch: all or nothing. Then
 * re-evaluates the warnings of the indicators they touch (each from the earliest date its
 * evidence changed) and the shift checks from the earliest of those dates on, in the same
 * transaction. Many rows (a bulk import) cost one assessment update.
 */
export function recordObservations(store: Store, rows: ObservationInput[], who: RecordOptions): Recorded {
  let warningsError: unknown = null;
  // The warnings update runs inside the write's transaction as a savepoint, so a write costs one
  // commit (one sync of the log) rather than two; when it fails, only the savepoint is undone.
  const evaluateWarnings = store.db.transaction((changes: Map<string, string>) => {
    const shiftFrom = [...changes.values()].sort()[0] ?? null;
    const scope = { indicatorIds: [...changes.keys()], shiftFrom, changedFrom: Object.fromEntries(changes) };
    runEvaluateWarnings({ store, clock: () => who.now, scope });
  });
  const stored = store.db
    .transaction(() => {
      const stored = store.observations.recordAll(rows, who);
      const changes = changedFrom(store, stored);
      refreshAssessment(store, changes);
      try {
        evaluateWarnings(changes);
      } catch (err) {
        // A full disk or an I/O error can end the whole transaction: then the write itself has failed.
        if (!store.db.inTransaction) throw err;
        warningsError = err;
      }
      return stored;
      // IMMEDIATE: the write lock is taken (waiting out busy_timeout) before the first read. A deferred
      // transaction that reads and then writes fails at once with SQLITE_BUSY when another process wrote.
    })
    .immediate();
  return { observations: stored, warningsError };
}
