// What the warning detectors look at, gathered from the store: every indicator's whole history,
// or only the window a write can change for the indicators it touched.
import { BEGINNING } from '../analysis/detector.js';
import { NOVELTY_LOOKBACK_DAYS } from '../analysis/novelty-detector.js';
import { addDays, periodOf } from '../analysis/periods.js';
import { stalenessFrom } from '../analysis/staleness-detector.js';
import { wholeHistory, type IndicatorDetection, type ShiftWeek } from '../analysis/warnings.js';
import type { Store } from '../db/store.js';
import type { IndicatorSummary } from '../schemas/index.js';
import { fitModel, statesOn } from './assessment.js';

/**
 * Which warnings an evaluation covers. `indicatorIds` null: every indicator over its whole
 * history. Otherwise those indicators, each from the earliest date its evidence changed
 * (`changedFrom`, else `shiftFrom`; whole history when both are missing). `shiftFrom`: the
 * shift checks from that date on (null: none).
 */
export interface WarningScope {
  indicatorIds: string[] | null;
  shiftFrom: string | null;
  changedFrom?: Record<string, string>;
}

export const EVERYTHING: WarningScope = { indicatorIds: null, shiftFrom: '1000-01-01' };

/** The weeks from `from` to today that brought evidence, with the assessment at the week's end (or today) and 7 days before. */
export function shiftWeeks(store: Store, from: string, today: string): { weeks: ShiftWeek[]; scenarioIds: string[] } {
  const model = fitModel(store);
  const start = periodOf(from < model.assessFrom ? model.assessFrom : from, 'week').start;
  const weekStarts = [
    ...new Set(store.assessment.evidenceDays(start, today).map((d) => periodOf(d.day, 'week').start))
  ];
  const pairs = weekStarts.map((s) => {
    const end = periodOf(s, 'week').end;
    const at = end < today ? end : today;
    return { start: s, at, before: addDays(at, -7) };
  });
  const states = statesOn(
    store,
    model,
    pairs.flatMap((p) => [p.at, p.before])
  );
  return {
    scenarioIds: model.scenarioIds,
    weeks: pairs.map((p) => ({
      start: p.start,
      before: states.get(p.before)!.probabilities,
      after: states.get(p.at)!.probabilities
    }))
  };
}

/**
 * One indicator's detector inputs when its evidence changed from `changed` on: the months after
 * the last calm month before `changed`'s (tripwire), the months from NOVELTY_YEARS before it
 * (novelty), and the observed days from the last one before `changed` (staleness). Each read is
 * a range of the kept month sums or observed days, not of the observations.
 */
function changedWindow(store: Store, ind: IndicatorSummary, changed: string, today: string): IndicatorDetection {
  const obs = store.observations;
  const indicator = { id: ind.id, title: ind.title };
  const month = periodOf(changed, 'month').start;
  const calm = obs.lastMonthAtOrBelow(ind.id, month, ind.thresholds.recover);
  const tripwireFrom = calm ? addDays(calm, 1) : BEGINNING;
  const noveltyReadFrom = addDays(month, -NOVELTY_LOOKBACK_DAYS);
  const readings = obs.monthlyReadings(ind.id, tripwireFrom < noveltyReadFrom ? tripwireFrom : noveltyReadFrom);
  const lastBefore = obs.lastObservedBefore(ind.id, changed);
  return {
    tripwire: {
      indicator,
      from: tripwireFrom,
      thresholds: ind.thresholds,
      readings: readings.filter((r) => r.at >= tripwireFrom)
    },
    novelty: { indicator, from: month, readings: readings.filter((r) => r.at >= noveltyReadFrom) },
    staleness: {
      indicator,
      from: lastBefore ? stalenessFrom(lastBefore, ind.cadenceDays) : BEGINNING,
      cadenceDays: ind.cadenceDays,
      observedDates: obs.observedDates(ind.id, lastBefore ?? BEGINNING),
      today
    }
  };
}

/** The detector inputs for every indicator in `scope`, as of `today`. */
export function indicatorDetections(store: Store, today: string, scope: WarningScope): IndicatorDetection[] {
  const wanted = scope.indicatorIds && new Set(scope.indicatorIds);
  const indicators = store.catalogue.listIndicators().filter((i) => !i.retired && (!wanted || wanted.has(i.id)));
  return indicators.map((ind) => {
    const changed = wanted ? (scope.changedFrom?.[ind.id] ?? scope.shiftFrom) : null;
    if (changed) return changedWindow(store, ind, changed, today);
    const readings = store.observations.monthlyReadings(ind.id);
    return wholeHistory({ ...ind, readings, observedDates: store.observations.observedDates(ind.id) }, today);
  });
}
