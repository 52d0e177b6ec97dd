import { SEVERITY_SQL } from '../analysis/warning-severity.js';
import type { WarningEvent, WarningKind as EventKind } from '../analysis/detector.js';
import { InputError } from '../errors.js';
import type { Warning, WarningKind, WarningSeverity } from '../schemas/index.js';
import type { Actor } from '../actor.js';
import type { AuditRepository } from './audit-repository.js';
import type { Db } from './open-db.js';

/** Open warnings of `kinds` for the indicator, dated on or after `from`, that an evaluation speaks for. */
export interface EvaluatedWindow {
  indicatorId: string;
  kinds: readonly EventKind[];
  from: string;
}

/**
 * Which open warnings an evaluation speaks for, so it may withdraw them: every indicator's
 * ('all'), or only the windows it evaluated; shifts from `shiftFrom` on (null: none).
 */
export interface EvaluatedScope {
  indicators: 'all' | EvaluatedWindow[];
  shiftFrom: string | null;
}

type Row = Omit<Warning, 'state'>;

const STATE = `CASE WHEN w.resolved_at IS NOT NULL THEN 'resolved'
  WHEN w.acknowledged_at IS NOT NULL THEN 'acknowledged' ELSE 'open' END`;
const COLUMNS = `w.id, w.kind, w.indicator_id AS indicatorId, i.title AS indicatorTitle, w.scenario_id AS scenarioId,
  w.at, w.until, w.level, w.cause, w.detected_at AS detectedAt, w.resolved_at AS resolvedAt,
  w.acknowledged_at AS acknowledgedAt, w.acknowledged_by AS acknowledgedBy, w.acknowledged_note AS acknowledgedNote,
  ${SEVERITY_SQL} AS severity, ${STATE} AS state`;

export interface WarningFilter {
  state: 'open' | 'acknowledged' | 'resolved' | 'all';
  since?: string;
  kind?: WarningKind;
  severity?: WarningSeverity;
  indicatorId?: string;
}

export interface Acknowledgement extends Actor {
  note?: string | null;
}

/**
 * Warnings, each stored once under its fingerprint. Storing an evaluation again inserts only
 * what is new, closes what has ended (`until`), and resolves what the evidence no longer
 * supports (a corrected observation can withdraw a tripwire).
 */
export function createWarningRepository(db: Db, audit: AuditRepository) {
  const q = {
    insert:
      db.prepare(`INSERT INTO warnings (fingerprint, kind, indicator_id, scenario_id, at, until, level, cause, detected_at, resolved_at)
      VALUES (@fingerprint, @kind, @indicatorId, @scenarioId, @at, @until, @level, @cause, @now, CASE WHEN @until IS NULL THEN NULL ELSE @now END)`),
    close: db.prepare(
      'UPDATE warnings SET until = @until, resolved_at = coalesce(resolved_at, @now) WHERE fingerprint = @fingerprint'
    ),
    // One read for the whole evaluation: which of its fingerprints are stored, and whether they are still open-ended.
    stored: db.prepare(`SELECT fingerprint, until FROM warnings WHERE fingerprint IN (SELECT value FROM json_each(?))`),
    openAll: db.prepare(
      `SELECT fingerprint FROM warnings WHERE resolved_at IS NULL AND (kind <> 'shift' OR at >= @shiftFrom)`
    ),
    // Each window is a range of warnings_by_indicator (indicator_id, at).
    openInWindows: db.prepare(`SELECT w.fingerprint FROM json_each(@windows) j
        JOIN warnings w ON w.indicator_id = j.value ->> 'indicatorId' AND w.at >= j.value ->> 'from'
      WHERE w.resolved_at IS NULL AND w.kind IN (SELECT value FROM json_each(j.value -> 'kinds'))
      UNION ALL SELECT fingerprint FROM warnings WHERE resolved_at IS NULL AND kind = 'shift' AND at >= @shiftFrom`),
    openByKind: db.prepare(
      'SELECT kind, count(*) AS n FROM warnings WHERE resolved_at IS NULL AND acknowledged_at IS NULL GROUP BY kind'
    ),
    withdraw: db.prepare('UPDATE warnings SET resolved_at = @now WHERE fingerprint = @fingerprint'),
    list: db.prepare(`SELECT ${COLUMNS} FROM warnings w LEFT JOIN indicators i ON i.id = w.indicator_id
      WHERE (@state = 'all' OR ${STATE} = @state) AND (@since IS NULL OR w.at >= @since OR coalesce(w.until, '9999') >= @since)
        AND (@kind IS NULL OR w.kind = @kind) AND (@severity IS NULL OR ${SEVERITY_SQL} = @severity) AND (@indicatorId IS NULL OR w.indicator_id = @indicatorId)
      ORDER BY w.at DESC, w.id DESC`),
    byId: db.prepare(
      `SELECT ${COLUMNS} FROM warnings w LEFT JOIN indicators i ON i.id = w.indicator_id WHERE w.id = ?`
    ),
    acknowledge:
      db.prepare(`UPDATE warnings SET acknowledged_at = @at, acknowledged_by = @actor, acknowledged_note = @note
      WHERE id = @id AND acknowledged_at IS NULL`),
    count: db.prepare('SELECT count(*) FROM warnings').pluck(),
    detected: db.prepare(`SELECT ${COLUMNS} FROM warnings w LEFT JOIN indicators i ON i.id = w.indicator_id
      WHERE (@from IS NULL OR w.detected_at > @from) AND w.detected_at <= @to ORDER BY w.at DESC, w.id DESC`),
    resolved: db.prepare(`SELECT ${COLUMNS} FROM warnings w LEFT JOIN indicators i ON i.id = w.indicator_id
      WHERE w.kind IN ('tripwire', 'staleness') AND w.resolved_at IS NOT NULL AND (@from IS NULL OR w.resolved_at > @from)
        AND w.resolved_at <= @to ORDER BY w.resolved_at DESC, w.id DESC`)
  };

  function acknowledgeOne(id: number, path: string, who: Acknowledgement): Warning {
    const before = q.byId.get(id) as Row | undefined;
    if (!before) throw new InputError(404, path, `no warning #${id}`);
    const changed = q.acknowledge.run({
      id,
      at: who.now.toISOString(),
      actor: who.actor,
      note: who.note ?? null
    }).changes;
    const after = q.byId.get(id) as Warning;
    if (changed)
      audit.append(
        { actor: who.actor, action: 'warning.acknowledge', entity: 'warning', entityId: id, before, after },
        who.now
      );
    return after;
  }

  return {
    /**
     * Stores an evaluation's events in one transaction; returns how many were new, closed,
     * withdrawn. One read finds which are stored already, so only what changed is written. Only
     * open warnings inside `scope` can be withdrawn: an evaluation of one indicator's window
     * says nothing about the others, nor about that indicator's earlier warnings.
     */
    store: (
      events: WarningEvent[],
      now: Date,
      scope: EvaluatedScope = { indicators: 'all', shiftFrom: '1000-01-01' }
    ) =>
      db.transaction(() => {
        const at = now.toISOString();
        const stored = new Map(
          (
            q.stored.all(JSON.stringify(events.map((e) => e.fingerprint))) as {
              fingerprint: string;
              until: string | null;
            }[]
          ).map((r) => [r.fingerprint, r.until])
        );
        let inserted = 0;
        let closed = 0;
        for (const e of events) {
          if (!stored.has(e.fingerprint)) inserted += q.insert.run({ ...e, now: at }).changes;
          else if (stored.get(e.fingerprint) === null && e.until !== null)
            closed += q.close.run({ fingerprint: e.fingerprint, until: e.until, now: at }).changes;
        }
        const current = new Set(events.map((e) => e.fingerprint));
        const shiftFrom = scope.shiftFrom ?? '9999-12-31';
        const open = (
          scope.indicators === 'all'
            ? q.openAll.all({ shiftFrom })
            : q.openInWindows.all({ shiftFrom, windows: JSON.stringify(scope.indicators) })
        ) as { fingerprint: string }[];
        let withdrawn = 0;
        for (const { fingerprint } of open) {
          if (!current.has(fingerprint)) withdrawn += q.withdraw.run({ fingerprint, now: at }).changes;
        }
        return { inserted, closed, withdrawn };
      })(),
    list: (f: WarningFilter): Warning[] =>
      q.list.all({
        state: f.state,
        since: f.since ?? null,
        kind: f.kind ?? null,
        severity: f.severity ?? null,
        indicatorId: f.indicatorId ?? null
      }) as Warning[],
    acknowledge: (id: number, who: Acknowledgement): Warning => db.transaction(() => acknowledgeOne(id, 'id', who))(),
    /**
     * Acknowledges several warnings with one note, all or none: an unknown id refuses the whole
     * request (naming it); ones acknowledged before keep their original who, when and why.
     */
    acknowledgeMany: (ids: number[], who: Acknowledgement) =>
      db.transaction(() => {
        ids.forEach((id, i) => {
          if (!q.byId.get(id)) throw new InputError(404, `ids.${i}`, `no warning #${id}`);
        });
        const already = ids.filter((id) => (q.byId.get(id) as Warning).acknowledgedAt !== null);
        const acknowledged = ids.filter((id) => !already.includes(id)).map((id) => acknowledgeOne(id, 'id', who));
        return { acknowledged, alreadyAcknowledged: already };
      })(),
    count: () => q.count.get() as number,
    /** Open, unacknowledged warnings counted by kind. */
    openCounts: () =>
      Object.fromEntries(
        (q.openByKind.all() as { kind: WarningKind; n: number }[]).map((r) => [r.kind, r.n])
      ) as Partial<Record<WarningKind, number>>,
    /** Warnings first detected in (from, to]: what a digest reports as fired. */
    detectedBetween: (from: string | null, to: string) => q.detected.all({ from, to }) as Warning[],
    /** Tripwires and staleness that ended in (from, to]. */
    resolvedBetween: (from: string | null, to: string) => q.resolved.all({ from, to }) as Warning[]
  };
}

export type WarningRepository = ReturnType<typeof createWarningRepository>;
