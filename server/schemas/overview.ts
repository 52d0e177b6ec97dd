import { z } from 'zod';
import { Confidence } from './assessment.js';
import { ScenarioSummary } from './catalogue.js';

export const Freshness = z.enum(['fresh', 'due', 'stale', 'none']);

export const OverviewIndicator = z.object({
  id: z.string(),
  title: z.string(),
  retired: z.boolean(),
  cadenceDays: z.number().int(),
  latest: z
    .object({ level: z.number().int(), words: z.string(), observedAt: z.string(), demo: z.boolean() })
    .nullable(),
  /** Days between the latest observation and today; null without observations. */
  ageDays: z.number().int().nullable(),
  freshness: Freshness,
  /** Monthly readings up to the latest observation (null where nothing was known yet). */
  spark: z.array(z.object({ start: z.string(), reading: z.number().nullable(), carried: z.boolean() }))
});

export const OverviewFamily = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  indicators: z.array(OverviewIndicator)
});

/** Where the scenarios stand today: the one assessment, with confidence and open warnings. */
export const ScenarioPicture = z.object({
  at: z.string(),
  leading: z.string(),
  confidence: Confidence,
  scenarios: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      probability: z.number(),
      words: z.string(),
      /** Probability now minus 7 and 30 days ago. */
      change7: z.number(),
      change30: z.number()
    })
  ),
  /** Open (unacknowledged, unresolved) warnings by kind. */
  openWarnings: z.object({
    tripwire: z.number(),
    recovery: z.number(),
    novelty: z.number(),
    staleness: z.number(),
    shift: z.number()
  })
});

export const Overview = z.object({
  topic: z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    /** What level 1 and level 5 mean in this topic. */
    scale: z.object({ low: z.string(), high: z.string() })
  }),
  today: z.string(),
  demo: z.object({ shown: z.boolean(), observationCount: z.number().int() }),
  families: z.array(OverviewFamily),
  scenarios: z.array(ScenarioSummary),
  scenarioPicture: ScenarioPicture
});

export type Freshness = z.infer<typeof Freshness>;
export type OverviewIndicator = z.infer<typeof OverviewIndicator>;
export type OverviewFamily = z.infer<typeof OverviewFamily>;
export type Overview = z.infer<typeof Overview>;
export type ScenarioPicture = z.infer<typeof ScenarioPicture>;
