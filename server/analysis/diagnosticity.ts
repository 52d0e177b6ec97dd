import type { BandRange } from './bands.js';
import { levelDistribution } from './likelihood.js';
import { DIAGNOSTIC_THRESHOLD, MIN_DISTINCTIVE_INDICATORS, MIN_SEPARATING_INDICATORS } from './method.js';

/** Total variation distance between two distributions over the same levels: ½ Σ |p − q|. */
export function totalVariation(p: readonly number[], q: readonly number[]): number {
  return p.reduce((sum, pi, i) => sum + Math.abs(pi - q[i]), 0) / 2;
}

/** Two bands separate their scenarios when no level lies in both (README, Method: Diagnosticity). */
export function bandsDisjoint([aLo, aHi]: BandRange, [bLo, bHi]: BandRange): boolean {
  return aHi < bLo || bHi < aLo;
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
  /** Scenario pairs whose bands on this indicator do not overlap. */
  separates: [string, string][];
  /** True when it separates no pair at all: a reading anywhere is compatible with every pair. */
  separatesNoPair: boolean;
}

export interface ScenarioCoverage {
  scenarioId: string;
  distinctiveIndicators: string[];
  underCovered: boolean;
}

export interface PairSeparation {
  a: string;
  b: string;
  /** Indicators whose bands for a and b are disjoint, in catalogue order. */
  separating: string[];
  /** Fewer than MIN_SEPARATING_INDICATORS: the watch can hardly tell these two futures apart. */
  flagged: boolean;
}

/** Every unordered scenario pair (a before b in catalogue order) with the indicators that separate it. */
export function pairSeparation({ scenarioIds, indicators }: DiagnosticityInput): PairSeparation[] {
  const pairs: PairSeparation[] = [];
  for (let a = 0; a < scenarioIds.length; a++) {
    for (let b = a + 1; b < scenarioIds.length; b++) {
      const separating = indicators.filter((ind) => bandsDisjoint(ind.bands[a], ind.bands[b])).map((ind) => ind.id);
      pairs.push({
        a: scenarioIds[a],
        b: scenarioIds[b],
        separating,
        flagged: separating.length < MIN_SEPARATING_INDICATORS
      });
    }
  }
  return pairs;
}

function scoreIndicator(
  scenarioIds: string[],
  id: string,
  bands: BandRange[],
  pairs: PairSeparation[]
): IndicatorDiagnosticity {
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
  const separates = pairs.filter((p) => p.separating.includes(id)).map((p): [string, string] => [p.a, p.b]);
  const diag = Math.round(best * 1e4) / 1e4;
  return {
    indicatorId: id,
    diagnosticity: diag,
    bestPair,
    nonDiagnostic: diag < DIAGNOSTIC_THRESHOLD,
    distinctiveFor,
    separates,
    separatesNoPair: separates.length === 0
  };
}

/**
 * The Indicators Validator (README, Method: Diagnosticity): how well each indicator separates scenarios, which indicators
 * separate each pair of scenarios (a pair with fewer than MIN_SEPARATING_INDICATORS is flagged), and
 * whether each scenario has at least MIN_DISTINCTIVE_INDICATORS indicators with a level only its band holds.
 */
export function diagnosticity(input: DiagnosticityInput) {
  const { scenarioIds, indicators } = input;
  const pairs = pairSeparation(input);
  const rows = indicators.map(({ id, bands }) => scoreIndicator(scenarioIds, id, bands, pairs));
  const coverage: ScenarioCoverage[] = scenarioIds.map((s) => {
    const distinctiveIndicators = rows.filter((r) => r.distinctiveFor.includes(s)).map((r) => r.indicatorId);
    return {
      scenarioId: s,
      distinctiveIndicators,
      underCovered: distinctiveIndicators.length < MIN_DISTINCTIVE_INDICATORS
    };
  });
  return { indicators: rows, scenarios: coverage, pairs };
}
