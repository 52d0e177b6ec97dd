import { BEGINNING, type WarningEvent } from './detector.js';
import { icd203Words } from './icd203.js';
import { SHIFT_DAYS, SHIFT_POINTS } from './method.js';
import { noveltyDetector, type NoveltyInput } from './novelty-detector.js';
import { leaderOf } from './scenario-fit.js';
import { stalenessDetector, type StalenessInput } from './staleness-detector.js';
import { tripwireDetector, type Thresholds, type TripwireInput } from './tripwire-detector.js';

export type { WarningEvent, WarningKind } from './detector.js';

/** One indicator's whole history, for a full evaluation. */
export interface WarningIndicator {
  id: string;
  title: string;
  thresholds: Thresholds;
  cadenceDays: number;
  /** Observed periods' readings in time order (carried periods are not new information). */
  readings: { at: string; reading: number }[];
  /** Dates of its (non-superseded) observations, in order. */
  observedDates: string[];
}

/** The three detectors' inputs for one indicator: its whole history, or only the window a write can change. */
export interface IndicatorDetection {
  tripwire: TripwireInput;
  novelty: NoveltyInput;
  staleness: StalenessInput;
}

/** One ISO week that brought evidence, with the assessment at its last day (or today) and 7 days before. */
export interface ShiftWeek {
  start: string;
  before: number[];
  after: number[];
}

export interface WarningInput {
  today: string;
  indicators: WarningIndicator[];
  /** Weeks with evidence, for shifts (a week without evidence only decays, which is no news). */
  shiftWeeks: ShiftWeek[];
  scenarioIds: string[];
  scenarioTitles: Record<string, string>;
}

const pct = (p: number) => `${Math.round(p * 100)} %`;

/** A full evaluation's detector inputs: every reading and observed day, from BEGINNING. */
export function wholeHistory(ind: WarningIndicator, today: string): IndicatorDetection {
  const indicator = { id: ind.id, title: ind.title };
  return {
    tripwire: { indicator, from: BEGINNING, thresholds: ind.thresholds, readings: ind.readings },
    novelty: { indicator, from: BEGINNING, readings: ind.readings },
    staleness: { indicator, from: BEGINNING, cadenceDays: ind.cadenceDays, observedDates: ind.observedDates, today }
  };
}

/** Tripwires, novel highs and staleness gaps (README, Method: Warnings) from each detector's input. */
export function indicatorWarnings(d: IndicatorDetection): WarningEvent[] {
  return [
    ...tripwireDetector.detect(d.tripwire),
    ...noveltyDetector.detect(d.novelty),
    ...stalenessDetector.detect(d.staleness)
  ];
}

/** A leader change, or a move of SHIFT_POINTS or more, between the two dates of each week. */
export function shiftWarnings(weeks: ShiftWeek[], ids: string[], titles: Record<string, string>): WarningEvent[] {
  const events: WarningEvent[] = [];
  const base = { indicatorId: null, until: null, kind: 'shift' as const };
  for (const w of weeks) {
    const was = leaderOf(w.before);
    const is = leaderOf(w.after);
    if (is !== was) {
      const p = w.after[is];
      events.push({
        ...base,
        fingerprint: `shift:leader:${w.start}`,
        scenarioId: ids[is],
        at: w.start,
        level: p,
        cause: `Leading scenario changed from ${titles[ids[was]]} to ${titles[ids[is]]} (${pct(p)}, ${icd203Words(p)})`
      });
    }
    ids.forEach((id, k) => {
      const delta = w.after[k] - w.before[k];
      if (Math.abs(delta) < SHIFT_POINTS) return;
      events.push({
        ...base,
        fingerprint: `shift:move:${id}:${w.start}`,
        scenarioId: id,
        at: w.start,
        level: w.after[k],
        cause: `${titles[id]} ${delta > 0 ? 'rose' : 'fell'} from ${pct(w.before[k])} to ${pct(w.after[k])} within ${SHIFT_DAYS} days`
      });
    });
  }
  return events;
}

/** Events in a stable order: by date, then fingerprint. */
export const byDate = (a: WarningEvent, b: WarningEvent) =>
  a.at.localeCompare(b.at) || a.fingerprint.localeCompare(b.fingerprint);

/**
 * Every warning the evidence supports (README, Method: Warnings): tripwire crossings with hysteresis, novel
 * highs, staleness gaps and scenario shifts. Deterministic: the same input gives the same list,
 * and each event's fingerprint identifies it across evaluations.
 */
export function evaluateWarnings(input: WarningInput): WarningEvent[] {
  return [
    ...input.indicators.flatMap((ind) => indicatorWarnings(wholeHistory(ind, input.today))),
    ...shiftWarnings(input.shiftWeeks, input.scenarioIds, input.scenarioTitles)
  ].sort(byDate);
}
