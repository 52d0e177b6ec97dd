import type { BandRange } from './bands.js';
import { LEVELS, SIGMA, SLACK } from './method.js';

/** How far a level lies outside a band, in levels (0 inside). */
export function bandDistance(x: number, [lo, hi]: BandRange): number {
  return Math.max(0, lo - x, x - hi);
}

/**
 * P(l | s) over levels 1–5 for a scenario expecting `band` (README, Method: Likelihood, amended):
 * the scenario puts 1 − ε evenly on its band and ε on the levels outside it, shared in
 * proportion to exp(−d²/2σ²) of their distance d. A band covering all five levels takes it all.
 * Why amended: with the starting method's plain normalised exp(−d²/2σ²), a narrow band just beside a reading
 * can out-score the wide band that contains it; here an in-band level always scores
 * (1 − ε)/4 ≥ ε ≥ any out-of-band level (for ε ≤ 0.2), while narrow bands still earn more.
 */
export function levelDistribution([lo, hi]: BandRange, { slack = SLACK, sigma = SIGMA } = {}): readonly number[] {
  // At most 15 bands exist; the fit asks for them millions of times over a long history.
  const key = `${lo}:${hi}:${slack}:${sigma}`;
  let cached = distributions.get(key);
  if (!cached) distributions.set(key, (cached = Object.freeze(computeDistribution(lo, hi, slack, sigma))));
  return cached;
}

const distributions = new Map<string, readonly number[]>();

function computeDistribution(lo: number, hi: number, slack: number, sigma: number): number[] {
  const width = hi - lo + 1;
  if (width === LEVELS.length) return LEVELS.map(() => 1 / width);
  const falloff = LEVELS.map((l) => {
    const d = bandDistance(l, [lo, hi]);
    return d === 0 ? 0 : Math.exp(-(d * d) / (2 * sigma * sigma));
  });
  const outside = falloff.reduce((a, b) => a + b, 0);
  return LEVELS.map((l, i) => (falloff[i] === 0 ? (1 - slack) / width : (slack * falloff[i]) / outside));
}

/** P(level | s) for one observed level 1–5. */
export function likelihood(level: number, band: BandRange, options?: { slack?: number; sigma?: number }): number {
  return levelDistribution(band, options)[level - 1];
}
