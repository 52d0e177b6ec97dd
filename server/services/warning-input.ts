// What the warnings engine looks at, gathered from the store: all of it, or only what a write touched.
import { addDays, periodOf } from '../analysis/periods.js';
import type { ShiftWeek, WarningInput } from '../analysis/warnings.js';
import type { Store } from '../db/store.js';
import type { WarningScope } from '../db/warning-repository.js';
import { fitModel, statesOn } from './assessment.js';

/** Which warnings an evaluation covers: null indicatorIds means every indicator; shiftFrom null: no shift checks. */
export type { WarningScope };

export const EVERYTHING: WarningScope = { indicatorIds: null, shiftFrom: '1000-01-01' };

/** The weeks from `from` to today that brought evidence, with the assessment at the week's end (or today) and 7 days before. */
export function shiftWeeks(store: Store, from: string, today: string): { weeks: ShiftWeek[]; scenarioIds: string[] } {
  const model = fitModel(store);
  const start = periodOf(from < model.assessFrom ? model.assessFrom : from, 'week').start;
  const weekStarts = [...new Set(store.assessment.evidenceDays(start, today).map((d) => periodOf(d.day, 'week').start))];
  const pairs = weekStarts.map((s) => {
    const end = periodOf(s, 'week').end;
    const at = end < today ? end : today;
    return { start: s, at, before: addDays(at, -7) };
  });
  const states = statesOn(store, model, pairs.flatMap((p) => [p.at, p.before]));
  return {
    scenarioIds: model.scenarioIds,
    weeks: pairs.map((p) => ({ start: p.start, before: states.get(p.before)!.probabilities, after: states.get(p.at)!.probabilities }))
  };
}

/** Everything the warnings engine needs for `scope`, as of `today`. */
export function warningInput(store: Store, today: string, scope: WarningScope): WarningInput {
  const wanted = scope.indicatorIds && new Set(scope.indicatorIds);
  const indicators = store.catalogue.listIndicators().filter((i) => !i.retired && (!wanted || wanted.has(i.id)));
  const shifts = scope.shiftFrom ? shiftWeeks(store, scope.shiftFrom, today) : { weeks: [], scenarioIds: [] };
  return {
    today,
    indicators: indicators.map((ind) => ({
      id: ind.id, title: ind.title, thresholds: ind.thresholds, cadenceDays: ind.cadenceDays,
      readings: store.observations.monthlyReadings(ind.id), observedDates: store.observations.observedDates(ind.id)
    })),
    shiftWeeks: shifts.weeks,
    scenarioIds: shifts.scenarioIds,
    scenarioTitles: Object.fromEntries(store.catalogue.listScenarios().map((s) => [s.id, s.title]))
  };
}
