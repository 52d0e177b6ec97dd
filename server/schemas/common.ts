import { z } from 'zod';

/** A calendar date, YYYY-MM-DD, that exists (2023-02-30 does not). */
export const IsoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const Level = z
  .number({ error: 'must be a whole number from 1 to 5' })
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be at least 1')
  .max(5, 'must be at most 5');

export const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F'], {
  error: 'must be one of A, B, C, D, E, F'
});
export const Credibility = z
  .number({ error: 'must be a whole number from 1 to 6' })
  .int('must be a whole number from 1 to 6')
  .min(1, 'must be at least 1')
  .max(6, 'must be at most 6');

export const Slug = z.string().min(1).max(80);

export const Provenance = z.object({
  document: z.string(),
  documentTitle: z.string().nullable(),
  section: z.string(),
  note: z.string()
});

/** Every error the API answers with. `issues` name the field (path) and the problem. */
export const ErrorBody = z.object({
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional()
});

export const IdParams = z.object({ id: Slug });

export type IsoDate = z.infer<typeof IsoDate>;
export type Reliability = z.infer<typeof Reliability>;
export type Provenance = z.infer<typeof Provenance>;
export type ErrorBody = z.infer<typeof ErrorBody>;
