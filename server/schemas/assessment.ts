import { z } from 'zod';
import { IsoDate } from './common.js';
import { ScenarioSummary } from './catalogue.js';
import { Period, SeriesPoint } from './series.js';

export const FitQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    period: Period.default('month'),
    /** The date ACH, what moved, sensitivity and confidence are read at (default: the range's end, at most today). */
    at: IsoDate.optional()
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after "to"', path: ['from'] });

export const ScenarioReading = z.object({
  scenarioId: z.string(),
  probability: z.number(),
  /** ICD 203 words for the probability. */
  words: z.string(),
  /** ACH at the point's date: Σ vote weight × distance outside the band (lower fits better). */
  inconsistency: z.number()
});

export const FitPoint = z.object({
  start: z.string(),
  end: z.string(),
  /** The date the value is read at: the period's last day, or today for the current period. */
  at: z.string(),
  leading: z.string(),
  /** Readings dated in the period that vote (0: the assessment only decays toward the priors). */
  evidence: z.number(),
  scenarios: z.array(ScenarioReading)
});

export const ConfidenceLevel = z.enum(['high', 'moderate', 'low']);
export const Confidence = z.object({
  level: ConfidenceLevel,
  /** Coverage, source independence and margin, each with its figure and rating. */
  reasons: z.array(z.string())
});

/** The assessment at one date, as every view shows it. */
export const AssessmentAt = z.object({
  at: z.string(),
  leading: z.string(),
  scenarios: z.array(z.object({ scenarioId: z.string(), probability: z.number(), words: z.string() })),
  confidence: Confidence
});

export const AchRow = z.object({
  indicatorId: z.string(),
  indicatorTitle: z.string(),
  /** Mean level of the indicator's current readings, by decayed weight. */
  level: z.number(),
  /** The indicator's vote weight (at most 1). */
  weight: z.number(),
  /** Vote weight × distance outside each scenario's band, in `scenarios` order. */
  inconsistency: z.array(z.number())
});

export const Driver = z.object({
  observationId: z.number().int(),
  indicatorId: z.string(),
  indicatorTitle: z.string(),
  observedAt: z.string(),
  level: z.number().int(),
  weight: z.number(),
  favours: z.string(),
  disfavours: z.string()
});

export const Movement = z.object({
  /** The seven days up to the latest day with evidence, compared with the assessment 7 days before. */
  week: z.object({ start: z.string(), end: z.string() }),
  /** False when nothing has arrived in the seven days up to the date asked about. */
  isLatestWeek: z.boolean(),
  changes: z.array(z.object({ scenarioId: z.string(), before: z.number(), after: z.number() })),
  drivers: z.array(Driver)
});

export const WhatIf = z.object({
  indicatorId: z.string(),
  indicatorTitle: z.string(),
  shift: z.number().int(),
  leading: z.string(),
  leaderProbability: z.number(),
  changesLeader: z.boolean()
});

export const ScenarioFit = z.object({
  period: Period,
  from: z.string(),
  to: z.string(),
  scenarios: z.array(ScenarioSummary),
  points: z.array(FitPoint),
  assessment: AssessmentAt,
  ach: z.object({ at: z.string(), rows: z.array(AchRow), totals: z.array(z.number()) }),
  movement: Movement.nullable(),
  sensitivity: z.object({
    at: z.string(),
    leading: z.string(),
    leaderProbability: z.number(),
    whatIfs: z.array(WhatIf)
  })
});

export const DiagnosticityRow = z.object({
  indicatorId: z.string(),
  indicatorTitle: z.string(),
  family: z.object({ id: z.string(), title: z.string() }),
  bands: z.array(z.tuple([z.number(), z.number()])),
  diagnosticity: z.number(),
  bestPair: z.tuple([z.string(), z.string()]).nullable(),
  nonDiagnostic: z.boolean(),
  distinctiveFor: z.array(z.string()),
  /** Scenario pairs whose bands on this indicator do not overlap. */
  separates: z.array(z.tuple([z.string(), z.string()])),
  separatesNoPair: z.boolean()
});

/** A scenario pair and the indicators that separate it (disjoint bands); flagged below minSeparating. */
export const PairSeparation = z.object({
  a: z.string(),
  b: z.string(),
  separating: z.array(z.string()),
  flagged: z.boolean()
});

export const Diagnosticity = z.object({
  threshold: z.number(),
  minDistinctive: z.number().int(),
  minSeparating: z.number().int(),
  pairs: z.array(PairSeparation),
  scenarios: z.array(ScenarioSummary.extend({ distinctiveIndicators: z.array(z.string()), underCovered: z.boolean() })),
  indicators: z.array(DiagnosticityRow)
});

export const FamilySeries = z.object({
  familyId: z.string(),
  title: z.string(),
  period: Period,
  from: z.string(),
  to: z.string(),
  /** Confidence-weighted mean of the indicators' readings; carried when no indicator was observed. */
  composite: z.array(SeriesPoint),
  indicators: z.array(z.object({ id: z.string(), title: z.string(), points: z.array(SeriesPoint) }))
});

export type ScenarioFit = z.infer<typeof ScenarioFit>;
export type FitPoint = z.infer<typeof FitPoint>;
export type Diagnosticity = z.infer<typeof Diagnosticity>;
export type FamilySeries = z.infer<typeof FamilySeries>;
export type Movement = z.infer<typeof Movement>;
export type AssessmentAt = z.infer<typeof AssessmentAt>;
export type Confidence = z.infer<typeof Confidence>;
