// The method's tunable numbers, in one place (README, Method, which says why each is what it is).

/** Spread of the likelihood's fall-off outside a band, in levels. */
export const SIGMA = 0.75;
/** Probability a scenario leaves for levels outside its band (≤ 0.2 keeps in-band evidence favourable). */
export const SLACK = 0.2;
/**
 * κ: the tempering of every indicator's vote (a tempered likelihood): readings drawn from the
 * same few documents and events are not independent, and counting each as a full independent
 * report made the fit "almost certain" on thin evidence.
 */
export const EVIDENCE_DISCOUNT = 0.5;
/** An indicator "covers" the assessment when its vote weighs at least this much (README, Method: The assessment). */
export const COVERAGE_WEIGHT = 0.25;
/**
 * Analytic confidence (ICD 203), each factor rated on its own and the weakest one decides:
 * coverage is the share of voting indicators with a vote of weight ≥ COVERAGE_WEIGHT; sources
 * the distinct sources behind those votes; margin the leader's lead over the runner-up.
 */
export const CONFIDENCE = {
  coverage: { high: 0.5, moderate: 0.25 },
  sources: { high: 4, moderate: 2 },
  margin: { high: 0.2, moderate: 0.1 }
} as const;
/** Below this total-variation distance an indicator cannot tell any two scenarios apart. */
export const DIAGNOSTIC_THRESHOLD = 0.3;
/** A scenario needs at least this many indicators that single it out. */
export const MIN_DISTINCTIVE_INDICATORS = 3;
/**
 * Every pair of scenarios needs at least this many indicators whose bands do not overlap (README, Method: Diagnosticity).
 * With fewer, one or two stale or mis-graded readings decide between the two futures; five gives the
 * watch room to lose a couple of indicators to silence or doubt and still tell them apart.
 */
export const MIN_SEPARATING_INDICATORS = 5;
/** A move of this many probability points within a week is a shift warning. */
export const SHIFT_POINTS = 0.15;
/** A shift compares the assessment at two dates this many days apart. */
export const SHIFT_DAYS = 7;
/** Novelty looks back this many years for a higher reading. */
export const NOVELTY_YEARS = 3;

export const LEVELS = [1, 2, 3, 4, 5] as const;
