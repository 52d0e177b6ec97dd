import { observationWeight } from '../analysis/grading.js';
import type { WeightedReading } from '../analysis/series.js';
import { InputError } from '../errors.js';
import type { Observation, ObservationInput } from '../schemas/index.js';
import type { Actor } from '../actor.js';
import type { AuditRepository } from './audit-repository.js';
import { createIndicatorActivity } from './indicator-activity.js';
import { COLUMNS, FROM, toObservation, type ObservationRow } from './observation-rows.js';
import type { SourceRepository } from './source-repository.js';
import type { Db } from './open-db.js';

/** Who records (`userId` null for system loads such as demonstration data), and whether it is demonstration data. */
export interface RecordOptions extends Actor {
  demo?: boolean;
}

/**
 * Observations are append-only: `record` inserts, a correction supersedes an earlier one, and
 * nothing is updated or deleted (the table's triggers refuse it too). `includeDemo` false hides
 * demonstration rows from every read.
 */
export function createObservationRepository(
  db: Db,
  { includeDemo }: { includeDemo: boolean },
  { audit, sources }: { audit: AuditRepository; sources: SourceRepository }
) {
  const visible = includeDemo ? '1 = 1' : 'o.demo = 0';
  const visibleCorrection = includeDemo ? '1 = 1' : 'c.demo = 0';
  const q = {
    byIndicator: db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.indicator_id = ? AND ${visible}
      ORDER BY o.observed_at DESC, o.id DESC`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = ?`),
    active: db.prepare(`SELECT o.observed_at AS observedAt, o.level, o.quantity, o.reliability, o.credibility, o.demo
      FROM observations o WHERE o.indicator_id = ? AND ${visible}
        AND NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND ${visibleCorrection})
        AND o.observed_at BETWEEN ? AND ? ORDER BY o.observed_at, o.id`),
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
    ...createIndicatorActivity(db, { includeDemo }),
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
    /** Observations recorded (new or corrections) in (from, to], by recording time. */
    recordedBetween: (from: string | null, to: string): Observation[] =>
      (q.recordedBetween.all({ from, to }) as ObservationRow[]).map(toObservation),
    firstDate: () => (q.firstDate.get() as string | null) ?? null,
    demoCount: () => (includeDemo ? (q.demoCount.get() as number) : 0),
    total: () => q.total.get() as number
  };
}

export type ObservationRepository = ReturnType<typeof createObservationRepository>;
