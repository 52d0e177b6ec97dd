import { z } from 'zod';
import { IsoDate } from './common.js';

export const Period = z.enum(['week', 'month', 'quarter'], {
  error: 'must be one of week, month, quarter'
});

export const SeriesQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional(), period: Period.default('month') })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'must not be after "to"',
    path: ['from']
  });

export const SeriesPoint = z.object({
  /** First and last day of the period, inclusive. */
  start: z.string(),
  end: z.string(),
  /** Weighted mean level, 1–5; null before the first observation. */
  reading: z.number().nullable(),
  /** Total weight of the observations behind the reading; decays while carried forward. */
  confidence: z.number(),
  /** True when no observation fell in this period and the last reading was carried forward. */
  carried: z.boolean(),
  observationCount: z.number().int(),
  /** Mean quantity of the period's observations that carry one. */
  quantity: z.number().nullable()
});

export const Series = z.object({
  indicatorId: z.string(),
  period: Period,
  from: z.string(),
  to: z.string(),
  points: z.array(SeriesPoint)
});

export type Period = z.infer<typeof Period>;
export type SeriesPoint = z.infer<typeof SeriesPoint>;
export type Series = z.infer<typeof Series>;
