import { z } from 'zod';
import { Annotation } from './annotation.js';
import { AssessmentAt, FitPoint } from './assessment.js';
import { Warning } from './warnings.js';
import { IsoDate } from './common.js';
import { Observation } from './observation.js';
import { Period, SeriesPoint } from './series.js';

export const BriefingQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after "to"', path: ['from'] });

/** One indicator the briefing charts, with the notes on its chart and the observations behind its move. */
export const BriefingIndicator = z.object({
  id: z.string(),
  title: z.string(),
  family: z.object({ id: z.string(), title: z.string() }),
  /** The reading in force at the range's start and end (null before the first reading), and their difference. */
  first: z.number().nullable(),
  last: z.number().nullable(),
  change: z.number(),
  diagnosticity: z.number(),
  /** Observations dated in the range. */
  observationCount: z.number().int(),
  points: z.array(SeriesPoint),
  annotations: z.array(Annotation),
  /** The range's observations, newest first, at most eight; `moreObservations` counts the rest. */
  observations: z.array(Observation),
  moreObservations: z.number().int()
});

/** A printable briefing for a date range, in one answer. */
export const Briefing = z.object({
  from: z.string(),
  to: z.string(),
  period: Period,
  generatedAt: z.string(),
  topic: z.object({ id: z.string(), title: z.string() }),
  scenarios: z.array(z.object({ id: z.string(), title: z.string() })),
  /** The assessment (probabilities, leader, analytic confidence) at the range's first and last day. */
  start: AssessmentAt,
  end: AssessmentAt,
  /** The probabilities per period, as the scenario chart draws them. */
  points: z.array(FitPoint),
  /** Notes on every chart (scope "all") that touch the range. */
  annotations: z.array(Annotation),
  indicators: z.array(BriefingIndicator),
  /** Open warnings, most severe first, at most 40; `moreWarnings` counts the rest. */
  warnings: z.array(Warning),
  moreWarnings: z.number().int()
});

export type BriefingQuery = z.infer<typeof BriefingQuery>;
export type BriefingIndicator = z.infer<typeof BriefingIndicator>;
export type Briefing = z.infer<typeof Briefing>;
