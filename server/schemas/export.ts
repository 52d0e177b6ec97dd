import { z } from 'zod';
import { IndicatorDetail, Family, Scenario } from './catalogue.js';
import { IsoDate, Slug } from './common.js';
import { Period, SeriesPoint } from './series.js';

const fromNotAfterTo = { message: 'must not be after "to"', path: ['from'], when: () => true };
const Flag = z.enum(['true', 'false'], { error: 'must be true or false' });

export const ObservationExportQuery = z
  .object({
    indicatorId: Slug.optional(),
    familyId: Slug.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** Corrected (superseded) observations are left out unless this is true. */
    includeSuperseded: Flag.optional()
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, fromNotAfterTo);

export const SeriesExportQuery = z
  .object({
    indicatorId: Slug.optional(),
    familyId: Slug.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    period: Period.default('month')
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, fromNotAfterTo)
  .refine((q) => !(q.indicatorId && q.familyId), { message: 'give indicatorId or familyId, not both', path: ['familyId'] });

/** One exported series: an indicator's readings, or a family's composite. */
export const ExportedSeries = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['indicator', 'composite']),
  familyId: z.string(),
  points: z.array(SeriesPoint)
});

export const SeriesExport = z.object({
  period: Period,
  from: z.string(),
  to: z.string(),
  series: z.array(ExportedSeries)
});

export const CatalogueDocument = z.object({
  file: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  character: z.string().nullable()
});

/** The whole topic as loaded: what another tool needs to read the exported observations. */
export const CatalogueExport = z.object({
  exportedAt: z.string(),
  topic: z.object({ id: z.string(), title: z.string(), description: z.string() }),
  documents: z.array(CatalogueDocument),
  families: z.array(Family.extend({ indicators: z.array(IndicatorDetail) })),
  scenarios: z.array(Scenario)
});

export type ObservationExportQuery = z.infer<typeof ObservationExportQuery>;
export type SeriesExportQuery = z.infer<typeof SeriesExportQuery>;
export type ExportedSeries = z.infer<typeof ExportedSeries>;
export type SeriesExport = z.infer<typeof SeriesExport>;
export type CatalogueExport = z.infer<typeof CatalogueExport>;
