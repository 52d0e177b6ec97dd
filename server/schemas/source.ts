import { z } from 'zod';
import { Reliability } from './common.js';
import { TEXT_LIMITS } from './observation.js';

export const SOURCE_KINDS = ['document', 'official', 'media', 'research', 'human', 'social-media', 'other'] as const;
export const SourceKind = z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(', ')}` });

const name = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(TEXT_LIMITS.sourceTitle, `must be at most ${TEXT_LIMITS.sourceTitle} characters`);
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(TEXT_LIMITS.url);
const rationale = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(2000, 'must be at most 2000 characters');

export const SourceGrade = z.object({
  id: z.number().int(),
  reliability: Reliability,
  rationale: z.string(),
  gradedAt: z.string(),
  gradedBy: z.string()
});

export const SourceSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: SourceKind,
  url: z.string().nullable(),
  /** The latest grade; null for a source never graded. */
  reliability: Reliability.nullable(),
  observationCount: z.number().int()
});

export const SourceDetail = SourceSummary.extend({ grades: z.array(SourceGrade) });

export const SourceCreate = z.object({
  name,
  kind: SourceKind.default('other'),
  url: url.optional(),
  reliability: Reliability.optional(),
  rationale: rationale.optional()
});

export const SourceUpdate = z
  .object({ name: name.optional(), kind: SourceKind.optional(), url: url.nullable().optional() })
  .refine((u) => Object.keys(u).length > 0, { message: 'nothing to change: give name, kind or url' });

export const SourceGradeInput = z.object({ reliability: Reliability, rationale });

export const SourceIdParams = z.object({ id: z.coerce.number({ error: 'must be a source id' }).int().positive() });

export const SourceList = z.array(SourceSummary);

export type SourceKind = z.infer<typeof SourceKind>;
export type SourceSummary = z.infer<typeof SourceSummary>;
export type SourceDetail = z.infer<typeof SourceDetail>;
export type SourceCreate = z.infer<typeof SourceCreate>;
export type SourceUpdate = z.infer<typeof SourceUpdate>;
export type SourceGradeInput = z.infer<typeof SourceGradeInput>;
