// Words of estimative probability from Intelligence Community Directive 203.

const SCALE = [
  { below: 0.05, words: 'almost no chance' },
  { below: 0.2, words: 'very unlikely' },
  { below: 0.45, words: 'unlikely' },
  { below: 0.55, words: 'roughly even chance' },
  { below: 0.8, words: 'likely' },
  { below: 0.95, words: 'very likely' },
  { below: Infinity, words: 'almost certain' }
] as const;

export type Icd203Words = (typeof SCALE)[number]['words'];

/** The ICD 203 expression for a probability p in [0, 1] (bands 1–5 %, 5–20 %, … 95–99 %). */
export function icd203Words(p: number): Icd203Words {
  return SCALE.find((s) => p < s.below)!.words;
}
