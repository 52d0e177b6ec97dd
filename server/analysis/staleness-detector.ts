import type { Detector, DetectorInput, WarningEvent } from './detector.js';
import { addDays, daysBetween } from './periods.js';

/**
 * `observedDates`: the indicator's observed days (active readings), in order, from the last one
 * before the window on; `from` is that day plus the cadence (the earliest gap it can change
 * falls due then), or BEGINNING. `today` ends the current gap.
 */
export interface StalenessInput extends DetectorInput {
  cadenceDays: number;
  observedDates: string[];
  today: string;
}

/** The `at` of a gap that opens on `day`: a window starting at the last observed day before a write changes no earlier gap. */
export const stalenessFrom = (day: string, cadenceDays: number) => addDays(day, cadenceDays);

/**
 * Every gap between observed days longer than the cadence, the current one (to today)
 * included, dated from the day the report fell due: at = observed + cadence.
 */
export const stalenessDetector: Detector<StalenessInput> = {
  kinds: ['staleness'],
  detect({ indicator, from, cadenceDays, observedDates, today }) {
    const events: WarningEvent[] = [];
    observedDates.forEach((day, i) => {
      const next = observedDates[i + 1] ?? null;
      if (daysBetween(day, next ?? today) <= cadenceDays) return;
      const at = stalenessFrom(day, cadenceDays);
      if (at < from) return;
      events.push({
        indicatorId: indicator.id,
        scenarioId: null,
        fingerprint: `staleness:${indicator.id}:${day}`,
        kind: 'staleness',
        at,
        until: next,
        level: null,
        cause: `${indicator.title}: no observation ${next ? `between ${day} and ${next}` : `since ${day}`} (cadence ${cadenceDays} days)`
      });
    });
    return events;
  }
};
