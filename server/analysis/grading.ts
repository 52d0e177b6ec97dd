// Admiralty (NATO) source grading (README, Method: Grading). F and 6 mean "no basis to judge", hence the middle weight.

export const RELIABILITY_WEIGHT = { A: 1, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 } as const;
export const CREDIBILITY_WEIGHT = { 1: 1, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5 } as const;

export const RELIABILITY_WORDS = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged'
} as const;

export const CREDIBILITY_WORDS = {
  1: 'confirmed by independent sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged'
} as const;

export type ReliabilityGrade = keyof typeof RELIABILITY_WEIGHT;
export type CredibilityGrade = keyof typeof CREDIBILITY_WEIGHT;

/** Weight of one observation = reliability weight × credibility weight, in (0, 1]. */
export function observationWeight(reliability: ReliabilityGrade, credibility: number): number {
  const c = CREDIBILITY_WEIGHT[credibility as CredibilityGrade];
  if (c === undefined) throw new RangeError(`credibility must be 1–6, got ${credibility}`);
  // Rounded so 0.8 × 0.8 reads 0.64, not 0.6400000000000001.
  return Math.round(RELIABILITY_WEIGHT[reliability] * c * 1e4) / 1e4;
}
