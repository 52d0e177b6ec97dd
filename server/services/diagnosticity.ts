import { diagnosticity } from '../analysis/diagnosticity.js';
import { DIAGNOSTIC_THRESHOLD, MIN_DISTINCTIVE_INDICATORS, MIN_SEPARATING_INDICATORS } from '../analysis/method.js';
import type { Store } from '../db/store.js';
import type { Diagnosticity } from '../schemas/index.js';

/** How well the catalogue's bands tell the scenarios apart: per pair, per scenario, per indicator. */
export function diagnosticityAnswer(store: Store): Diagnosticity {
  const matrix = store.catalogue.bandMatrix();
  const ids = matrix.scenarios.map((s) => s.id);
  const result = diagnosticity({
    scenarioIds: ids,
    indicators: matrix.rows.map((r) => ({ id: r.indicatorId, bands: r.bands }))
  });
  return {
    threshold: DIAGNOSTIC_THRESHOLD,
    minDistinctive: MIN_DISTINCTIVE_INDICATORS,
    minSeparating: MIN_SEPARATING_INDICATORS,
    pairs: result.pairs,
    scenarios: matrix.scenarios.map((s, k) => ({ ...s, ...result.scenarios[k] })),
    indicators: matrix.rows.map((r, k) => ({
      ...result.indicators[k],
      indicatorTitle: r.indicatorTitle,
      family: r.family,
      bands: r.bands
    }))
  };
}
