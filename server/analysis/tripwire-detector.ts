import { formatLevel, type Detector, type DetectorInput, type MonthReading, type WarningEvent } from './detector.js';
import { tripwire } from './tripwire.js';

export interface Thresholds {
  fire: number;
  recover: number;
}

/**
 * `readings`: the observed months after the last one, before the window, whose reading was at or
 * below `recover` (all of them when there is none), in time order. After such a month the
 * tripwire is calm whatever came before (recover < fire), so the crossings from there on are the
 * whole history's; `from` is the day after that calm month (BEGINNING without one).
 */
export interface TripwireInput extends DetectorInput {
  thresholds: Thresholds;
  readings: MonthReading[];
}

/** A month after which the tripwire is calm, whatever came before (see TripwireInput). */
export const isCalm = (reading: number, thresholds: Thresholds) => reading <= thresholds.recover;

/**
 * Tripwire and recovery crossings with hysteresis (README, Method: Warnings; tripwire.ts): a firing lasts
 * (`until`) to the recovery that ends it.
 */
export const tripwireDetector: Detector<TripwireInput> = {
  kinds: ['tripwire', 'recovery'],
  detect({ indicator, from, thresholds, readings }) {
    const { crossings } = tripwire(readings, thresholds);
    const base = { indicatorId: indicator.id, scenarioId: null };
    return crossings
      .map((c, i): WarningEvent =>
        c.kind === 'tripwire'
          ? {
              ...base,
              fingerprint: `tripwire:${indicator.id}:${c.at}`,
              kind: 'tripwire',
              at: c.at,
              until: crossings[i + 1]?.at ?? null,
              level: c.reading,
              cause: `${indicator.title}: reading ${formatLevel(c.reading)} reached the fire threshold ${thresholds.fire}`
            }
          : {
              ...base,
              fingerprint: `recovery:${indicator.id}:${c.at}`,
              kind: 'recovery',
              at: c.at,
              until: null,
              level: c.reading,
              cause: `${indicator.title}: reading ${formatLevel(c.reading)} fell to the recovery threshold ${thresholds.recover}`
            }
      )
      .filter((e) => e.at >= from);
  }
};
