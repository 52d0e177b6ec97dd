import type { Overview } from '$shared/index.js';

type Scale = Overview['topic']['scale'];
const FALLBACK: Scale = { low: 'lowest', high: 'highest' };

/** "1 against resurgence – 5 toward resurgence": the topic's own words for its level scale. */
export const scaleRange = (scale: Scale | undefined | null) => {
  const s = scale ?? FALLBACK;
  return `1 ${s.low} – 5 ${s.high}`;
};

/** "from 1 (strongly against resurgence) through 3 (baseline) to 5 (strongly toward resurgence)". */
export const scaleSentence = (scale: Scale | undefined | null) => {
  const s = scale ?? FALLBACK;
  return `from 1 (strongly ${s.low}) through 3 (baseline) to 5 (strongly ${s.high})`;
};
