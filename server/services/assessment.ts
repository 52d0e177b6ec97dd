// Assembles the pure analysis's inputs from the store: the one place that knows both.
import { countPeriods, periodOf, periodsBetween, type PeriodKind } from '../analysis/periods.js';
import { scenarioFit, type FitInput } from '../analysis/scenario-fit.js';
import { indicatorSeries } from '../analysis/series.js';
import type { WarningInput } from '../analysis/warnings.js';
import type { Store } from '../db/store.js';
import { InputError } from '../errors.js';

export interface Window {
  from: string;
  to: string;
  period: PeriodKind;
}

/** Enough for weekly readings over twenty years; more is a mistake, not a chart. */
export const MAX_PERIODS = 1100;

/**
 * The window a query asks for: from `first` (the first observation that matters; today when there
 * is none) to today unless given. Refused when inverted or absurdly long, naming `from`.
 */
export function queryWindow(first: string | null, today: string, q: { from?: string; to?: string; period: PeriodKind }): Window {
  const from = q.from ?? first ?? today;
  const to = q.to ?? [today, from].sort().at(-1)!;
  if (from > to) throw new InputError(400, 'from', `must not be after "to" (${to})`);
  if (countPeriods(from, to, q.period) > MAX_PERIODS) {
    throw new InputError(400, 'from', `the range holds more than ${MAX_PERIODS} ${q.period}s; shorten it or use a longer period`);
  }
  return { from, to, period: q.period };
}

/**
 * Scenario-fit input up to the window's end: each observation is evidence in the period it is
 * dated in. Periods start at the first observation even when the window starts later, so the
 * belief a window opens with carries all earlier evidence, faded as it should be; callers show
 * only the window (`inWindow`).
 */
export function fitInput(store: Store, w: Window): FitInput {
  const first = [store.observations.firstDate() ?? w.from, w.from].sort()[0];
  const periods = periodsBetween(first, w.to, w.period).map((p) => ({ ...p, evidence: [] as FitInput['periods'][number]['evidence'] }));
  const index = new Map(periods.map((p, i) => [p.start, i]));
  for (const e of store.observations.evidence()) {
    if (e.observedAt <= w.to) periods[index.get(periodOf(e.observedAt, w.period).start)!].evidence.push(e);
  }
  return { scenarios: store.catalogue.listScenarios().map(({ id, prior }) => ({ id, prior })), bands: store.catalogue.bandMap(), periods };
}

/** Keeps the points of a fit that fall inside the window. */
export function inWindow<P extends { start: string }>(points: P[], w: Window): P[] {
  const start = periodOf(w.from, w.period).start;
  return points.filter((p) => p.start >= start);
}

/** Everything the warnings engine looks at, as of `today`. */
export function warningInput(store: Store, today: string): WarningInput {
  const indicators = store.catalogue.listIndicators().filter((i) => !i.retired);
  const from = store.observations.firstDate() ?? today;
  const weekly = scenarioFit(fitInput(store, { from, to: today, period: 'week' }));
  return {
    today,
    indicators: indicators.map((ind) => {
      const readings = store.observations.activeReadings(ind.id);
      const observed = readings.length
        ? indicatorSeries({ readings, period: 'month', from: readings[0].observedAt, to: readings.at(-1)!.observedAt, cadenceDays: ind.cadenceDays })
            .filter((p) => p.observationCount > 0)
            .map((p) => ({ at: p.start, reading: p.reading! }))
        : [];
      return {
        id: ind.id, title: ind.title, thresholds: ind.thresholds, cadenceDays: ind.cadenceDays,
        readings: observed, observedDates: [...new Set(readings.map((r) => r.observedAt))]
      };
    }),
    weeklyFit: weekly.map((p) => ({ start: p.start, evidence: p.evidence, probabilities: p.probabilities, leading: p.leading })),
    scenarioTitles: Object.fromEntries(store.catalogue.listScenarios().map((s) => [s.id, s.title]))
  };
}
