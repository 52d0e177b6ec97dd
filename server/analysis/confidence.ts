// Analytic confidence, separate from probability as ICD 203 asks (README, Method: The assessment).
import { CONFIDENCE } from './method.js';

export type ConfidenceLevel = 'high' | 'moderate' | 'low';

export interface Confidence {
  level: ConfidenceLevel;
  /** One sentence per factor, naming its figure and its rating. */
  reasons: string[];
}

const RANK: ConfidenceLevel[] = ['low', 'moderate', 'high'];
const rate = (x: number, t: { high: number; moderate: number }): ConfidenceLevel =>
  x >= t.high ? 'high' : x >= t.moderate ? 'moderate' : 'low';
const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * High, moderate or low from coverage (share of voting indicators with a vote of weight ≥
 * COVERAGE_WEIGHT), independence (distinct sources behind those votes) and the leader's margin
 * over the runner-up. The weakest factor decides: a wide margin on two indicators from one
 * source is not a confident judgement.
 */
export function analyticConfidence(
  s: { probabilities: readonly number[]; covered: number; sources: number },
  indicatorCount: number
): Confidence {
  const sorted = [...s.probabilities].sort((a, b) => b - a);
  const margin = sorted.length > 1 ? sorted[0] - sorted[1] : 1;
  const coverage = indicatorCount > 0 ? s.covered / indicatorCount : 0;
  const ratings = [
    rate(coverage, CONFIDENCE.coverage),
    rate(s.sources, CONFIDENCE.sources),
    rate(margin, CONFIDENCE.margin)
  ];
  const level = RANK[Math.min(...ratings.map((r) => RANK.indexOf(r)))];
  return {
    level,
    reasons: [
      `coverage ${ratings[0]}: ${s.covered} of ${indicatorCount} indicators (${pct(coverage)}) carry a vote of weight 0.25 or more`,
      `independence ${ratings[1]}: ${s.sources} distinct source${s.sources === 1 ? '' : 's'} behind those votes`,
      `margin ${ratings[2]}: the leader is ${Math.round(margin * 100)} points ahead of the runner-up`
    ]
  };
}
