// The shape every warning detector shares: plain data in, the warnings it supports out.

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

/** An observed month's weighted mean level (README, Method: Series): what tripwires and novelty look at. */
export interface MonthReading {
  /** The month's first day. */
  at: string;
  reading: number;
}

/** The earliest date any detection can speak for: a full evaluation starts here. */
export const BEGINNING = '0000-01-01';

/**
 * What a detector is given: one indicator and the date its detection speaks from. A detector
 * returns every warning of its kinds dated (`at`) on or after `from` that the indicator's whole
 * history supports; each input says which evidence it needs for that, so a write can evaluate
 * only the window it can change and a full evaluation passes `from` = BEGINNING and everything.
 */
export interface DetectorInput {
  indicator: { id: string; title: string };
  from: string;
}

export interface Detector<Input extends DetectorInput> {
  /** The kinds of warning it raises (and so the open ones a detection can withdraw). */
  kinds: readonly WarningKind[];
  detect(input: Input): WarningEvent[];
}

/** A level or mean for a cause's text: at most two decimals. */
export const formatLevel = (x: number) => (Math.round(x * 100) / 100).toString();
