import { randomUUID } from 'node:crypto';
import type { Catalogue } from '../catalogue/load-catalogue.js';
import type { AuditRepository } from './audit-repository.js';
import type { Db } from './open-db.js';

export interface SyncSummary {
  added: string[];
  updated: string[];
  retired: string[];
  removed: string[];
}

type Statements = ReturnType<typeof prepare>;

/** Meta key of a value each sync renews, so a process can tell its cached catalogue reads are still current. */
export const CATALOGUE_VERSION_KEY = 'catalogue_version';

/**
 * Makes the database's catalogue match the files, in one transaction: new indicators appear,
 * edited texts update, and an indicator gone from the files is deleted when nothing refers to
 * it, or kept as retired when observations do (observations are never orphaned).
 */
export function syncCatalogue(store: { db: Db; audit: AuditRepository }, c: Catalogue, now: Date): SyncSummary {
  const { db, audit } = store;
  const q = prepare(db);
  return db.transaction((): SyncSummary => {
    const before = indicatorSnapshot(q);
    writeTopic(db, q, c);
    writeFamiliesAndIndicators(q, c);
    writeScenarios(db, q, c);
    const summary: SyncSummary = { ...compareIndicators(c, before, indicatorSnapshot(q)), retired: [], removed: [] };
    dropWhatLeftTheFiles(q, c, before, summary, now.toISOString());
    q.version.run(CATALOGUE_VERSION_KEY, randomUUID());
    if (Object.values(summary).some((ids) => ids.length)) {
      audit.append(
        {
          actor: 'system:catalogue',
          action: 'catalogue.sync',
          entity: 'catalogue',
          entityId: c.topic.id,
          after: summary
        },
        now
      );
    }
    return summary;
  })();
}

/** The topic and its documents are replaced whole: nothing refers to them by row. */
function writeTopic(db: Db, q: Statements, c: Catalogue) {
  db.exec('DELETE FROM topic; DELETE FROM documents; DELETE FROM scenario_bands;');
  const { id, title, description, halfLifeDays, assessFrom, observableFrom, scale } = c.topic;
  q.topic.run({
    id,
    title,
    description,
    halfLifeDays,
    assessFrom,
    observableFrom,
    scaleLow: scale.low,
    scaleHigh: scale.high
  });
  for (const d of c.topic.documents) q.document.run({ publisher: null, published: null, character: null, ...d });
}

/** Families and indicators are upserted by id, so observations keep pointing at them. */
function writeFamiliesAndIndicators(q: Statements, c: Catalogue) {
  c.families.forEach((f, position) =>
    q.family.run({
      id: f.id,
      title: f.title,
      description: f.description,
      provenance: JSON.stringify(f.provenance),
      position
    })
  );
  c.indicators.forEach((ind, position) =>
    q.indicator.run({
      id: ind.id,
      familyId: ind.familyId,
      title: ind.title,
      lookFor: ind.lookFor,
      levels: JSON.stringify(ind.levels),
      quantityUnit: ind.quantity?.unit ?? null,
      quantityLabel: ind.quantity?.label ?? null,
      cadenceDays: ind.cadenceDays,
      fire: ind.thresholds.fire,
      recover: ind.thresholds.recover,
      provenance: JSON.stringify(ind.provenance),
      position
    })
  );
}

/** Scenarios not in the files go; the rest are upserted, then every band is written afresh. */
function writeScenarios(db: Db, q: Statements, c: Catalogue) {
  const scenarioIds = c.scenarios.map((s) => s.id);
  db.prepare('DELETE FROM scenarios WHERE id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(scenarioIds));
  c.scenarios.forEach((s, position) =>
    q.scenario.run({
      id: s.id,
      title: s.title,
      summary: s.summary,
      narrative: s.narrative,
      prior: s.prior,
      signposts: JSON.stringify(s.signposts),
      provenance: JSON.stringify(s.provenance),
      position
    })
  );
  for (const ind of c.indicators) {
    for (const [scenarioId, [lo, hi]] of Object.entries(ind.bands)) q.band.run(scenarioId, ind.id, lo, hi);
  }
}

/** Every indicator row as text, to tell an edited indicator from an untouched one. */
const indicatorSnapshot = (q: Statements) =>
  new Map((q.indicatorRows.all() as { id: string }[]).map((r) => [r.id, JSON.stringify(r)]));

function compareIndicators(c: Catalogue, before: Map<string, string>, after: Map<string, string>) {
  const added: string[] = [];
  const updated: string[] = [];
  for (const { id } of c.indicators) {
    if (!before.has(id)) added.push(id);
    else if (before.get(id) !== after.get(id)) updated.push(id);
  }
  return { added, updated };
}

/** Indicators and families gone from the files: retired while something refers to them, else deleted. */
function dropWhatLeftTheFiles(
  q: Statements,
  c: Catalogue,
  before: Map<string, string>,
  summary: SyncSummary,
  at: string
) {
  const inFiles = new Set(c.indicators.map((i) => i.id));
  for (const id of before.keys()) {
    if (inFiles.has(id)) continue;
    if (q.hasObservations.get(id)) {
      q.retireIndicator.run(at, id);
      summary.retired.push(id);
    } else {
      q.deleteIndicator.run(id);
      summary.removed.push(id);
    }
  }
  const familiesInFiles = new Set(c.families.map((f) => f.id));
  for (const id of q.familyIds.all() as string[]) {
    if (familiesInFiles.has(id)) continue;
    if (q.familyInUse.get(id)) q.retireFamily.run(at, id);
    else q.deleteFamily.run(id);
  }
}

function prepare(db: Db) {
  return {
    version: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
    ),
    topic:
      db.prepare(`INSERT INTO topic (id, title, description, half_life_days, assess_from, observable_from, scale_low, scale_high)
      VALUES (@id, @title, @description, @halfLifeDays, @assessFrom, @observableFrom, @scaleLow, @scaleHigh)`),
    document: db.prepare(`INSERT INTO documents (file, title, publisher, published, character)
      VALUES (@file, @title, @publisher, @published, @character)`),
    family: db.prepare(`INSERT INTO families (id, title, description, provenance_json, position, retired_at)
      VALUES (@id, @title, @description, @provenance, @position, NULL)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
        provenance_json = excluded.provenance_json, position = excluded.position, retired_at = NULL`),
    indicator: db.prepare(`INSERT INTO indicators (id, family_id, title, look_for, levels_json, quantity_unit,
        quantity_label, cadence_days, fire_level, recover_level, provenance_json, position, retired_at)
      VALUES (@id, @familyId, @title, @lookFor, @levels, @quantityUnit, @quantityLabel, @cadenceDays,
        @fire, @recover, @provenance, @position, NULL)
      ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, title = excluded.title,
        look_for = excluded.look_for, levels_json = excluded.levels_json, quantity_unit = excluded.quantity_unit,
        quantity_label = excluded.quantity_label, cadence_days = excluded.cadence_days,
        fire_level = excluded.fire_level, recover_level = excluded.recover_level,
        provenance_json = excluded.provenance_json, position = excluded.position, retired_at = NULL`),
    scenario:
      db.prepare(`INSERT INTO scenarios (id, title, summary, narrative, prior, signposts_json, provenance_json, position)
      VALUES (@id, @title, @summary, @narrative, @prior, @signposts, @provenance, @position)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
        narrative = excluded.narrative, prior = excluded.prior, signposts_json = excluded.signposts_json,
        provenance_json = excluded.provenance_json, position = excluded.position`),
    band: db.prepare('INSERT INTO scenario_bands (scenario_id, indicator_id, lo, hi) VALUES (?, ?, ?, ?)'),
    indicatorRows: db.prepare(`SELECT id, family_id, title, look_for, levels_json, quantity_unit, quantity_label,
        cadence_days, fire_level, recover_level, provenance_json, retired_at FROM indicators`),
    hasObservations: db.prepare('SELECT EXISTS (SELECT 1 FROM observations WHERE indicator_id = ?)').pluck(),
    retireIndicator: db.prepare('UPDATE indicators SET retired_at = coalesce(retired_at, ?) WHERE id = ?'),
    deleteIndicator: db.prepare('DELETE FROM indicators WHERE id = ?'),
    familyIds: db.prepare('SELECT id FROM families').pluck(),
    familyInUse: db.prepare('SELECT EXISTS (SELECT 1 FROM indicators WHERE family_id = ?)').pluck(),
    retireFamily: db.prepare('UPDATE families SET retired_at = coalesce(retired_at, ?) WHERE id = ?'),
    deleteFamily: db.prepare('DELETE FROM families WHERE id = ?')
  };
}
