import type { Reliability } from '../schemas/index.js';
import type { Db } from './open-db.js';

export interface ImportedObservation {
  indicatorId: string;
  observedAt: string;
  level: number;
  quantity: number | null;
  rationale: string;
  sourceId: number;
  reliability: Reliability;
  credibility: number;
}

/**
 * The rows a file import reads and writes, prepared once: the import checks thousands of rows
 * against these, so each is a single indexed lookup or insert.
 */
export function createImportRepository(db: Db, { includeDemo }: { includeDemo: boolean }) {
  const q = {
    indicators: db.prepare('SELECT id, retired_at AS retiredAt FROM indicators'),
    // The oldest source of a title answers for it when two share a title (with different addresses).
    sourcesByTitle: db.prepare('SELECT title, min(id) AS id FROM sources GROUP BY title'),
    sourceIds: db.prepare('SELECT id FROM sources').pluck(),
    reading: db
      .prepare(
        `SELECT 1 FROM observations WHERE indicator_id = ? AND observed_at = ? AND level = ? AND source_id = ?
      ${includeDemo ? '' : 'AND demo = 0'} LIMIT 1`
      )
      .pluck(),
    insertSource: db.prepare("INSERT INTO sources (title, url, kind, created_at) VALUES (?, '', 'other', ?)"),
    grade: db.prepare(
      'INSERT INTO source_grades (source_id, reliability, rationale, graded_at, graded_by) VALUES (?, ?, ?, ?, ?)'
    ),
    insert: db.prepare(`INSERT INTO observations (indicator_id, observed_at, level, quantity, rationale, source_id,
        reliability, credibility, supersedes, recorded_at, demo, recorded_by)
      VALUES (@indicatorId, @observedAt, @level, @quantity, @rationale, @sourceId, @reliability, @credibility,
        NULL, @recordedAt, 0, @recordedBy)`)
  };
  return {
    /** Every indicator id with its retirement date (null while in the catalogue). */
    indicatorStates: () =>
      new Map((q.indicators.all() as { id: string; retiredAt: string | null }[]).map((r) => [r.id, r.retiredAt])),
    sourceIdsByTitle: () =>
      new Map((q.sourcesByTitle.all() as { title: string; id: number }[]).map((r) => [r.title, r.id])),
    sourceIds: () => new Set(q.sourceIds.all() as number[]),
    hasReading: (indicatorId: string, observedAt: string, level: number, sourceId: number) =>
      q.reading.get(indicatorId, observedAt, level, sourceId) !== undefined,
    /** A source first named by an import, graded with the reliability its first row gives. */
    createSource(title: string, reliability: Reliability, at: string, actor: string): number {
      const id = Number(q.insertSource.run(title, at).lastInsertRowid);
      q.grade.run(id, reliability, 'grade given with its first imported observation', at, actor);
      return id;
    },
    insertObservation: (o: ImportedObservation, recordedAt: string, recordedBy: number | null): number =>
      Number(q.insert.run({ ...o, recordedAt, recordedBy }).lastInsertRowid)
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
