import { z } from 'zod';
import { IsoDate, Slug } from './common.js';
import { unsafeTextProblem } from './safe-text.js';

export const ANNOTATION_LIMITS = { text: 1000, source: 300, url: 2000, reason: 1000 } as const;

/** Text that is required, trimmed, bounded and free of control or text-direction characters. */
const SafeText = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const problem = unsafeTextProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const AnnotationScope = z.enum(['all', 'family', 'indicator'], {
  error: 'must be one of all, family, indicator'
});

/** A note on the charts: a date (or a date range), what happened, where it shows, and its source. */
// The cross-field rules are reported beside the fields' own problems, but only for an object: a
// `null` or `[]` body is refused as such and has no fields to compare.
const onObject = (payload: { value: unknown }) =>
  payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value);

export const AnnotationInput = z
  .object({
    startsOn: IsoDate,
    /** The last day of a range; absent for a single date. */
    endsOn: IsoDate.optional(),
    text: SafeText(ANNOTATION_LIMITS.text),
    scope: AnnotationScope,
    familyId: Slug.optional(),
    indicatorId: Slug.optional(),
    source: SafeText(ANNOTATION_LIMITS.source),
    sourceUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
      .max(ANNOTATION_LIMITS.url)
      .optional()
  })
  .refine((a) => !a.endsOn || a.endsOn >= a.startsOn, {
    path: ['endsOn'],
    message: 'must not be before startsOn',
    when: onObject
  })
  .refine((a) => a.scope !== 'family' || a.familyId, {
    path: ['familyId'],
    message: 'is required for a family annotation',
    when: onObject
  })
  .refine((a) => a.scope !== 'indicator' || a.indicatorId, {
    path: ['indicatorId'],
    message: 'is required for an indicator annotation',
    when: onObject
  })
  .refine((a) => a.scope === 'family' || !a.familyId, {
    path: ['familyId'],
    message: 'belongs only to a family annotation',
    when: onObject
  })
  .refine((a) => a.scope === 'indicator' || !a.indicatorId, {
    path: ['indicatorId'],
    message: 'belongs only to an indicator annotation',
    when: onObject
  });

export const AnnotationRetire = z.object({ reason: SafeText(ANNOTATION_LIMITS.reason) });

export const AnnotationQuery = z.object({
  /** Annotations drawn on this indicator's chart: every "all", its family's, its own. */
  indicatorId: Slug.optional(),
  /** Annotations drawn on this family's chart: every "all", the family's, its indicators'. */
  familyId: Slug.optional(),
  /** Only annotations of this scope (the scenario chart asks for "all"). */
  scope: AnnotationScope.optional(),
  /** Corrected and retired annotations too (for the record); otherwise only current ones. */
  includeInactive: z.enum(['true', 'false'], { error: 'must be true or false' }).optional()
});

const Person = z.object({ username: z.string(), displayName: z.string() }).nullable();

export const Annotation = z.object({
  id: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  text: z.string(),
  scope: AnnotationScope,
  familyId: z.string().nullable(),
  indicatorId: z.string().nullable(),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  supersedes: z.number().int().nullable(),
  supersededBy: z.number().int().nullable(),
  retired: z.object({ at: z.string(), by: Person, reason: z.string() }).nullable(),
  createdAt: z.string(),
  createdBy: Person,
  demo: z.boolean()
});

export const AnnotationList = z.array(Annotation);

export type AnnotationInput = z.infer<typeof AnnotationInput>;
export type AnnotationQuery = z.infer<typeof AnnotationQuery>;
export type Annotation = z.infer<typeof Annotation>;
