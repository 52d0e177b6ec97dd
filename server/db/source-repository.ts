import { InputError } from '../errors.js';
import type {
  Reliability,
  SourceCreate,
  SourceDetail,
  SourceGradeInput,
  SourceSummary,
  SourceUpdate
} from '../schemas/index.js';
import type { Actor } from '../actor.js';
import type { AuditRepository } from './audit-repository.js';
import type { Db } from './open-db.js';

type SummaryRow = Omit<SourceSummary, 'url'> & { url: string };

const SUMMARY = `SELECT s.id, s.title AS name, s.kind, s.url,
    (SELECT g.reliability FROM source_grades g WHERE g.source_id = s.id ORDER BY g.graded_at DESC, g.id DESC LIMIT 1) AS reliability,
    (SELECT count(*) FROM observations o WHERE o.source_id = s.id) AS observationCount
  FROM sources s`;

/**
 * Sources of reporting. Reliability belongs to the source and has a history: a new grade is a
 * new row, the latest is current (README, Method: Grading).
 */
export function createSourceRepository(db: Db, audit: AuditRepository) {
  const q = {
    list: db.prepare(`${SUMMARY} ORDER BY s.title COLLATE NOCASE`),
    byId: db.prepare(`${SUMMARY} WHERE s.id = ?`),
    grades: db.prepare(`SELECT id, reliability, rationale, graded_at AS gradedAt, graded_by AS gradedBy
      FROM source_grades WHERE source_id = ? ORDER BY graded_at DESC, id DESC`),
    find: db.prepare('SELECT id FROM sources WHERE title = ? AND url = ?').pluck(),
    exists: db.prepare('SELECT 1 FROM sources WHERE id = ?').pluck(),
    insert: db.prepare('INSERT INTO sources (title, url, kind, created_at) VALUES (?, ?, ?, ?)'),
    update: db.prepare('UPDATE sources SET title = @name, kind = @kind, url = @url WHERE id = @id'),
    grade: db.prepare(
      'INSERT INTO source_grades (source_id, reliability, rationale, graded_at, graded_by) VALUES (?, ?, ?, ?, ?)'
    ),
    remove: db.prepare('DELETE FROM sources WHERE id = ?'),
    removeGrades: db.prepare('DELETE FROM source_grades WHERE source_id = ?')
  };
  const toSummary = (r: SummaryRow): SourceSummary => ({ ...r, url: r.url || null });

  const get = (id: number): SourceDetail | null => {
    const row = q.byId.get(id) as SummaryRow | undefined;
    return row ? { ...toSummary(row), grades: q.grades.all(id) as SourceDetail['grades'] } : null;
  };
  const mustGet = (id: number, path = 'id'): SourceDetail => {
    const s = get(id);
    if (!s) throw new InputError(404, path, `no source #${id}`);
    return s;
  };
  const conflictOnDuplicate = (name: string, url: string, except?: number) => {
    const other = q.find.get(name, url) as number | undefined;
    if (other !== undefined && other !== except)
      throw new InputError(409, 'name', `source #${other} already has this name and address`);
  };
  const addGrade = (id: number, g: SourceGradeInput, { now, actor }: Actor) =>
    q.grade.run(id, g.reliability, g.rationale, now.toISOString(), actor);

  return {
    list: () => (q.list.all() as SummaryRow[]).map(toSummary),
    get,
    mustGet,
    create: (input: SourceCreate, who: Actor): SourceDetail =>
      db.transaction(() => {
        conflictOnDuplicate(input.name, input.url ?? '');
        const id = Number(q.insert.run(input.name, input.url ?? '', input.kind, who.now.toISOString()).lastInsertRowid);
        if (input.reliability)
          addGrade(id, { reliability: input.reliability, rationale: input.rationale ?? 'initial grade' }, who);
        const created = mustGet(id);
        audit.append(
          { actor: who.actor, action: 'source.create', entity: 'source', entityId: id, after: created },
          who.now
        );
        return created;
      })(),
    update: (id: number, change: SourceUpdate, who: Actor): SourceDetail =>
      db.transaction(() => {
        const before = mustGet(id);
        const next = {
          name: change.name ?? before.name,
          kind: change.kind ?? before.kind,
          url: change.url === undefined ? (before.url ?? '') : (change.url ?? '')
        };
        conflictOnDuplicate(next.name, next.url, id);
        q.update.run({ id, ...next });
        const after = mustGet(id);
        audit.append(
          { actor: who.actor, action: 'source.update', entity: 'source', entityId: id, before, after },
          who.now
        );
        return after;
      })(),
    grade: (id: number, g: SourceGradeInput, who: Actor): SourceDetail =>
      db.transaction(() => {
        const before = mustGet(id);
        addGrade(id, g, who);
        const after = mustGet(id);
        audit.append(
          {
            actor: who.actor,
            action: 'source.grade',
            entity: 'source',
            entityId: id,
            before: { reliability: before.reliability },
            after: after.grades[0]
          },
          who.now
        );
        return after;
      })(),
    /** Only a source nothing cites can go: observations must keep their source. */
    remove: (id: number, who: Actor) =>
      db.transaction(() => {
        const before = mustGet(id);
        if (before.observationCount > 0)
          throw new InputError(
            409,
            'id',
            `source #${id} is cited by ${before.observationCount} observation(s) and cannot be deleted`
          );
        q.removeGrades.run(id);
        q.remove.run(id);
        audit.append({ actor: who.actor, action: 'source.delete', entity: 'source', entityId: id, before }, who.now);
      })(),
    /** The source an observation names: a known id, or found or created by title and address. */
    resolveForObservation(
      ref: { sourceId?: number; source?: { title: string; url?: string } },
      reliability: Reliability,
      who: Actor
    ): number {
      // Existence only: the summary behind mustGet counts the source's observations, which grow.
      if (ref.sourceId !== undefined) {
        if (q.exists.get(ref.sourceId) === undefined)
          throw new InputError(404, 'sourceId', `no source #${ref.sourceId}`);
        return ref.sourceId;
      }
      const { title, url = '' } = ref.source!;
      const known = q.find.get(title, url) as number | undefined;
      if (known !== undefined) return known;
      const id = Number(q.insert.run(title, url, 'other', who.now.toISOString()).lastInsertRowid);
      addGrade(id, { reliability, rationale: 'grade given with its first observation' }, who);
      audit.append(
        { actor: who.actor, action: 'source.create', entity: 'source', entityId: id, after: mustGet(id) },
        who.now
      );
      return id;
    }
  };
}

export type SourceRepository = ReturnType<typeof createSourceRepository>;
