import type { BandRange } from './bands.js';
import { levelDistribution } from './likelihood.js';
import { DIAGNOSTIC_THRESHOLD, MIN_DISTINCTIVE_INDICATORS } from './method.js';

/** Total variation distance between two distributions over the same levels: ½ Σ |p − q|. */
export function totalVariation(p: readonly number[], q: readonly number[]): number {
  return p.reduce((sum, pi, i) => sum + Math.abs(pi - q[i]), 0) / 2;
}

export interface DiagnosticityInput {
  scenarioIds: string[];
  indicators: { id: string; bands: BandRange[] }[]; // bands in scenarioIds order
}

export interface IndicatorDiagnosticity {
  indicatorId: string;
  /** Largest TV distance between P(·|s) and P(·|t) over scenario pairs: 0 useless, 1 decisive. */
  diagnosticity: number;
  /** The pair of scenarios this indicator separates best. */
  bestPair: [string, string] | null;
  nonDiagnostic: boolean;
  /** Scenarios that alone expect some level of this indicator (a reading there points to them only). */
  distinctiveFor: string[];
}

export interface ScenarioCoverage {
  scenarioId: string;
  distinctiveIndicators: string[];
  underCovered: boolean;
}

/**
 * The Indicators Validator (METHOD §5): how well each indicator separates scenarios, and whether
 * each scenario has at least MIN_DISTINCTIVE_INDICATORS indicators with a level only its band holds.
 */
export function diagnosticity({ scenarioIds, indicators }: DiagnosticityInput) {
  const rows: IndicatorDiagnosticity[] = indicators.map(({ id, bands }) => {
    const dists = bands.map((b) => levelDistribution(b));
    let best = 0;
    let bestPair: [string, string] | null = null;
    for (let a = 0; a < dists.length; a++) {
      for (let b = a + 1; b < dists.length; b++) {
        const tv = totalVariation(dists[a], dists[b]);
        if (tv > best + 1e-12) [best, bestPair] = [tv, [scenarioIds[a], scenarioIds[b]]];
      }
    }
    const holds = ([lo, hi]: BandRange, level: number) => lo <= level && level <= hi;
    const distinctiveFor = scenarioIds.filter((_, s) =>
      [1, 2, 3, 4, 5].some((level) => holds(bands[s], level) && bands.every((b, t) => t === s || !holds(b, level)))
    );
    const diag = Math.round(best * 1e4) / 1e4;
    return { indicatorId: id, diagnosticity: diag, bestPair, nonDiagnostic: diag < DIAGNOSTIC_THRESHOLD, distinctiveFor };
  });
  const coverage: ScenarioCoverage[] = scenarioIds.map((s) => {
    const distinctiveIndicators = rows.filter((r) => r.distinctiveFor.includes(s)).map((r) => r.indicatorId);
    return { scenarioId: s, distinctiveIndicators, underCovered: distinctiveIndicators.length < MIN_DISTINCTIVE_INDICATORS };
  });
  return { indicators: rows, scenarios: coverage };
}
