import { observationWeight } from '../analysis/grading.js';
import type { WeightedReading } from '../analysis/series.js';
import { InputError } from '../errors.js';
import type { Observation, ObservationInput, Reliability } from '../schemas/index.js';
import type { Actor } from '../actor.js';
import type { AuditRepository } from './audit-repository.js';
import type { SourceRepository } from './source-repository.js';
import type { Db } from './open-db.js';

export interface ObservationRow {
  id: number;
  indicatorId: string;
  observedAt: string;
  level: number;
  quantity: number | null;
  rationale: string;
  sourceId: number;
  sourceTitle: string;
  sourceUrl: string;
  reliability: Reliability;
  credibility: number;
  supersedes: number | null;
  supersededBy: number | null;
  recordedAt: string;
  demo: number;
  recordedById: number | null;
  recordedByUsername: string | null;
  recordedByName: string | null;
}

export const COLUMNS = `o.id, o.indicator_id AS indicatorId, o.observed_at AS observedAt, o.level, o.quantity,
  o.rationale, s.id AS sourceId, s.title AS sourceTitle, s.url AS sourceUrl, o.reliability, o.credibility,
  o.supersedes, c.id AS supersededBy, o.recorded_at AS recordedAt, o.demo,
  u.id AS recordedById, u.username AS recordedByUsername, u.display_name AS recordedByName`;
export const FROM = `observations o JOIN sources s ON s.id = o.source_id LEFT JOIN observations c ON c.supersedes = o.id
  LEFT JOIN users u ON u.id = o.recorded_by`;

export function toObservation(r: ObservationRow): Observation {
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    observedAt: r.observedAt,
    level: r.level,
    quantity: r.quantity,
    rationale: r.rationale,
    source: { id: r.sourceId, title: r.sourceTitle, url: r.sourceUrl || null },
    reliability: r.reliability,
    credibility: r.credibility,
    weight: observationWeight(r.reliability, r.credibility),
    supersedes: r.supersedes,
    supersededBy: r.supersededBy,
    recordedAt: r.recordedAt,
    demo: r.demo === 1,
    recordedBy:
      r.recordedById === null
        ? null
        : { id: r.recordedById, username: r.recordedByUsername!, displayName: r.recordedByName! }
  };
}

/** Who records (`userId` null for system loads such as demonstration data), and whether it is demonstration data. */
export interface RecordOptions extends Actor {
  demo?: boolean;
}

/**
 * Observations are append-only: `record` inserts, a correction supersedes an earlier one, and
 * nothing is updated or deleted (the table's triggers refuse it too). `includeDemo` false hides
 * demonstration rows from every read.
 */
/** The kept month sums store weights as whole numbers of 1e-4 (migration 0010), so they add exactly. */
const WEIGHT_UNITS = 1e4;

interface MonthSums {
  at: string;
  weightedLevels: number;
  weight: number;
}
/** A month's weighted mean level (README, Method: Series), rounded as the series are. */
const monthReading = (m: MonthSums) => ({
  at: m.at,
  reading: Math.round((m.weightedLevels / m.weight) * 1e4) / 1e4,
  weight: m.weight / WEIGHT_UNITS
});

export function createObservationRepository(
  db: Db,
  { includeDemo }: { includeDemo: boolean },
  { audit, sources }: { audit: AuditRepository; sources: SourceRepository }
) {
  const visible = includeDemo ? '1 = 1' : 'o.demo = 0';
  const visibleCorrection = includeDemo ? '1 = 1' : 'c.demo = 0';
  // Month sums and observed days are kept per view by triggers (migration 0010).
  const view = includeDemo ? 'all' : 'real';
  const q = {
    monthly: db.prepare(`SELECT month AS at, weighted_levels AS weightedLevels, weight FROM indicator_months
      WHERE indicator_id = ? AND view = '${view}' AND month >= ? AND readings > 0 ORDER BY month`),
    monthsBackFrom: db.prepare(`SELECT month AS at, weighted_levels AS weightedLevels, weight FROM indicator_months
      WHERE indicator_id = ? AND view = '${view}' AND month < ? AND readings > 0 ORDER BY month DESC`),
    observedDates: db
      .prepare(
        `SELECT day FROM indicator_days WHERE indicator_id = ? AND view = '${view}' AND day >= ? AND readings > 0
      ORDER BY day`
      )
      .pluck(),
    lastObservedBefore: db
      .prepare(
        `SELECT max(day) FROM indicator_days WHERE indicator_id = ? AND view = '${view}' AND day < ?
      AND readings > 0`
      )
      .pluck(),
    lastObservedAt: db
      .prepare(`SELECT max(day) FROM indicator_days WHERE indicator_id = ? AND view = '${view}' AND readings > 0`)
      .pluck(),
    byIndicator: db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.indicator_id = ? AND ${visible}
      ORDER BY o.observed_at DESC, o.id DESC`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = ?`),
    active: db.prepare(`SELECT o.observed_at AS observedAt, o.level, o.quantity, o.reliability, o.credibility, o.demo
      FROM observations o WHERE o.indicator_id = ? AND ${visible}
        AND NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND ${visibleCorrection})
        AND o.observed_at BETWEEN ? AND ? ORDER BY o.observed_at, o.id`),
    firstObservedAt: db
      .prepare(`SELECT min(day) FROM indicator_days WHERE indicator_id = ? AND view = '${view}' AND readings > 0`)
      .pluck(),
    indicatorState: db.prepare('SELECT retired_at AS retiredAt FROM indicators WHERE id = ?'),
    observableFrom: db.prepare('SELECT observable_from FROM topic LIMIT 1').pluck(),
    insert: db.prepare(`INSERT INTO observations (indicator_id, observed_at, level, quantity, rationale, source_id,
        reliability, credibility, supersedes, recorded_at, demo, recorded_by)
      VALUES (@indicatorId, @observedAt, @level, @quantity, @rationale, @sourceId, @reliability, @credibility,
        @supersedes, @recordedAt, @demo, @recordedBy)`),
    recordedBetween:
      db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${visible} AND (@from IS NULL OR o.recorded_at > @from)
      AND o.recorded_at <= @to ORDER BY o.indicator_id, o.observed_at, o.id`),
    // Active rows only: a corrected typo (1900-01-01) must not stretch every range.
    firstDate: db
      .prepare(
        `SELECT o.observed_at FROM observations o WHERE ${visible}
      AND NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND ${visibleCorrection})
      ORDER BY o.observed_at LIMIT 1`
      )
      .pluck(),
    demoCount: db.prepare('SELECT count(*) FROM observations WHERE demo = 1').pluck(),
    total: db.prepare('SELECT count(*) FROM observations').pluck()
  };

  /** Checks that need the database, then the insert and its audit row: all or nothing. */
  const recordOne = (
    input: ObservationInput,
    { now, actor, userId = null, demo = false }: RecordOptions
  ): Observation => {
    const indicator = q.indicatorState.get(input.indicatorId) as { retiredAt: string | null } | undefined;
    if (!indicator) throw new InputError(400, 'indicatorId', `no indicator "${input.indicatorId}" in the catalogue`);
    if (indicator.retiredAt) throw new InputError(409, 'indicatorId', `indicator "${input.indicatorId}" is retired`);
    if (input.observedAt > now.toISOString().slice(0, 10))
      throw new InputError(400, 'observedAt', 'must not be in the future');
    const observableFrom = q.observableFrom.get() as string | null | undefined;
    if (observableFrom && input.observedAt < observableFrom) {
      throw new InputError(
        400,
        'observedAt',
        `must not be before ${observableFrom}, the earliest date this topic observes`
      );
    }
    let before: Observation | undefined;
    if (input.supersedes !== undefined) {
      const row = q.byId.get(input.supersedes) as ObservationRow | undefined;
      if (!row) throw new InputError(400, 'supersedes', `no observation #${input.supersedes}`);
      before = toObservation(row);
      if (before.indicatorId !== input.indicatorId)
        throw new InputError(
          400,
          'supersedes',
          `observation #${before.id} belongs to indicator "${before.indicatorId}"`
        );
      if (before.supersededBy !== null)
        throw new InputError(
          409,
          'supersedes',
          `observation #${before.id} was already superseded by #${before.supersededBy}`
        );
    }
    const at = now.toISOString();
    const id = Number(
      q.insert.run({
        indicatorId: input.indicatorId,
        observedAt: input.observedAt,
        level: input.level,
        quantity: input.quantity ?? null,
        rationale: input.rationale,
        sourceId: sources.resolveForObservation(input, input.reliability, { now, actor }),
        reliability: input.reliability,
        credibility: input.credibility,
        supersedes: input.supersedes ?? null,
        recordedAt: at,
        demo: demo ? 1 : 0,
        recordedBy: userId
      }).lastInsertRowid
    );
    const stored = toObservation(q.byId.get(id) as ObservationRow);
    audit.append(
      {
        actor,
        action: before ? 'observation.correct' : 'observation.record',
        entity: 'observation',
        entityId: id,
        before,
        after: stored
      },
      now
    );
    return stored;
  };

  return {
    /** Whether demonstration rows count (WATCHFLOOR_DEMO). */
    demoVisible: includeDemo,
    record: (input: ObservationInput, options: RecordOptions) => db.transaction(recordOne)(input, options),
    /** Many observations in one transaction (demonstration data): one bad row writes none. */
    recordAll: (inputs: ObservationInput[], options: RecordOptions) =>
      db.transaction(() => inputs.map((i) => recordOne(i, options)))(),
    get: (id: number): Observation | null => {
      const row = q.byId.get(id) as ObservationRow | undefined;
      return row ? toObservation(row) : null;
    },
    listByIndicator: (indicatorId: string): Observation[] =>
      (q.byIndicator.all(indicatorId) as ObservationRow[]).map(toObservation),
    /** The readings a series is built from: visible, not superseded, with their weights; dated in [from, to] if given. */
    activeReadings(indicatorId: string, from = '0000-01-01', to = '9999-12-31'): WeightedReading[] {
      type Row = Pick<ObservationRow, 'observedAt' | 'level' | 'quantity' | 'reliability' | 'credibility' | 'demo'>;
      return (q.active.all(indicatorId, from, to) as Row[]).map((r) => ({
        observedAt: r.observedAt,
        level: r.level,
        quantity: r.quantity,
        weight: observationWeight(r.reliability, r.credibility),
        demo: r.demo === 1
      }));
    },
    /**
     * The indicator's observed months with their weighted mean level (README, Method: Series; rounded as the
     * series are), from the kept month sums: what tripwires and novelty look at, without the rows.
     */
    monthlyReadings: (indicatorId: string, since = '0000-01-01') =>
      (q.monthly.all(indicatorId, since) as MonthSums[]).map(monthReading),
    /**
     * The latest observed month before `month` whose reading is `level` or lower (null if none):
     * read backwards from `month`, stopping there.
     */
    lastMonthAtOrBelow(indicatorId: string, month: string, level: number): string | null {
      for (const m of q.monthsBackFrom.iterate(indicatorId, month) as IterableIterator<MonthSums>) {
        if (monthReading(m).reading <= level) return m.at; // leaving the loop closes the statement
      }
      return null;
    },
    /** The distinct dates of the indicator's active observations from `since` on, in order (staleness gaps). */
    observedDates: (indicatorId: string, since = '0000-01-01') => q.observedDates.all(indicatorId, since) as string[],
    /** The indicator's latest observed day before `day` (null without any). */
    lastObservedBefore: (indicatorId: string, day: string) =>
      (q.lastObservedBefore.get(indicatorId, day) as string | null | undefined) ?? null,
    /** The date of the indicator's first active observation (null without any). */
    firstObservedAt: (indicatorId: string) => (q.firstObservedAt.get(indicatorId) as string | null | undefined) ?? null,
    /** The date of the indicator's latest active observation (null without any). */
    lastObservedAt: (indicatorId: string) => (q.lastObservedAt.get(indicatorId) as string | null | undefined) ?? null,
    /** Observations recorded (new or corrections) in (from, to], by recording time. */
    recordedBetween: (from: string | null, to: string): Observation[] =>
      (q.recordedBetween.all({ from, to }) as ObservationRow[]).map(toObservation),
    firstDate: () => (q.firstDate.get() as string | null) ?? null,
    demoCount: () => (includeDemo ? (q.demoCount.get() as number) : 0),
    total: () => q.total.get() as number
  };
}

export type ObservationRepository = ReturnType<typeof createObservationRepository>;
