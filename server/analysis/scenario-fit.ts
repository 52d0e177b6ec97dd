import type { BandRange } from './bands.js';
import { bandDistance, levelDistribution } from './likelihood.js';
import { EVIDENCE_DISCOUNT, LAMBDA } from './method.js';

export interface FitScenario {
  id: string;
  prior: number;
}

/** One observation as evidence: its level and its grade weight. Superseded ones are left out. */
export interface Evidence {
  indicatorId: string;
  level: number;
  weight: number;
  observationId?: number;
}

export interface FitPeriod {
  start: string;
  end: string;
  /** Observations dated in this period: each is evidence once, in its own period. */
  evidence: Evidence[];
}

export interface FitInput {
  scenarios: FitScenario[];
  /** bands[indicatorId][scenarioId] */
  bands: Record<string, Record<string, BandRange>>;
  periods: FitPeriod[];
  lambda?: number;
  /** Tempering of each observation's likelihood (method.ts). */
  discount?: number;
}

export interface Contribution extends Evidence {
  /** discount × weight × log P(level | s) per scenario. */
  logLikelihood: Record<string, number>;
}

export interface FitPoint {
  start: string;
  end: string;
  probabilities: Record<string, number>;
  /** ACH: Σ weight × distance outside the band, per scenario (lower fits better). */
  inconsistency: Record<string, number>;
  leading: string;
  /** Total weight of the period's evidence. */
  evidence: number;
  contributions: Contribution[];
}

/** Normalises log-weights to probabilities without overflow (log-sum-exp). */
function normalise(logs: number[]): number[] {
  const max = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * One period's update: log p_t(s) = λ·log p_{t−1}(s) + (1−λ)·log prior(s) + κ·Σ w·log P(l|s),
 * then normalised (κ: EVIDENCE_DISCOUNT). Evidence on indicators no scenario speaks to (retired) is skipped.
 */
export function updateBelief(
  previous: readonly number[],
  input: Pick<FitInput, 'scenarios' | 'bands' | 'lambda' | 'discount'>,
  evidence: readonly Evidence[]
): { probabilities: number[]; contributions: Contribution[]; inconsistency: number[] } {
  const { scenarios, bands, lambda = LAMBDA, discount = EVIDENCE_DISCOUNT } = input;
  const logs = scenarios.map((s, k) => lambda * Math.log(previous[k]) + (1 - lambda) * Math.log(s.prior));
  const inconsistency = scenarios.map(() => 0);
  const contributions: Contribution[] = [];
  for (const e of evidence) {
    const indicatorBands = bands[e.indicatorId];
    if (!indicatorBands) continue;
    const logLikelihood: Record<string, number> = {};
    scenarios.forEach((s, k) => {
      const band = indicatorBands[s.id];
      const ll = discount * e.weight * Math.log(levelDistribution(band)[e.level - 1]);
      logLikelihood[s.id] = ll;
      logs[k] += ll;
      inconsistency[k] += e.weight * bandDistance(e.level, band);
    });
    contributions.push({ ...e, logLikelihood });
  }
  return { probabilities: normalise(logs), contributions, inconsistency };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Scenario probabilities over time by a forgetting Bayesian update (METHOD §4), starting from
 * the priors: old evidence fades at rate λ towards the priors, so the picture can turn.
 */
export function scenarioFit(input: FitInput): FitPoint[] {
  const priorSum = input.scenarios.reduce((a, s) => a + s.prior, 0);
  let belief = input.scenarios.map((s) => s.prior / priorSum);
  return input.periods.map((period) => {
    const step = updateBelief(belief, input, period.evidence);
    belief = step.probabilities;
    const probabilities: Record<string, number> = {};
    const inconsistency: Record<string, number> = {};
    input.scenarios.forEach((s, k) => {
      probabilities[s.id] = round(belief[k]);
      inconsistency[s.id] = round(step.inconsistency[k]);
    });
    const leading = input.scenarios[belief.indexOf(Math.max(...belief))].id;
    const evidence = round(period.evidence.reduce((a, e) => a + e.weight, 0));
    return { start: period.start, end: period.end, probabilities, inconsistency, leading, evidence, contributions: step.contributions };
  });
}
