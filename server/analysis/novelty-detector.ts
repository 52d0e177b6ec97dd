import { formatLevel, type Detector, type DetectorInput, type MonthReading, type WarningEvent } from './detector.js';
import { NOVELTY_YEARS } from './method.js';
import { addDays } from './periods.js';

/** How far back a month's reading is compared: NOVELTY_YEARS of 365 days. */
export const NOVELTY_LOOKBACK_DAYS = 365 * NOVELTY_YEARS;

/**
 * `readings`: the observed months from `from` minus NOVELTY_LOOKBACK_DAYS on, in time order
 * (every month a reading on or after `from` is compared with).
 */
export interface NoveltyInput extends DetectorInput {
  readings: MonthReading[];
}

/**
 * A month whose reading is higher than every reading in the NOVELTY_YEARS before it (and
 * there was one): high = max{r_j : at_i − 3·365 d ≤ at_j < at_i}, novel when r_i > high. One
 * pass with a monotonic queue of candidate highs (the earliest wins a tie, as the cause names it).
 */
export const noveltyDetector: Detector<NoveltyInput> = {
  kinds: ['novelty'],
  detect({ indicator, from, readings }) {
    const events: WarningEvent[] = [];
    const highs: MonthReading[] = []; // readings in the window, decreasing; highs[0] is the window's max
    for (const r of readings) {
      const windowStart = addDays(r.at, -NOVELTY_LOOKBACK_DAYS);
      while (highs.length && highs[0].at < windowStart) highs.shift();
      const high = highs[0];
      if (high && r.reading > high.reading && r.at >= from) {
        events.push({
          indicatorId: indicator.id,
          scenarioId: null,
          fingerprint: `novelty:${indicator.id}:${r.at}`,
          kind: 'novelty',
          at: r.at,
          until: null,
          level: r.reading,
          cause: `${indicator.title}: reading ${formatLevel(r.reading)} is the highest in ${NOVELTY_YEARS} years (previous high ${formatLevel(high.reading)} in ${high.at.slice(0, 7)})`
        });
      }
      while (highs.length && highs[highs.length - 1].reading < r.reading) highs.pop();
      highs.push(r);
    }
    return events;
  }
};
