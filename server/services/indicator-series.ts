// One indicator's (or one family's) series over a window, reading only the observations that window needs.
import { familyComposite } from '../analysis/composite.js';
import { periodOf, type PeriodKind } from '../analysis/periods.js';
import { indicatorSeries, type SeriesPoint } from '../analysis/series.js';
import type { Store } from '../db/store.js';
import type { IndicatorSummary } from '../schemas/index.js';
import type { Window } from './assessment.js';

/**
 * indicatorSeries over `window`, from the active readings dated in the window's periods plus
 * the last observed period before it (which seeds the carry): two index range reads, so the
 * cost follows the window, not the indicator's history. Equal to the series over every reading.
 */
export function windowedSeries(
  store: Store,
  indicator: Pick<IndicatorSummary, 'id' | 'cadenceDays'>,
  window: Window
): SeriesPoint[] {
  const firstStart = periodOf(window.from, window.period).start;
  const seedDay = store.observations.lastObservedBefore(indicator.id, firstStart);
  const readFrom = seedDay ? periodOf(seedDay, window.period).start : firstStart;
  const readings = store.observations.activeReadings(indicator.id, readFrom, periodOf(window.to, window.period).end);
  return indicatorSeries({ readings, ...window, cadenceDays: indicator.cadenceDays });
}

/** A family's live indicators over `window`, each windowed as above, and their composite. */
export function familySeries<P extends PeriodKind>(
  store: Store,
  family: { id: string; title: string },
  window: Window<P>
) {
  const indicators = store.catalogue.listIndicators().filter((i) => i.family.id === family.id && !i.retired);
  const series = indicators.map((i) => ({ id: i.id, title: i.title, points: windowedSeries(store, i, window) }));
  return {
    familyId: family.id,
    title: family.title,
    ...window,
    composite: familyComposite(series.map((s) => s.points)),
    indicators: series
  };
}
