import type { SeriesPoint } from './series.js';

/**
 * A family's composite per period (README, Method: Series): the confidence-weighted mean of its indicators'
 * readings, confidence the sum of theirs. Carried when no indicator was observed in the period.
 * All series must cover the same periods.
 */
export function familyComposite(series: readonly SeriesPoint[][]): SeriesPoint[] {
  if (series.length === 0) return [];
  return series[0].map((first, k) => {
    const points = series.map((s) => s[k]).filter((p) => p.reading !== null && p.confidence > 0);
    const confidence = points.reduce((a, p) => a + p.confidence, 0);
    const reading = confidence > 0 ? points.reduce((a, p) => a + p.confidence * p.reading!, 0) / confidence : null;
    return {
      start: first.start,
      end: first.end,
      reading: reading === null ? null : Math.round(reading * 1e4) / 1e4,
      confidence: Math.round(confidence * 1e4) / 1e4,
      carried: reading !== null && points.every((p) => p.carried),
      observationCount: series.reduce((a, s) => a + s[k].observationCount, 0),
      quantity: null
    };
  });
}
