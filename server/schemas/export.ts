import { z } from 'zod';
import { IndicatorDetail, Family, Scenario } from './catalogue.js';
import { IsoDate, Slug } from './common.js';
import { FitPoint } from './assessment.js';
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
  .refine((q) => !(q.indicatorId && q.familyId), {
    message: 'give indicatorId or familyId, not both',
    path: ['familyId']
  });

/** Scenario probabilities may also go out day by day; the charts stop at weeks. */
export const ScenarioExportPeriod = z.enum(['day', 'week', 'month', 'quarter'], {
  error: 'must be one of day, week, month, quarter'
});

export const ScenarioExportQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional(), period: ScenarioExportPeriod.default('month') })
  .refine((q) => !q.from || !q.to || q.from <= q.to, fromNotAfterTo);

/** The one assessment per period, read at each period's last day (today for the current one). */
export const ScenarioExport = z.object({
  period: ScenarioExportPeriod,
  from: z.string(),
  to: z.string(),
  scenarios: z.array(z.object({ id: z.string(), title: z.string(), prior: z.number() })),
  points: z.array(FitPoint)
});

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
export type ScenarioExportQuery = z.infer<typeof ScenarioExportQuery>;
export type ScenarioExport = z.infer<typeof ScenarioExport>;
