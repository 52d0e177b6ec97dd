import { observationWeight } from '../analysis/grading.js';
import type { StoredDay } from '../analysis/assessment-days.js';
import type { Reading, VoteSegment } from '../analysis/scenario-fit.js';
import type { Reliability } from '../schemas/index.js';
import type { Db } from './open-db.js';

interface SegmentRow {
  indicatorId: string;
  fromDay: string;
  weightSum: number;
  logLikelihoodJson: string;
  distanceJson: string;
  readingsJson: string;
}
interface DayRow {
  day: string;
  probabilitiesJson: string;
  inconsistencyJson: string;
  covered: number;
  sources: number;
  evidence: number;
}
type ReadingRow = Omit<Reading, 'weight'> & { indicatorId: string; reliability: Reliability; credibility: number };

const SEGMENT = `indicator_id AS indicatorId, from_day AS fromDay, weight_sum AS weightSum,
  log_likelihood_json AS logLikelihoodJson, distance_json AS distanceJson, readings_json AS readingsJson`;
const DAY = `day, probabilities_json AS probabilitiesJson, inconsistency_json AS inconsistencyJson, covered, sources, evidence`;

const toSegment = (r: SegmentRow): VoteSegment => ({
  indicatorId: r.indicatorId,
  from: r.fromDay,
  weightSum: r.weightSum,
  logLikelihood: JSON.parse(r.logLikelihoodJson),
  distance: JSON.parse(r.distanceJson),
  readings: JSON.parse(r.readingsJson)
});
const toDay = (r: DayRow): StoredDay => ({
  day: r.day,
  probabilities: JSON.parse(r.probabilitiesJson),
  inconsistency: JSON.parse(r.inconsistencyJson),
  covered: r.covered,
  sources: r.sources,
  evidence: r.evidence
});
// Spelled out rather than rest and spread (thousands of rows per rebuild); the key order is the stored JSON's.
const toReading = (r: ReadingRow) => ({
  observationId: r.observationId,
  indicatorId: r.indicatorId,
  sourceId: r.sourceId,
  observedAt: r.observedAt,
  level: r.level,
  weight: observationWeight(r.reliability, r.credibility)
});

/**
 * The materialised assessment (migration 0006): vote segments per indicator and one row per
 * day. JSON keeps every double exactly, so what is read back is what was computed.
 */
export function createAssessmentRepository(db: Db, { includeDemo }: { includeDemo: boolean }) {
  const visible = includeDemo ? '1 = 1' : 'o.demo = 0';
  const visibleCorrection = includeDemo ? '1 = 1' : 'c.demo = 0';
  const READING = `SELECT o.id AS observationId, o.indicator_id AS indicatorId, o.source_id AS sourceId,
      o.observed_at AS observedAt, o.level, o.reliability, o.credibility FROM observations o
    WHERE ${visible} AND NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND ${visibleCorrection})`;
  const q = {
    readingsOf: db.prepare(`${READING} AND o.indicator_id = ? AND o.observed_at >= ? ORDER BY o.observed_at, o.id`),
    allReadings: db.prepare(`${READING} AND o.observed_at >= ? ORDER BY o.indicator_id, o.observed_at, o.id`),
    segmentBefore: db.prepare(`SELECT ${SEGMENT} FROM assessment_segments WHERE indicator_id = ? AND from_day < ?
      ORDER BY from_day DESC LIMIT 1`),
    segmentAt: db.prepare(`SELECT ${SEGMENT} FROM assessment_segments WHERE indicator_id = ? AND from_day <= ?
      ORDER BY from_day DESC LIMIT 1`),
    segmentsFrom: db.prepare(
      `SELECT ${SEGMENT} FROM assessment_segments WHERE from_day >= ? ORDER BY from_day, indicator_id`
    ),
    segmentsFromExcept: db.prepare(`SELECT ${SEGMENT} FROM assessment_segments WHERE from_day >= ?
      AND NOT EXISTS (SELECT 1 FROM json_each(?) j WHERE j.key = indicator_id AND from_day >= j.value)
      ORDER BY from_day, indicator_id`),
    deleteSegments: db.prepare('DELETE FROM assessment_segments WHERE indicator_id = ? AND from_day >= ?'),
    insertSegment:
      db.prepare(`INSERT INTO assessment_segments (indicator_id, from_day, weight_sum, log_likelihood_json, distance_json, readings_json)
      VALUES (@indicatorId, @from, @weightSum, @logLikelihood, @distance, @readings)`),
    // Two subqueries: SQLite reads min() or max() from the index's ends only when each stands alone.
    segmentSpan: db.prepare(`SELECT (SELECT min(from_day) FROM assessment_segments) AS first,
      (SELECT max(from_day) FROM assessment_segments) AS last`),
    deleteDaysFrom: db.prepare('DELETE FROM assessment_days WHERE day >= ?'),
    deleteDaysBefore: db.prepare('DELETE FROM assessment_days WHERE day < ?'),
    insertDay:
      db.prepare(`INSERT INTO assessment_days (day, probabilities_json, inconsistency_json, covered, sources, evidence)
      VALUES (@day, @probabilities, @inconsistency, @covered, @sources, @evidence)`),
    days: db.prepare(`SELECT ${DAY} FROM assessment_days WHERE day IN (SELECT value FROM json_each(?)) ORDER BY day`),
    evidenceDays: db.prepare(
      'SELECT day, evidence FROM assessment_days WHERE evidence > 0 AND day BETWEEN ? AND ? ORDER BY day'
    ),
    lastEvidenceDay: db.prepare('SELECT max(from_day) FROM assessment_segments WHERE from_day <= ?').pluck(),
    allSegments: db.prepare(`SELECT ${SEGMENT} FROM assessment_segments ORDER BY indicator_id, from_day`),
    allDays: db.prepare(`SELECT ${DAY} FROM assessment_days ORDER BY day`),
    maxObservationId: db.prepare('SELECT coalesce(max(id), 0) FROM observations').pluck()
  };

  return {
    /** An indicator's active readings dated on or after `from`, in (date, id) order. */
    readingsOf: (indicatorId: string, from: string): Reading[] =>
      (q.readingsOf.all(indicatorId, from) as ReadingRow[]).map(toReading),
    /** Every active reading dated on or after `from`, by indicator: a rebuild's input. */
    allReadings: (from: string) => (q.allReadings.all(from) as ReadingRow[]).map(toReading),
    segmentBefore: (indicatorId: string, day: string) => {
      const row = q.segmentBefore.get(indicatorId, day) as SegmentRow | undefined;
      return row ? toSegment(row) : undefined;
    },
    /** The segment in force at `day` for each indicator, in the order given. */
    segmentsAt: (indicatorIds: readonly string[], day: string) =>
      indicatorIds.map((id) => {
        const row = q.segmentAt.get(id, day) as SegmentRow | undefined;
        return row ? toSegment(row) : undefined;
      }),
    segmentsFrom: (day: string) => (q.segmentsFrom.all(day) as SegmentRow[]).map(toSegment),
    /** segmentsFrom, leaving out each of `except`'s indicators from its date on (a write has just computed those). */
    segmentsFromExcept: (day: string, except: ReadonlyMap<string, string>) =>
      (q.segmentsFromExcept.all(day, JSON.stringify(Object.fromEntries(except))) as SegmentRow[]).map(toSegment),
    segmentSpan: () => q.segmentSpan.get() as { first: string | null; last: string | null },
    replaceSegments(indicatorId: string, from: string, segments: VoteSegment[]) {
      q.deleteSegments.run(indicatorId, from);
      for (const s of segments) {
        q.insertSegment.run({
          indicatorId,
          from: s.from,
          weightSum: s.weightSum,
          logLikelihood: JSON.stringify(s.logLikelihood),
          distance: JSON.stringify(s.distance),
          readings: JSON.stringify(s.readings)
        });
      }
    },
    /** Replaces the days from `from` on, and drops days before the first segment. */
    replaceDays(from: string, days: StoredDay[], firstSegmentDay: string | null) {
      q.deleteDaysFrom.run(from);
      for (const d of days) {
        q.insertDay.run({
          day: d.day,
          probabilities: JSON.stringify(d.probabilities),
          inconsistency: JSON.stringify(d.inconsistency),
          covered: d.covered,
          sources: d.sources,
          evidence: d.evidence
        });
      }
      q.deleteDaysBefore.run(firstSegmentDay ?? '9999-12-31');
    },
    clear: () => db.exec('DELETE FROM assessment_segments; DELETE FROM assessment_days;'),
    days: (days: readonly string[]): StoredDay[] => (q.days.all(JSON.stringify(days)) as DayRow[]).map(toDay),
    /** Days in [from, to] that brought readings, with how many indicators they moved. */
    evidenceDays: (from: string, to: string) => q.evidenceDays.all(from, to) as { day: string; evidence: number }[],
    /** The latest day on or before `day` that brought a reading. */
    lastEvidenceDay: (day: string) => (q.lastEvidenceDay.get(day) as string | null) ?? null,
    /** Everything materialised, for comparing an incremental state with a rebuild. */
    dump: () => ({
      segments: (q.allSegments.all() as SegmentRow[]).map(toSegment),
      days: (q.allDays.all() as DayRow[]).map(toDay)
    }),
    maxObservationId: () => q.maxObservationId.get() as number
  };
}

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
