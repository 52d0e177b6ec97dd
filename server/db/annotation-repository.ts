import type { Annotation, AnnotationInput } from '../schemas/index.js';
import type { Db } from './open-db.js';

interface Row {
  id: number;
  startsOn: string;
  endsOn: string | null;
  text: string;
  scope: Annotation['scope'];
  familyId: string | null;
  indicatorId: string | null;
  source: string;
  sourceUrl: string | null;
  supersedes: number | null;
  supersededBy: number | null;
  createdAt: string;
  demo: number;
  createdByUsername: string | null;
  createdByName: string | null;
  retiredAt: string | null;
  retiredReason: string | null;
  retiredByUsername: string | null;
  retiredByName: string | null;
}

const SELECT = `SELECT a.id, a.starts_on AS startsOn, a.ends_on AS endsOn, a.text, a.scope, a.family_id AS familyId,
    a.indicator_id AS indicatorId, a.source, a.source_url AS sourceUrl, a.supersedes, c.id AS supersededBy,
    a.created_at AS createdAt, a.demo, u.username AS createdByUsername, u.display_name AS createdByName,
    r.retired_at AS retiredAt, r.reason AS retiredReason, ru.username AS retiredByUsername, ru.display_name AS retiredByName
  FROM annotations a LEFT JOIN annotations c ON c.supersedes = a.id LEFT JOIN users u ON u.id = a.created_by
    LEFT JOIN annotation_retirements r ON r.annotation_id = a.id LEFT JOIN users ru ON ru.id = r.retired_by`;

const person = (username: string | null, displayName: string | null) =>
  username ? { username, displayName: displayName! } : null;

function toAnnotation(r: Row): Annotation {
  return {
    id: r.id,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    text: r.text,
    scope: r.scope,
    familyId: r.familyId,
    indicatorId: r.indicatorId,
    source: r.source,
    sourceUrl: r.sourceUrl,
    supersedes: r.supersedes,
    supersededBy: r.supersededBy,
    createdAt: r.createdAt,
    createdBy: person(r.createdByUsername, r.createdByName),
    demo: r.demo === 1,
    retired: r.retiredAt
      ? { at: r.retiredAt, by: person(r.retiredByUsername, r.retiredByName), reason: r.retiredReason! }
      : null
  };
}

export interface AnnotationFilter {
  /** Scopes to include: every "all", and the families and indicators named. */
  families?: string[];
  indicators?: string[];
  onlyScope?: Annotation['scope'];
  includeInactive: boolean;
}

/** Annotations rows: inserted, superseded by a correction or retired, never changed in place. */
export function createAnnotationRepository(db: Db, { includeDemo }: { includeDemo: boolean }) {
  const visible = includeDemo ? '1 = 1' : 'a.demo = 0';
  const q = {
    all: db.prepare(`${SELECT} WHERE ${visible} ORDER BY a.starts_on, a.id`),
    byId: db.prepare(`${SELECT} WHERE a.id = ?`),
    insert:
      db.prepare(`INSERT INTO annotations (starts_on, ends_on, text, scope, family_id, indicator_id, source, source_url,
        supersedes, created_at, created_by, demo)
      VALUES (@startsOn, @endsOn, @text, @scope, @familyId, @indicatorId, @source, @sourceUrl, @supersedes, @createdAt, @createdBy, @demo)`),
    retire: db.prepare(
      'INSERT INTO annotation_retirements (annotation_id, retired_at, retired_by, reason) VALUES (?, ?, ?, ?)'
    ),
    createdBetween:
      db.prepare(`${SELECT} WHERE ${visible} AND (@from IS NULL OR a.created_at > @from) AND a.created_at <= @to
      ORDER BY a.starts_on, a.id`)
  };
  return {
    get: (id: number): Annotation | null => {
      const row = q.byId.get(id) as Row | undefined;
      return row ? toAnnotation(row) : null;
    },
    /** Sorted by date. The scope test runs here, over a table of notes that stays small. */
    list(f: AnnotationFilter): Annotation[] {
      const families = new Set(f.families ?? []);
      const indicators = new Set(f.indicators ?? []);
      const scoped = f.families !== undefined || f.indicators !== undefined;
      return (q.all.all() as Row[])
        .map(toAnnotation)
        .filter(
          (a) =>
            (f.includeInactive || (a.supersededBy === null && a.retired === null)) &&
            (!f.onlyScope || a.scope === f.onlyScope) &&
            (!scoped || a.scope === 'all' || families.has(a.familyId!) || indicators.has(a.indicatorId!))
        );
    },
    insert(
      input: AnnotationInput,
      o: { at: string; userId: number | null; supersedes?: number; demo?: boolean }
    ): number {
      return Number(
        q.insert.run({
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
          text: input.text,
          scope: input.scope,
          familyId: input.scope === 'family' ? input.familyId! : null,
          indicatorId: input.scope === 'indicator' ? input.indicatorId! : null,
          source: input.source,
          sourceUrl: input.sourceUrl ?? null,
          supersedes: o.supersedes ?? null,
          createdAt: o.at,
          createdBy: o.userId,
          demo: o.demo ? 1 : 0
        }).lastInsertRowid
      );
    },
    retire: (id: number, reason: string, at: string, userId: number | null) =>
      void q.retire.run(id, at, userId, reason),
    /** Added (new or corrections) in (from, to], by when they were written: the digest's "new annotations". */
    createdBetween: (from: string | null, to: string): Annotation[] =>
      (q.createdBetween.all({ from, to }) as Row[]).map(toAnnotation),
    count: () => db.prepare('SELECT count(*) FROM annotations').pluck().get() as number
  };
}

export type AnnotationRepository = ReturnType<typeof createAnnotationRepository>;
