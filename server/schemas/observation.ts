import { z } from 'zod';
import { Credibility, IsoDate, Level, Reliability, Slug } from './common.js';

export const TEXT_LIMITS = { rationale: 4000, sourceTitle: 300, url: 2000 } as const;

export const SourceInput = z.object(
  {
    title: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(TEXT_LIMITS.sourceTitle, `must be at most ${TEXT_LIMITS.sourceTitle} characters`),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
      .max(TEXT_LIMITS.url, `must be at most ${TEXT_LIMITS.url} characters`)
      .optional()
  },
  { error: 'is required: { title, url? }' }
);

/** The fields of a reading, shared by the form (`ObservationInput`) and the file import. */
export const ObservationFields = {
  indicatorId: Slug,
  observedAt: IsoDate,
  level: Level,
  quantity: z.number({ error: 'must be a number' }).finite().optional(),
  rationale: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(TEXT_LIMITS.rationale, `must be at most ${TEXT_LIMITS.rationale} characters`),
  source: SourceInput.optional(),
  sourceId: z.number({ error: 'must be a source id' }).int().positive().optional(),
  reliability: Reliability,
  credibility: Credibility,
  supersedes: z.number({ error: 'must be an observation id' }).int().positive().optional()
};

/**
 * What a watch officer submits: a new source `{ title, url? }` or a known `sourceId`.
 * A correction names the observation it supersedes.
 */
export const ObservationInput = z
  .object(ObservationFields)
  .refine((o) => o.source !== undefined || o.sourceId !== undefined, {
    path: ['source'],
    message: 'is required: a new source { title, url? } or a sourceId',
    // Reported together with the other fields' problems, not only once they are fixed; but only
    // for an object (a `null` or `[]` body is already refused as such, and has no `.source`).
    when: (payload) => payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value)
  });

export const Source = z.object({ id: z.number().int(), title: z.string(), url: z.string().nullable() });

export const Observation = z.object({
  id: z.number().int(),
  indicatorId: z.string(),
  observedAt: z.string(),
  level: z.number().int(),
  quantity: z.number().nullable(),
  rationale: z.string(),
  source: Source,
  reliability: Reliability,
  credibility: z.number().int(),
  /** reliability weight × credibility weight (README, Method: Grading), in [0, 1]. */
  weight: z.number(),
  supersedes: z.number().int().nullable(),
  supersededBy: z.number().int().nullable(),
  recordedAt: z.string(),
  /** Who recorded it (a correction: who corrected); null for demonstration data. */
  recordedBy: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }).nullable(),
  demo: z.boolean()
});

export const ObservationList = z.array(Observation);

export type ObservationInput = z.infer<typeof ObservationInput>;
export type Observation = z.infer<typeof Observation>;
