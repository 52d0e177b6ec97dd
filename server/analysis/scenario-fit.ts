// The one assessment (README, Method: The assessment): a pure function of the evidence and a date. Each indicator
// votes once, from each source's latest reading, decayed in days; votes shift the priors.
import type { BandRange } from './bands.js';
import { bandDistance, levelDistribution } from './likelihood.js';
import { COVERAGE_WEIGHT } from './method.js';
import { daysBetween } from './periods.js';

/** What the assessment needs from the catalogue and the topic, in a fixed order. */
export interface FitModel {
  scenarioIds: string[];
  /** Priors in `scenarioIds` order, summing to 1. */
  priors: number[];
  /** Indicators that vote (those with a band for every scenario), sorted: the order votes are summed in. */
  indicatorIds: string[];
  /** bands[indicatorId][k]: the band scenario k expects. */
  bands: Record<string, BandRange[]>;
  halfLifeDays: number;
  /** κ: the tempering of every vote (method.ts EVIDENCE_DISCOUNT). */
  kappa: number;
  /** Evidence dated earlier does not bear on the scenarios. */
  assessFrom: string;
}

/** One active observation as the assessment sees it. */
export interface Reading {
  observationId: number;
  sourceId: number;
  observedAt: string;
  level: number;
  /** Grade weight w (reliability × credibility). */
  weight: number;
}

/**
 * An indicator's vote from the day `from` until its next change: its current readings (each
 * source's latest) summarised at anchor `from`, so the vote at any later day costs O(scenarios).
 */
export interface VoteSegment {
  indicatorId: string;
  from: string;
  /** S = Σ w·2^((t − from)/h). */
  weightSum: number;
  /** L_s = Σ w·2^((t − from)/h)·log P(l | s), per scenario. */
  logLikelihood: number[];
  /** D_s = Σ w·2^((t − from)/h)·distance(l, band_s), per scenario (ACH). */
  distance: number[];
  /** The readings behind the vote, by source then observation id. */
  readings: Reading[];
}

const byReading = (a: Reading, b: Reading) => a.sourceId - b.sourceId || a.observationId - b.observationId;

// log P(l | s) per level, once per band: a rebuild or an import summarises hundreds of thousands of readings.
const logTables = new WeakMap<BandRange, number[]>();
function logDistribution(band: BandRange): number[] {
  let logs = logTables.get(band);
  if (!logs) logTables.set(band, (logs = levelDistribution(band).map((p) => Math.log(p))));
  return logs;
}

/** Summarises an indicator's current readings at anchor `from` (see VoteSegment). */
export function segmentOf(indicatorId: string, from: string, current: Reading[], model: FitModel): VoteSegment {
  const readings = [...current].sort(byReading);
  const bands = model.bands[indicatorId];
  let weightSum = 0;
  const logLikelihood = model.scenarioIds.map(() => 0);
  const distance = model.scenarioIds.map(() => 0);
  const logs = bands.map(logDistribution);
  for (const r of readings) {
    const w = r.weight * 2 ** (daysBetween(from, r.observedAt) / model.halfLifeDays);
    weightSum += w;
    for (let k = 0; k < bands.length; k++) {
      logLikelihood[k] += w * logs[k][r.level - 1];
      distance[k] += w * bandDistance(r.level, bands[k]);
    }
  }
  return { indicatorId, from, weightSum, logLikelihood, distance, readings };
}

/**
 * An indicator's vote segments from `start` on. `before` holds each source's latest reading
 * dated before `start` (the previous segment's readings; empty for a rebuild); `readings` are
 * the active ones dated on or after `start`, in (observedAt, observationId) order, so a later
 * record of the same day and source wins. One segment per day that brings a reading.
 */
export function voteSegments(
  indicatorId: string,
  before: Reading[],
  readings: Reading[],
  model: FitModel
): VoteSegment[] {
  const latest = new Map(before.map((r) => [r.sourceId, r]));
  const segments: VoteSegment[] = [];
  readings.forEach((r, i) => {
    if (r.observedAt < model.assessFrom) return;
    latest.set(r.sourceId, r);
    const next = readings[i + 1];
    if (next && next.observedAt === r.observedAt) return;
    segments.push(segmentOf(indicatorId, r.observedAt, [...latest.values()], model));
  });
  return segments;
}

export interface Vote {
  /** Σ ŵ: the decayed weights, scaled to sum to at most 1. */
  weight: number;
  /** Σ ŵ·log P(l | s), per scenario. */
  logLikelihood: number[];
  /** Σ ŵ·distance outside the band, per scenario (ACH). */
  inconsistency: number[];
}

/** An indicator's vote at `day` (≥ seg.from): f = 2^(−(day − from)/h), scaled by 1/max(1, f·S). */
export function voteAt(seg: VoteSegment, day: string, model: FitModel): Vote {
  const f = 2 ** (-daysBetween(seg.from, day) / model.halfLifeDays);
  const scale = f / Math.max(1, f * seg.weightSum);
  return {
    weight: seg.weightSum * scale,
    logLikelihood: seg.logLikelihood.map((l) => l * scale),
    inconsistency: seg.distance.map((d) => d * scale)
  };
}

/** The assessment at one day, unrounded. */
export interface DayState {
  day: string;
  probabilities: number[];
  /** ACH: Σ over indicators of the vote's inconsistency, per scenario (lower fits better). */
  inconsistency: number[];
  /** Indicators whose vote weighs at least COVERAGE_WEIGHT. */
  covered: number;
  /** Distinct sources behind those votes. */
  sources: number;
}

/** Normalises log-weights to probabilities without overflow (log-sum-exp). */
export function normalise(logs: number[]): number[] {
  const max = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * log p_d(s) = log prior(s) + κ·Σ_i vote_i(s), normalised; `segments` holds each voting
 * indicator's segment active at `day` (or undefined), in `model.indicatorIds` order.
 */
export function stateAt(day: string, segments: readonly (VoteSegment | undefined)[], model: FitModel): DayState {
  const logs = model.priors.map((p) => Math.log(p));
  const inconsistency = model.scenarioIds.map(() => 0);
  const sources = new Set<number>();
  let covered = 0;
  for (const seg of segments) {
    if (!seg) continue;
    const vote = voteAt(seg, day, model);
    vote.logLikelihood.forEach((l, k) => (logs[k] += model.kappa * l));
    vote.inconsistency.forEach((d, k) => (inconsistency[k] += d));
    if (vote.weight >= COVERAGE_WEIGHT) {
      covered += 1;
      for (const r of seg.readings) sources.add(r.sourceId);
    }
  }
  return { day, probabilities: normalise(logs), inconsistency, covered, sources: sources.size };
}

/**
 * The probabilities stateAt gives from each slot's vote at the day (undefined: no vote), summed
 * in the same order, so equal to the last bit: for recomputing with one vote swapped.
 */
export function probabilitiesOf(votes: readonly (Vote | undefined)[], model: FitModel): number[] {
  const logs = model.priors.map((p) => Math.log(p));
  for (const vote of votes) if (vote) vote.logLikelihood.forEach((l, k) => (logs[k] += model.kappa * l));
  return normalise(logs);
}

/** The index of the most probable scenario (the first on a tie). */
export function leaderOf(probabilities: readonly number[]): number {
  return probabilities.indexOf(Math.max(...probabilities));
}
