import { icd203Words } from './icd203.js';
import { NOVELTY_YEARS, SHIFT_DAYS, SHIFT_POINTS } from './method.js';
import { addDays, daysBetween } from './periods.js';
import { leaderOf } from './scenario-fit.js';
import { tripwire } from './tripwire.js';

export type WarningKind = 'tripwire' | 'recovery' | 'novelty' | 'staleness' | 'shift';

export interface WarningEvent {
  /** Stable identity: evaluating again finds the same fingerprint and stores nothing new. */
  fingerprint: string;
  kind: WarningKind;
  indicatorId: string | null;
  scenarioId: string | null;
  /** When the condition began (a period start or a date). */
  at: string;
  /** When it ended, for ranges (a tripwire that recovered, a gap that news closed). */
  until: string | null;
  level: number | null;
  cause: string;
}

export interface WarningIndicator {
  id: string;
  title: string;
  thresholds: { fire: number; recover: number };
  cadenceDays: number;
  /** Observed periods' readings in time order (carried periods are not new information). */
  readings: { at: string; reading: number }[];
  /** Dates of its (non-superseded) observations, in order. */
  observedDates: string[];
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
const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

export function indicatorWarnings(ind: WarningIndicator, today: string): WarningEvent[] {
  const events: WarningEvent[] = [];
  const base = { indicatorId: ind.id, scenarioId: null };
  const { crossings } = tripwire(ind.readings, ind.thresholds);
  crossings.forEach((c, i) => {
    const next = crossings[i + 1];
    events.push(
      c.kind === 'tripwire'
        ? { ...base, fingerprint: `tripwire:${ind.id}:${c.at}`, kind: 'tripwire', at: c.at, until: next?.at ?? null, level: c.reading,
            cause: `${ind.title}: reading ${fmt(c.reading)} reached the fire threshold ${ind.thresholds.fire}` }
        : { ...base, fingerprint: `recovery:${ind.id}:${c.at}`, kind: 'recovery', at: c.at, until: null, level: c.reading,
            cause: `${ind.title}: reading ${fmt(c.reading)} fell to the recovery threshold ${ind.thresholds.recover}` }
    );
  });

  ind.readings.forEach((r, i) => {
    const windowStart = addDays(r.at, -365 * NOVELTY_YEARS);
    const earlier = ind.readings.slice(0, i).filter((e) => e.at >= windowStart);
    if (earlier.length === 0) return;
    const high = earlier.reduce((m, e) => (e.reading > m.reading ? e : m));
    if (r.reading > high.reading) {
      events.push({ ...base, fingerprint: `novelty:${ind.id}:${r.at}`, kind: 'novelty', at: r.at, until: null, level: r.reading,
        cause: `${ind.title}: reading ${fmt(r.reading)} is the highest in ${NOVELTY_YEARS} years (previous high ${fmt(high.reading)} in ${high.at.slice(0, 7)})` });
    }
  });

  // Every gap longer than the cadence, the current one included, from the day the report fell due.
  const dates = [...ind.observedDates, null];
  dates.slice(0, -1).forEach((from, i) => {
    const next = dates[i + 1];
    const end = next ?? today;
    if (daysBetween(from!, end) <= ind.cadenceDays) return;
    events.push({ ...base, fingerprint: `staleness:${ind.id}:${from}`, kind: 'staleness', at: addDays(from!, ind.cadenceDays), until: next,
      level: null, cause: `${ind.title}: no observation ${next ? `between ${from} and ${next}` : `since ${from}`} (cadence ${ind.cadenceDays} days)` });
  });
  return events;
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
      events.push({ ...base, fingerprint: `shift:leader:${w.start}`, scenarioId: ids[is], at: w.start, level: p,
        cause: `Leading scenario changed from ${titles[ids[was]]} to ${titles[ids[is]]} (${pct(p)}, ${icd203Words(p)})` });
    }
    ids.forEach((id, k) => {
      const delta = w.after[k] - w.before[k];
      if (Math.abs(delta) < SHIFT_POINTS) return;
      events.push({ ...base, fingerprint: `shift:move:${id}:${w.start}`, scenarioId: id, at: w.start, level: w.after[k],
        cause: `${titles[id]} ${delta > 0 ? 'rose' : 'fell'} from ${pct(w.before[k])} to ${pct(w.after[k])} within ${SHIFT_DAYS} days` });
    });
  }
  return events;
}

/**
 * Every warning the evidence supports (README, Method: Warnings): tripwire crossings with hysteresis, novel
 * highs, staleness gaps and scenario shifts. Deterministic: the same input gives the same list,
 * and each event's fingerprint identifies it across evaluations.
 */
export function evaluateWarnings(input: WarningInput): WarningEvent[] {
  return [
    ...input.indicators.flatMap((ind) => indicatorWarnings(ind, input.today)),
    ...shiftWarnings(input.shiftWeeks, input.scenarioIds, input.scenarioTitles)
  ].sort((a, b) => a.at.localeCompare(b.at) || a.fingerprint.localeCompare(b.fingerprint));
}
