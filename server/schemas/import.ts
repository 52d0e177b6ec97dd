import { z } from 'zod';
import { ObservationFields, SourceInput } from './observation.js';

/** The columns of an import file, in the order a template lists them. */
export const IMPORT_COLUMNS = [
  'indicatorId',
  'observedAt',
  'level',
  'quantity',
  'rationale',
  'source',
  'reliability',
  'credibility'
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * One row of an import file, held to the same rules as `POST /api/observations`. `source` names
 * the source: a known id (a whole number) or a title; an unknown title creates the source.
 */
export const ImportRow = z.object({
  indicatorId: ObservationFields.indicatorId,
  observedAt: ObservationFields.observedAt,
  level: ObservationFields.level,
  quantity: ObservationFields.quantity,
  rationale: ObservationFields.rationale,
  source: z.union([z.number().int().positive(), SourceInput.shape.title], {
    error: 'is required: a source title or id'
  }),
  reliability: ObservationFields.reliability,
  credibility: ObservationFields.credibility
});

export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false'], { error: 'must be true or false' }).optional()
});

/** A row the import refused: `line` is the file's line (the header is line 1; JSON: the element's position). */
export const ImportRejection = z.object({ line: z.number().int(), field: z.string(), message: z.string() });

export const ImportReport = z.object({
  dryRun: z.boolean(),
  /** Data rows read (the header not counted). */
  rows: z.number().int(),
  /** Rows that are valid and new: written unless this is a dry run. */
  accepted: z.number().int(),
  /** Rows identical to a stored reading (indicator, date, level, source) or to an earlier row: skipped. */
  duplicates: z.number().int(),
  rejected: z.array(ImportRejection),
  /** Source titles the file names that do not exist yet: created with the import. */
  newSources: z.array(z.string()),
  /** Observations written (0 in a dry run or when any row is rejected). */
  imported: z.number().int()
});

/** A refused import: the error body every route answers with, plus the full report. */
export const ImportRefused = ImportReport.extend({
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() }))
});

export type ImportRow = z.infer<typeof ImportRow>;
export type ImportRejection = z.infer<typeof ImportRejection>;
export type ImportReport = z.infer<typeof ImportReport>;
export type ImportRefused = z.infer<typeof ImportRefused>;
