import type { Observation } from '../schemas/index.js';
import type { Db } from './open-db.js';
import {
  COLUMNS as OBSERVATION_COLUMNS,
  FROM as OBSERVATION_FROM,
  toObservation,
  type ObservationRow
} from './observation-rows.js';

export interface ObservationFilter {
  indicatorId?: string;
  familyId?: string;
  from?: string;
  to?: string;
  includeSuperseded: boolean;
}

/** The reads behind the export routes: observations filtered in SQL, in a stable order. */
export function createExportRepository(db: Db, { includeDemo }: { includeDemo: boolean }) {
  const visible = includeDemo ? '1 = 1' : 'o.demo = 0';
  // A correction hidden with the demonstration data does not hide what it corrected.
  const supersededVisible = includeDemo ? 'c.id IS NOT NULL' : 'c.id IS NOT NULL AND c.demo = 0';
  const observations = db.prepare(`SELECT ${OBSERVATION_COLUMNS} FROM ${OBSERVATION_FROM}
    JOIN indicators i ON i.id = o.indicator_id
    WHERE ${visible} AND (@indicatorId IS NULL OR o.indicator_id = @indicatorId) AND (@familyId IS NULL OR i.family_id = @familyId)
      AND (@from IS NULL OR o.observed_at >= @from) AND (@to IS NULL OR o.observed_at <= @to)
      AND (@includeSuperseded = 1 OR NOT (${supersededVisible}))
    ORDER BY o.indicator_id, o.observed_at, o.id`);
  const documents = db.prepare('SELECT file, title, publisher, published, character FROM documents ORDER BY file');
  return {
    /** The topic's source documents as catalogued. */
    documents: () =>
      documents.all() as {
        file: string;
        title: string;
        publisher: string | null;
        published: string | null;
        character: string | null;
      }[],
    observations: (f: ObservationFilter): Observation[] =>
      (
        observations.all({
          indicatorId: f.indicatorId ?? null,
          familyId: f.familyId ?? null,
          from: f.from ?? null,
          to: f.to ?? null,
          includeSuperseded: f.includeSuperseded ? 1 : 0
        }) as ObservationRow[]
      ).map(toObservation)
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
