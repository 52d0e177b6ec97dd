import { noveltyDetector } from '../analysis/novelty-detector.js';
import { periodOf } from '../analysis/periods.js';
import { stalenessDetector } from '../analysis/staleness-detector.js';
import { tripwireDetector } from '../analysis/tripwire-detector.js';
import { byDate, indicatorWarnings, shiftWarnings, type IndicatorDetection } from '../analysis/warnings.js';
import type { Store } from '../db/store.js';
import type { EvaluatedWindow } from '../db/warning-repository.js';
import { EVERYTHING, indicatorDetections, shiftWeeks, type WarningScope } from '../services/warning-input.js';

/** The open warnings one indicator's detection speaks for: each detector's kinds from its `from` on. */
const windowsOf = (d: IndicatorDetection): EvaluatedWindow[] => [
  { indicatorId: d.tripwire.indicator.id, kinds: tripwireDetector.kinds, from: d.tripwire.from },
  { indicatorId: d.novelty.indicator.id, kinds: noveltyDetector.kinds, from: d.novelty.from },
  { indicatorId: d.staleness.indicator.id, kinds: stalenessDetector.kinds, from: d.staleness.from }
];

/**
 * Evaluates the warnings in `scope` (all of them by default) as of now and stores what is new.
 * Idempotent: running it again with nothing changed stores nothing. A write evaluates only the
 * indicators it touched, each over the window its change can reach (services/warning-input.ts),
 * and the shift checks from its date on; the schedule evaluates everything. Both store the same
 * warnings (a property test holds them equal).
 */
export function runEvaluateWarnings({
  store,
  clock,
  scope = EVERYTHING
}: {
  store: Store;
  clock: () => Date;
  scope?: WarningScope;
}) {
  const now = clock();
  const today = now.toISOString().slice(0, 10);
  // Shift warnings are dated by week start: a scope from a Thursday covers its whole week.
  const shiftFrom = scope.shiftFrom && periodOf(scope.shiftFrom, 'week').start;
  const detections = indicatorDetections(store, today, scope);
  const shifts = shiftFrom ? shiftWeeks(store, shiftFrom, today) : { weeks: [], scenarioIds: [] };
  const titles = Object.fromEntries(store.catalogue.listScenarios().map((s) => [s.id, s.title]));
  const events = [
    ...detections.flatMap(indicatorWarnings),
    ...shiftWarnings(shifts.weeks, shifts.scenarioIds, titles)
  ].sort(byDate);
  const indicators = scope.indicatorIds === null ? 'all' : detections.flatMap(windowsOf);
  return { evaluated: events.length, ...store.warnings.store(events, now, { indicators, shiftFrom }) };
}
